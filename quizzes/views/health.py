"""The load balancer's health check: is this instance able to serve a page?

A view of our own rather than django-health-check: two checks (a query on the
database, a write and read on the shared cache) need no new dependency, no
extra app in INSTALLED_APPS, and answer in well under a millisecond on loopback.

200 "ok" when both answer; 503 with the failing check's name otherwise, so a
balancer takes this instance out until it can serve again. The answer says
nothing about the data, needs no session, is never cached and is outside the
language prefix and the rate limits (quizzes.ratelimits limits only POSTs of
named views).
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    # A key of this check's own: instances, workers and threads checking at once never read one
    # another's value (one shared key answered 503 when two checks overlapped). It expires unread.
    key = f"ddo:health:{secrets.token_hex(8)}"
    cache.set(key, 1, 10)
    return cache.get(key) == 1


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@require_GET
def health(request):
    failed = []
    for name, check in CHECKS.items():
        try:
            ok = check()
        except Exception:  # any failure of a backend means "not healthy", never a 500
            log.exception("health check %s failed", name)
            ok = False
        if not ok:
            failed.append(name)
    if failed:
        return HttpResponse("failing: " + ", ".join(failed), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
