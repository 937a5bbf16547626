"""Login, sign-up and password reset, on Django's own auth views and forms.

Login and sign-up hand the browser's guest attempts to the account, so practice
done before signing up is kept. Lockouts after failed logins are django-axes'
(settings.AXES_*), checked before the form runs by
quizzes.middleware.LoginLockoutMiddleware, which answers with ``locked_out``.
"""

import math

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from .. import return_to, user_cache
from ..client_ip import client_ip
from ..forms import normalise_join_code
from ..ratelimits import limited
from ..services import classes
from ..services.attempts import claim_guest_attempts


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "joining": _joining(self.request, return_to.safe_next(self.request))}

    def form_valid(self, form):
        guest_key = self.request.session.get("guest_key")
        self.request.session.pop(return_to.SESSION_KEY, None)  # a password reset's, now used
        response = super().form_valid(form)
        claim_guest_attempts(form.get_user(), guest_key)
        return response


def locked_out(request, original_response=None, credentials=None):
    """The 429 page of a locked-out login (settings.AXES_LOCKOUT_CALLABLE): when to try again."""
    username = get_client_username(request, credentials) or ""
    last = (
        AccessAttempt.objects.filter(username=username, ip_address=client_ip(request))
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return _paused(request, last, whole_network=False)


def network_paused(request, last_failure):
    """The 429 page when too many logins failed from this address across usernames
    (settings.LOGIN_FAILURES_PER_ADDRESS, quizzes.middleware): every login from it waits."""
    return _paused(request, last_failure, whole_network=True)


def _paused(request, last_failure, *, whole_network):
    retry_at = (last_failure or timezone.now()) + get_cool_off(request)
    minutes = max(1, math.ceil((retry_at - timezone.now()).total_seconds() / 60))
    context = {"retry_at": retry_at, "minutes": minutes, "whole_network": whole_network}
    return render(request, "registration/locked_out.html", context, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """Says plainly when this site cannot send email, instead of claiming an email was sent."""

    template_name = "registration/password_reset_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email_configured=settings.EMAIL_CONFIGURED, next=return_to.safe_next(self.request), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if not settings.EMAIL_CONFIGURED:
            return self.render_to_response(self.get_context_data(), status=503)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        return_to.remember(self.request)  # a join link's class, say, for the log-in after the email
        return super().form_valid(form)


password_reset = limited("password_reset")(PasswordResetView.as_view())


def _joining(request, next_url):
    """The class a join link in ``next`` is for, to name on the page (None: no join link, or no such class)."""
    code = return_to.join_code(next_url)
    if code is None or not return_to.may_preview(request):
        return None
    return classes.class_to_join(normalise_join_code(code))


@limited("signup")
@sensitive_post_parameters("password1", "password2")
def signup(request):
    next_url = return_to.safe_next(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url) if next_url else redirect("quizzes:progress")
    if request.method == "POST":
        form = UserCreationForm(request.POST)
        if form.is_valid():
            guest_key = request.session.get("guest_key")
            user = form.save()
            login(request, user, backend=user_cache.PATH)
            kept = claim_guest_attempts(user, guest_key)
            messages.success(request, _("Welcome! Your account is ready."))
            if kept:
                messages.info(request, _("The quizzes you took as a guest are now in your progress."))
            return HttpResponseRedirect(next_url) if next_url else redirect("quizzes:progress")
        context = {"form": form, "next": next_url, "joining": _joining(request, next_url)}
        return render(request, "registration/signup.html", context, status=400)
    context = {"form": UserCreationForm(), "next": next_url, "joining": _joining(request, next_url)}
    return render(request, "registration/signup.html", context)
