"""The platform-facing endpoints live outside the language prefix (a platform registers one fixed URL);
the teacher's LTI pages live under /tr/ and /en/ like every other page."""

from django.urls import path

from quizzes import converters  # noqa: F401  (registers the <id:...> converter)

from . import views

app_name = "lti"

platform_urls = [
    path("lti/login/", views.login, name="login"),
    path("lti/launch/", views.launch_view, name="launch"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("lti/register/<str:token>/", views.dynamic_registration, name="register"),
]

page_urls = [
    path("lti/deep-link/<str:key>/", views.deep_link, name="deep_link"),
    path("lti/courses/<id:pk>/", views.course, name="course"),
    path("lti/courses/<id:pk>/sync/", views.sync, name="sync"),
    path("lti/courses/<id:pk>/scores/<id:score_pk>/resend/", views.resend, name="resend"),
    path("lti/courses/<id:pk>/links/<id:link_pk>/lineitem/", views.make_lineitem, name="make_lineitem"),
]
