"""Whole learning pages for anonymous visitors, cached per language and content version.

A visitor with no session cookie and no pending message is anonymous for certain, and every such
visitor sees the same page for the same path and language: the page is rendered once and then
served from the default cache (Redis in production, shared by every worker and instance) without a
query, a session or a template. Anyone else (signed in, a guest with a session, a message to
show, a query string) gets the page rendered as before.

The content version is a token in the same cache: saving or deleting any published content
(an editor's save in the admin, the publish and unpublish actions, load_demo) replaces it, so
every cached page is stale at once on every instance. The version and the page are read in one
round trip (``get_many``).
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "ddo:content-version"
PAGE_SECONDS = 24 * 3600


def bump(**kwargs):
    """A new content version: every cached page is stale (a signal receiver, or called directly)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _on_content_change(sender, **kwargs):
    from .models import Publishable

    if issubclass(sender, Publishable):
        bump()


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


def cached_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _anonymous_for_certain(request):
            return view(request, *args, **kwargs)
        key = f"ddo:page:{get_language()}:{request.path}"
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, time.time_ns(), None)
            version = cache.get(VERSION_KEY)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            response = HttpResponse(entry[1], content_type=entry[2])
        else:
            response = view(request, *args, **kwargs)
            # A page that set a cookie (a CSRF token, a session) is someone's: never shared.
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, (version, response.content, response["Content-Type"]), PAGE_SECONDS)
        # A shared proxy must not give this page to a visitor who has a session.
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
