"""Who may show our pages in a frame: nobody (the site's CSP and X-Frame-Options), except the platform
a person launched from, on the pages they open from that launch.

A launch sets a signed cookie naming the platform's origins (``SameSite=None; Secure``, so the
platform's iframe sends it back); the middleware then answers that browser's pages with
``frame-ancestors`` set to exactly those origins and without ``X-Frame-Options``. No cookie, no change.
"""

import json

from django.core import signing

FRAME_COOKIE = "lti-frame"
FRAME_SALT = "lti.framing"
FRAME_SECONDS = 12 * 3600


def allow_framing(response, origins):
    """This response may be framed by ``origins`` (and only them)."""
    response._csp_replace = {"frame-ancestors": list(origins) or ["'none'"]}
    response.xframe_options_exempt = True
    if "X-Frame-Options" in response:
        del response["X-Frame-Options"]
    return response


def remember_origins(response, origins):
    value = signing.dumps(json.dumps(sorted(origins)), salt=FRAME_SALT)
    response.set_cookie(FRAME_COOKIE, value, max_age=FRAME_SECONDS, secure=True, httponly=True, samesite="None")


def origins_from(request):
    value = request.COOKIES.get(FRAME_COOKIE)
    if not value:
        return None
    try:
        return json.loads(signing.loads(value, salt=FRAME_SALT, max_age=FRAME_SECONDS))
    except (signing.BadSignature, ValueError):
        return None


class LtiFramingMiddleware:
    """Place after SessionMiddleware and before XFrameOptionsMiddleware (its response runs after that one's
    and before django-csp's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = origins_from(request)
        if origins and not hasattr(response, "_csp_replace"):
            allow_framing(response, origins)
        return response
