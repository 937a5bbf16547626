"""ASGI entry point: pages through Django, the live game's sockets through Channels.

Served by daphne (``daphne ddo_learn.asgi:application``; `make run`'s runserver too, with daphne
installed). Sockets are checked against ALLOWED_HOSTS (their Origin header) and carry the session and
user of the pages they were opened from.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")

# Django first: the consumers import models.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
