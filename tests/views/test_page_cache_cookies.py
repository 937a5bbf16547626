"""A whole page kept for anonymous visitors is never one whose response carries a cookie.

Through the whole middleware stack: CsrfViewMiddleware and SessionMiddleware set their cookies
after the view has returned, so a page that asked for a CSRF token or wrote to the session must
not be kept, however it was rendered (quizzes/page_cache.py).
"""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import path

from quizzes.page_cache import cached_for_visitors
from tests.factories import csrf_tokens


@cached_for_visitors
def page_with_a_form(request):
    if request.method == "POST":
        return HttpResponse("sent")
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


@cached_for_visitors
def page_that_counts_visits(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse(f"visit {request.session['visits']}")


@cached_for_visitors
def plain_page(request):
    return HttpResponse(f"rendered {next(RENDERS)}")


RENDERS = iter(range(1, 1000))
urlpatterns = [
    path("form/", page_with_a_form),
    path("visits/", page_that_counts_visits),
    path("plain/", plain_page),
]
pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


def test_a_page_with_a_csrf_token_is_never_given_to_another_visitor():
    first = Client().get("/form/")
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/form/")
    assert csrf_tokens(page.content.decode()) != csrf_tokens(first.content.decode())
    assert "csrftoken" in page.cookies  # the token in the page is this visitor's own ...
    (token,) = csrf_tokens(page.content.decode())
    sent = visitor.post("/form/", {"csrfmiddlewaretoken": token})
    assert sent.status_code == 200 and sent.content == b"sent"  # ... so their form is accepted


def test_a_page_that_starts_a_session_is_never_given_to_another_visitor():
    assert Client().get("/visits/").content == b"visit 1"
    visitor = Client()
    page = visitor.get("/visits/")
    assert "sessionid" in page.cookies  # their own session, not a copy of the first visitor's page
    assert visitor.get("/visits/").content == b"visit 2"


def test_a_page_without_a_cookie_is_still_kept_and_shared():
    first = Client().get("/plain/").content
    assert Client().get("/plain/").content == first


def test_pages_are_kept_by_the_outermost_middleware(settings):
    # Any middleware outside it could add a cookie it never sees.
    assert settings.MIDDLEWARE[0] == "quizzes.page_cache.VisitorPageMiddleware"
