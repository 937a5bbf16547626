"""A small fixed-window throttle on Django's cache, for join codes (logins are django-axes')."""

from django.conf import settings
from django.core.cache import cache


def _key(scope, request):
    address = request.META.get("REMOTE_ADDR", "unknown")
    return f"throttle:{scope}:{address}"


def is_throttled(scope, request):
    return cache.get(_key(scope, request), 0) >= settings.THROTTLE_LIMIT


def record_failure(scope, request):
    key = _key(scope, request)
    if cache.add(key, 1, settings.THROTTLE_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, settings.THROTTLE_WINDOW_SECONDS)


def reset(scope, request):
    cache.delete(_key(scope, request))
