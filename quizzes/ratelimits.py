"""Rate limits on writes (django-ratelimit on the default cache, shared in production).

``@limited("start")`` counts POSTs per signed-in user, else per (real) session,
else per address, at ``settings.RATE_LIMITS[group]``, and per address at the
wider ``settings.RATE_LIMITS_PER_ADDRESS[group]``, so a client that throws away
its cookies is still bounded. A refused request raises ``Ratelimited`` before
the view runs (nothing is written); quizzes.views.errors.rate_limited answers 429.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit

from .client_ip import client_ip


def user_or_client(group, request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session = getattr(request, "session", None)
    if session is not None:
        session.items()  # loads the session: a made-up key in the cookie is dropped here
        if session.session_key:
            return f"session:{session.session_key}"
    return f"ip:{client_ip(request)}"


def _rate(table, name):
    def rate(group, request):
        return getattr(settings, table)[name]

    return rate


def limited(name):
    per_client = ratelimit(
        group=f"ddo:{name}", key=user_or_client, rate=_rate("RATE_LIMITS", name), method="POST", block=True
    )
    per_address = ratelimit(
        group=f"ddo:{name}:ip", key="ip", rate=_rate("RATE_LIMITS_PER_ADDRESS", name), method="POST", block=True
    )

    def decorate(view):
        return per_address(per_client(view))

    return decorate
