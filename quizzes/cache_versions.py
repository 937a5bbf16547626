"""Versions: the one rule that keeps what the shared cache holds right when requests overlap.

A thing cached from database rows (the learning pages, a signed-in user, a result's questions) is
stored under a version: a token in the default cache (Redis in production, shared by every worker
and instance) that is read BEFORE the rows. A change to those rows gives them a new version now
and again when its transaction commits. So a request that read the rows before the commit, and
stores what it rendered after it, stores it under a version that is no longer current, and no
one reads it again; nothing needs deleting, and no interleaving can bring old rows back.

A version that is gone (expired, evicted, Redis restarted) is replaced by a new one: that only
makes the next request read the database. docs/CACHING.md lists every cache of the site.
"""

import secrets

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 24 * 3600


def _new():
    return secrets.token_hex(8)


def read(key, known=None, timeout=TIMEOUT):
    """The version at ``key`` (``known``: as already read with other keys in one round trip),
    made if there is none. Read it before the rows that what is cached under it is made of."""
    if known is not None:
        return known
    version = cache.get(key)
    if version is None:
        cache.add(key, _new(), timeout)  # of two requests making it at once, one wins
        version = cache.get(key)
    return version


def renew(*keys, timeout=TIMEOUT):
    """New versions at ``keys`` now and again when the current transaction commits (at once
    outside one): the second one is what counts for a request that overlaps the transaction."""

    def store():
        cache.set_many({key: _new() for key in keys}, timeout)

    store()
    transaction.on_commit(store)
