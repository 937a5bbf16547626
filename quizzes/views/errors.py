"""Error pages in the page's language.

403 and 404 render in the site's layout (menu, who is signed in, language switch, footer),
with the request's context; if that fails (the database is down, say), they fall back to the
bare page. The 400, 429 and 500 pages are always bare: rendered without the request's context
processors (no user, no session, no menu query), so a 500 during a database outage still shows
the site's own page, and a request refused before the user is known (a bad Host header) gets its 400.
"""

import logging

from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)


def _page(template_name, status, context=None):
    return HttpResponse(loader.get_template(template_name).render(context or {}), status=status)


def _in_layout(request, template_name, status):
    """The page in the site's layout, else (whatever went wrong) the bare page."""
    try:
        html = loader.get_template(template_name).render({"layout": "_error_site.html"}, request)
    except Exception:  # noqa: BLE001 -- an error page must answer whatever broke
        logger.warning("%s in the site's layout failed; answering with the bare page", template_name, exc_info=True)
        return _page(template_name, status)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _page("400.html", 400)


def forbidden(request, exception=None):
    return _in_layout(request, "403.html", 403)


def not_found(request, exception=None):
    return _in_layout(request, "404.html", 404)


def server_error(request):
    return _page("500.html", 500)


def rate_limited(request, exception=None):
    """settings.RATELIMIT_VIEW: too many quizzes started, practice rounds or sign-ups."""
    return _page("429.html", 429)
