"""Request guards: strict paths, login lockouts before any password check, no caching of private pages."""

import re
import unicodedata

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_lockout_response
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import empty

from .client_ip import client_ip
from .views.accounts import network_paused

# Views whose POST checks a password. A locked-out POST to one of them is answered here,
# before the form runs: no authenticate(), no password hash, and the same page whatever the password.
LOGIN_VIEWS = {"login", "admin:login"}

# Pages about one person whatever the visitor (guests' attempts and results included):
# attempts and results, progress, classes, teaching pages and their exports, accounts, the admin.
PRIVATE_PATH = re.compile(r"^/(?:[a-z]{2}/)?(?:attempts|progress|classes|teach|accounts|admin)/")


class StrictPathMiddleware:
    """No page of this site has a control character or a non-ASCII digit in its path.

    Python's int() reads "١٢" (Arabic-Indic) or "１２" (full-width) as 12, and so does every
    lookup that goes through it, the admin's included: "/admin/.../١٢/delete/" would find and
    delete object 12. Such a path is a 404 before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(_is_hostile(char) for char in request.path_info if not char.isascii() or not char.isprintable()):
            raise Http404("No such page.")
        return self.get_response(request)


def _is_hostile(char):
    return not char.isprintable() or unicodedata.category(char) == "Nd"


class LoginLockoutMiddleware:
    """A login POST is refused (429) before any password is checked when its username is locked
    on this address (django-axes), or when too many logins failed from this address, whatever
    the usernames (settings.LOGIN_FAILURES_PER_ADDRESS: password spraying)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name not in LOGIN_VIEWS:
            return None
        if "\x00" in request.POST.get(settings.AXES_USERNAME_FORM_FIELD, ""):
            return None  # no such username, and PostgreSQL cannot look one up: the login form refuses it
        if AxesProxyHandler.is_locked(request):
            return get_lockout_response(request)
        failures = _failures_from_address(request)
        if (failures["count"] or 0) >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return network_paused(request, failures["last"])
        return None


def _failures_from_address(request):
    """Failed logins from this address over the cool-off, whatever the username (password spraying).

    Counted from axes' rows in the database, which every worker and instance shares. A right
    password clears only that pupil's own rows: a sprayer's own account clears nothing else."""
    since = timezone.now() - get_cool_off(request)
    attempts = AccessAttempt.objects.filter(ip_address=client_ip(request), attempt_time__gte=since)
    return attempts.aggregate(count=Sum("failures_since_start"), last=Max("attempt_time"))


class PrivatePagesMiddleware:
    """``Cache-Control: private, no-store`` on every private path, and on every page that looked at
    who is signed in (it may name them) when someone is, so neither a shared proxy nor the
    browser's back button keeps a result, a progress page, a class report or an export.

    A page that never asked who the user is (an error page) is not made to ask here: that would
    need the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if PRIVATE_PATH.match(request.path_info) or _signed_in_and_asked(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _signed_in_and_asked(request):
    user = getattr(request, "user", None)
    return user is not None and getattr(user, "_wrapped", None) is not empty and user.is_authenticated
