"""The live game's socket addresses (outside the /tr/ and /en/ pages: a phone's language is in its messages)."""

from django.urls import re_path

from .consumers import HostConsumer, PlayerConsumer

websocket_urlpatterns = [
    re_path(r"^ws/live/(?P<code>[0-9]{6})/play/$", PlayerConsumer.as_asgi()),
    re_path(r"^ws/live/(?P<code>[0-9]{6})/host/$", HostConsumer.as_asgi()),
]
