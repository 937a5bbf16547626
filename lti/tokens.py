"""OAuth 2 access tokens for the platform's services (client credentials with a signed JWT assertion).

Kept in the shared cache until a minute before they expire, per platform and scope.
"""

import hashlib
import secrets
import time

from django.core.cache import cache

from . import http, keys


def _key(platform, scope):
    return f"lti:token:{platform.pk}:{hashlib.sha256(scope.encode()).hexdigest()[:16]}"


def assertion(platform):
    now = int(time.time())
    return keys.sign(
        {
            "iss": platform.client_id,
            "sub": platform.client_id,
            "aud": platform.auth_token_url,
            "iat": now,
            "exp": now + 300,
            "jti": secrets.token_urlsafe(16),
        }
    )


def access_token(platform, scope):
    token = cache.get(_key(platform, scope))
    if token:
        return token
    answer = http.call(
        "POST",
        platform.auth_token_url,
        data={
            "grant_type": "client_credentials",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion(platform),
            "scope": scope,
        },
    ).json()
    token = answer["access_token"]
    lifetime = int(answer.get("expires_in", 3600)) - 60
    if lifetime > 0:
        cache.set(_key(platform, scope), token, lifetime)
    return token


def forget(platform, scope):
    cache.delete(_key(platform, scope))
