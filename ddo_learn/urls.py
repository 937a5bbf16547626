"""Root URLs: every page lives under /tr/ or /en/; "/" redirects by the browser's language."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from quizzes import accounts

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/login/", accounts.ThrottledLoginView.as_view(), name="login"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("quizzes.urls")),
)

handler400 = "quizzes.views.bad_request"
handler403 = "quizzes.views.forbidden"
handler404 = "quizzes.views.not_found"
