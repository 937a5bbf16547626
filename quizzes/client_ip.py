"""The client's address, for login lockouts and rate limits.

With TRUSTED_PROXY_COUNT = 0 (the default) it is REMOTE_ADDR: nothing a client
writes in a header is believed. Behind N reverse proxies that each append the
address they saw to X-Forwarded-For, the client is the N-th entry from the
right: entries further left were written by the client itself.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote  # not through every trusted proxy: only the connection itself is known
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
