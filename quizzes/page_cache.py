"""Whole learning pages for anonymous visitors, cached per language and content version.

A visitor with no session cookie and no pending message is anonymous for certain, and every such
visitor sees the same page for the same path and language: each worker renders the page once
and then serves it from its memory without a query, a session or a template. Anyone else (signed
in, a guest with a session, a message to show, a query string) gets the page rendered as before.

The content version is a token in the default cache (Redis in production, shared by every worker
and instance), read on each such request (one small round trip) or, with CONTENT_VERSION_SECONDS,
at most once in that many seconds per process: saving or deleting any content
(an editor's save in the admin, the publish and unpublish actions, load_demo) replaces it, again
when its transaction commits, so every worker's pages are stale at once on every instance.
A page is kept only by VisitorPageMiddleware, the outermost layer, and only if its response
carries no cookie. docs/CACHING.md describes every cache of the site.
"""

import functools
import time
from functools import partial, wraps

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from . import cache_versions

VERSION_KEY = "ddo:content-version"
# A version lives this long at most: a change that sent no signal (an update() in a shell) is on
# every page within the hour, and no page or fragment keyed on a version outlives it.
VERSION_SECONDS = 3600
# The pages themselves, per process: (language, path) -> (version, HTML, Content-Type). The
# decorated views have fixed paths under two language prefixes, so this holds a dozen pages.
_pages = {}


# The version as this process last read it, trusted for settings.CONTENT_VERSION_SECONDS (0: read
# it on every request). Another instance sees an editor's change at most that many seconds late.
_memo = {"version": None, "until": 0.0}


def bump(**kwargs):
    """A new content version now and when the current transaction commits: every cached page is
    stale, and one rendered from the old rows while the transaction ran is never read again
    (quizzes/cache_versions.py)."""
    _memo.update(version=None, until=0.0)
    cache_versions.renew(VERSION_KEY, timeout=VERSION_SECONDS)
    transaction.on_commit(lambda: _memo.update(version=None, until=0.0))


def _on_content_change(sender, **kwargs):
    from .models import Publishable

    if issubclass(sender, Publishable):
        bump()


def _forget_version(setting, **kwargs):
    if setting == "CONTENT_VERSION_SECONDS":
        _memo.update(version=None, until=0.0)


setting_changed.connect(_forget_version, dispatch_uid="quizzes.page_cache.setting")
post_save.connect(_on_content_change, dispatch_uid="quizzes.page_cache.save")
post_delete.connect(_on_content_change, dispatch_uid="quizzes.page_cache.delete")


def _anonymous_for_certain(request):
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def content_version():
    """The current content version: a page or a fragment rendered from content is keyed on it."""
    now = time.monotonic()
    if settings.CONTENT_VERSION_SECONDS and _memo["version"] is not None and now < _memo["until"]:
        return _memo["version"]
    version = cache_versions.read(VERSION_KEY, timeout=VERSION_SECONDS)
    _memo.update(version=version, until=now + settings.CONTENT_VERSION_SECONDS)
    return version


def cached_for_visitors(view):
    """Serve the view's page from this process's memory to anyone anonymous for certain. A page it
    renders is only offered for keeping: VisitorPageMiddleware keeps it once the response is final."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _anonymous_for_certain(request):
            return view(request, *args, **kwargs)
        key = (get_language(), request.path)
        version = content_version()
        entry = _pages.get(key)
        if entry is not None and entry[0] == version:
            response = HttpResponse(entry[1], content_type=entry[2])
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                request.page_for_visitors = (key, (version, response.content, response["Content-Type"]))
        # A shared proxy must not give this page to a visitor who has a session.
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


class VisitorPageMiddleware:
    """Keeps a page ``cached_for_visitors`` offered, at the outermost layer (first in MIDDLEWARE), as
    Django's UpdateCacheMiddleware does: only here is every cookie of the response known, the CSRF
    and session cookies included, which their middleware set after the view. A page whose response
    carries any cookie, or that used the CSRF token, is someone's own and is never kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        offered = getattr(request, "page_for_visitors", None)
        if (
            offered is not None
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            key, entry = offered
            _pages[key] = entry
        return response


def lazy_context(build, *names):
    """The values ``build()`` returns under ``names``, each built on first use: a template that takes
    them from a cached fragment never builds them, so a cached page part costs no query."""
    built = functools.cache(build)
    return {name: SimpleLazyObject(partial(lambda name: built()[name], name)) for name in names}
