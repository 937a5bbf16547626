"""Our RSA key set: the newest key signs; JWKS publishes it and the one before (a rotation's overlap)."""

import json
import secrets

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import transaction

from .models import ToolKey

PUBLISHED = 2  # the current key and the previous one


def new_private_pem():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def rotate(private_pem=None):
    """Make a new current key; keep the previous one published; delete the older ones."""
    with transaction.atomic():
        key = ToolKey.objects.create(kid=secrets.token_urlsafe(16), private_pem=private_pem or new_private_pem())
        stale = ToolKey.objects.values_list("pk", flat=True)[PUBLISHED:]
        ToolKey.objects.filter(pk__in=list(stale)).delete()
    return key


def current_key():
    """The signing key, made on first use."""
    return ToolKey.objects.first() or rotate()


def public_jwk(key):
    private = serialization.load_pem_private_key(key.private_pem.encode(), password=None)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    return {**jwk, "kid": key.kid, "alg": "RS256", "use": "sig"}


def key_set():
    return {"keys": [public_jwk(key) for key in ToolKey.objects.all()[:PUBLISHED]]}


def sign(claims):
    key = current_key()
    return jwt.encode(claims, key.private_pem, algorithm="RS256", headers={"kid": key.kid})
