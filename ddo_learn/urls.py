"""Root URLs: every page lives under /tr/ or /en/; "/" redirects by the browser's language."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from lti import urls as lti_urls
from quizzes.views import accounts, health

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/password_reset/", accounts.password_reset, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include((lti_urls.page_urls, "lti"))),
    path("live/", include("live.urls")),
    path("", include("quizzes.urls")),
) + [
    path("health/", health.health, name="health"),  # the load balancer's check, in no language
    path("", include((lti_urls.platform_urls, "lti_platform"))),  # fixed URLs a platform registers
]

handler400 = "quizzes.views.bad_request"
handler403 = "quizzes.views.forbidden"
handler404 = "quizzes.views.not_found"
handler500 = "quizzes.views.server_error"
