"""Sign-up and a throttled login, on Django's own auth views and forms.

Both hand the browser's guest attempts to the account, so practice done
before signing up is kept.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from . import throttle
from .services.attempts import claim_guest_attempts

LOGIN_SCOPE = "login"


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        if throttle.is_throttled(LOGIN_SCOPE, request):
            form = self.get_form()
            form.add_error(None, _("Too many failed logins. Wait a few minutes and try again."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.record_failure(LOGIN_SCOPE, self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        guest_key = self.request.session.get("guest_key")
        response = super().form_valid(form)
        throttle.reset(LOGIN_SCOPE, self.request)
        claim_guest_attempts(form.get_user(), guest_key)
        return response


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("quizzes:progress")
    if request.method == "POST":
        form = UserCreationForm(request.POST)
        if form.is_valid():
            guest_key = request.session.get("guest_key")
            user = form.save()
            login(request, user)
            kept = claim_guest_attempts(user, guest_key)
            messages.success(request, _("Welcome! Your account is ready."))
            if kept:
                messages.info(request, _("The quizzes you took as a guest are now in your progress."))
            return redirect("quizzes:progress")
        return render(request, "registration/signup.html", {"form": form}, status=400)
    return render(request, "registration/signup.html", {"form": UserCreationForm()})
