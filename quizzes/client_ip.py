"""The client's address, for login lockouts and rate limits.

With TRUSTED_PROXY_COUNT = 0 (the default) it is REMOTE_ADDR: nothing a client
writes in a header is believed. Behind N reverse proxies that each append the
address they saw to X-Forwarded-For, the client is the N-th entry from the
right: entries further left were written by the client itself.

An IPv6 client is its /64 network, as django-ratelimit counts it: a home or
school line gets a whole /64, and a client could otherwise take a fresh
address for every try and walk past each lockout.
"""

import ipaddress

from django.conf import settings

IPV6_NETWORK = 64


def client_ip(request):
    return _network(_address(request))


def _address(request):
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


def _network(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_NETWORK}", strict=False).network_address)
    return address
