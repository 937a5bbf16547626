"""System checks for production settings."""

from django.conf import settings
from django.core import checks

SHARED_CACHES = {
    "django.core.cache.backends.redis.RedisCache",
    "ddo_learn.cache.RedisCache",  # the same, sharing its Redis client
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django.core.cache.backends.filebased.FileBasedCache",  # one machine's workers (make classroom)
}


@checks.register(checks.Tags.caches)
def shared_cache_in_production(app_configs, **kwargs):
    """Rate limits and throttles count in the default cache: with a per-process cache each
    gunicorn worker would count on its own, so production (DEBUG=0) must set REDIS_URL."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in SHARED_CACHES:
        return []
    return [
        checks.Error(
            f"The default cache ({backend}) is not shared between processes.",
            hint="Set REDIS_URL (for example redis://127.0.0.1:6379/0) when DEBUG=0.",
            id="quizzes.E001",
        )
    ]
