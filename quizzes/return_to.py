"""Where logging in or signing up brings a visitor back to (``?next=``), and the class a join link there names.

A join link opened signed out goes to the login page with ``next``; the header's "Log in" and
"Sign up" links, the login page's "Sign up" and the sign-up page's "Log in" all carry that same
``next`` on, so no path drops the class. A password reset goes through an email: its form keeps
the ``next`` in the session, and its last page's "Log in" carries it on from there. Only paths on
this site are ever carried.
"""

from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django_ratelimit.core import is_ratelimited

# Pages whose own address is no place to come back to: on them, the header carries their ``next`` on.
ACCOUNT_PAGES = {
    "login",
    "signup",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}

# Where a password reset keeps the ``next`` of its form while the email is on its way.
SESSION_KEY = "return_to"

# Naming the class of a join link to a visitor not signed in is a code lookup no account's
# wrong-code allowance counts: bounded per address instead (a whole school behind one address fits).
PREVIEW_RATE = "300/h"


def safe_next(request):
    """The ``next`` of the request (POST, else GET) if it is a path on this site; else None."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # No host is allowed: a path ("/en/...") passes, "//evil.example" or "https://..." does not.
    local = target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=set())
    return target if local else None


def return_to(request):
    """The page logging in or signing up from this one should bring the visitor back to (None: none)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in ACCOUNT_PAGES:
        if match.url_name.startswith("password_reset") and hasattr(request, "session"):
            return safe_next(request) or request.session.get(SESSION_KEY)
        return safe_next(request)
    # A page answering a POST (a form sent back with its errors) is no address to come back to with a GET.
    return request.get_full_path() if request.method in ("GET", "HEAD") else None


def remember(request):
    """Keep the request's ``next`` (if any) in the session, for the pages after a password reset's email."""
    target = safe_next(request)
    if target:
        request.session[SESSION_KEY] = target


def join_code(target):
    """The class code of ``target`` if it is a join link (``/<language>/classes/join/<code>/``), else None."""
    if not target:
        return None
    try:
        match = resolve(target.split("?")[0])
    except Resolver404:
        return None
    return match.kwargs.get("code") if match.view_name == "quizzes:join_link" else None


def may_preview(request):
    """True while this address may still have join links' classes named to it (counts this one)."""
    return not is_ratelimited(request, group="ddo:join-preview", key="ip", rate=PREVIEW_RATE, increment=True)
