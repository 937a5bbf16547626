"""Who may show our pages in a frame: nobody (the site's CSP and X-Frame-Options), except the platform
a person launched from, on the pages they open from that launch.

A launch sets a signed cookie naming the platform's origins; the middleware then answers that
browser's pages with ``frame-ancestors`` set to exactly those origins and without
``X-Frame-Options``. No cookie, no change.

Browsers that block third-party cookies still keep a cookie inside a frame when it is
``Partitioned`` (CHIPS: kept for this platform's pages only) and ``SameSite=None; Secure``. So every
cookie an LTI page sets (the launch's state, the session, the CSRF token, the framing cookie) is
marked so; the site's other pages keep their ``Lax`` cookies.
"""

import json

from django.core import signing

FRAME_COOKIE = "lti-frame"
FRAME_SALT = "lti.framing"
FRAME_SECONDS = 12 * 3600


def allow_framing(response, origins):
    """This response may be framed by ``origins`` (and only them)."""
    response._csp_replace = {"frame-ancestors": list(origins) or ["'none'"]}
    response.lti_page = True  # its cookies are partitioned (LtiFramingMiddleware)
    response.xframe_options_exempt = True
    if "X-Frame-Options" in response:
        del response["X-Frame-Options"]
    return response


# Python 3.11's cookies know no Partitioned attribute; it rides on SameSite's value, which is written as is.
PARTITIONED = "None; Partitioned"


def remember_origins(response, origins):
    value = signing.dumps(json.dumps(sorted(origins)), salt=FRAME_SALT)
    response.set_cookie(FRAME_COOKIE, value, max_age=FRAME_SECONDS, secure=True, httponly=True, samesite="None")


def partition_cookies(response):
    """Every cookie this response sets: SameSite=None; Secure; Partitioned (kept in the platform's frame)."""
    for morsel in response.cookies.values():
        morsel["samesite"] = PARTITIONED
        morsel["secure"] = True


def origins_from(request):
    value = request.COOKIES.get(FRAME_COOKIE)
    if not value:
        return None
    try:
        return json.loads(signing.loads(value, salt=FRAME_SALT, max_age=FRAME_SECONDS))
    except (signing.BadSignature, ValueError):
        return None


class LtiFramingMiddleware:
    """Place after django-csp's middleware and before SessionMiddleware: its response then runs after the
    session's, CSRF's and X-Frame-Options' (their cookies and header exist) and before django-csp's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = origins_from(request)
        if origins and not hasattr(response, "_csp_replace"):
            allow_framing(response, origins)
        if origins or getattr(response, "lti_page", False):
            partition_cookies(response)
        return response
