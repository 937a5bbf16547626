"""The platforms' public keys, fetched once and kept in the shared cache.

A token signed with a key we have not seen (by ``kid``) makes us fetch the key set again, once:
that is how a platform's key rotation reaches us (Brightspace rotates hourly). Refetches are
limited to one per platform per ``REFETCH_SECONDS``, so a stream of made-up kids costs the
platform nothing.
"""

import jwt
from django.core.cache import cache

from . import http

KEEP_SECONDS = 24 * 3600
REFETCH_SECONDS = 60


def _cache_key(platform):
    return f"lti:jwks:{platform.pk}"


def _fetch(platform):
    keys = http.call("GET", platform.key_set_url).json().get("keys", [])
    cache.set(_cache_key(platform), keys, KEEP_SECONDS)
    return keys


def _find(keys, kid):
    return next((key for key in keys if key.get("kid") == kid), None)


def public_key(platform, kid):
    """The platform's key ``kid`` as a PyJWT key, or None if the platform does not publish it."""
    keys = cache.get(_cache_key(platform))
    if keys is None:
        keys = _fetch(platform)
    elif _find(keys, kid) is None and cache.add(f"lti:jwks-refetch:{platform.pk}", 1, REFETCH_SECONDS):
        keys = _fetch(platform)
    jwk = _find(keys, kid)
    return None if jwk is None else jwt.PyJWK(jwk, algorithm="RS256").key
