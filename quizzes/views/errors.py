"""Error pages in the page's language that need no database.

They are rendered without the request's context processors (no user, no
session, no menu query), so a 500 during a database outage still shows the
site's own page, and a request refused before the user is known (a bad Host
header) gets its 400.
"""

from django.http import HttpResponse
from django.template import loader


def _page(template_name, status, context=None):
    return HttpResponse(loader.get_template(template_name).render(context or {}), status=status)


def bad_request(request, exception=None):
    return _page("400.html", 400)


def forbidden(request, exception=None):
    return _page("403.html", 403)


def not_found(request, exception=None):
    return _page("404.html", 404)


def server_error(request):
    return _page("500.html", 500)


def rate_limited(request, exception=None):
    """settings.RATELIMIT_VIEW: too many quizzes started, practice rounds or sign-ups."""
    return _page("429.html", 429)
