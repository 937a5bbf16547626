"""Unbounded writes (issue 8, finding 8): starting quizzes, practising and signing up are rate limited."""

from quizzes.models import Attempt
from tests.conftest import PASSWORD

START = {"topic": "departments", "length": 5, "difficulty": "any"}


def test_the_default_limits_allow_a_lesson_and_refuse_a_flood(settings):
    assert settings.RATE_LIMITS["start"] == "100/m" and settings.RATE_LIMITS["practise"] == "100/m"


# The windows below are a day long, so that a busy machine never sees one roll over mid-test.


def test_the_101st_start_in_a_window_from_one_session_is_refused_and_creates_nothing(client, content, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "start": "100/d"}
    session = client.session
    session["visited"] = True
    session.save()
    for _ in range(100):
        assert client.post("/en/quizzes/start/", START).status_code == 302
    assert Attempt.objects.count() == 100
    response = client.post("/tr/quizzes/start/", START)
    assert response.status_code == 429
    assert "Çok fazla istek" in response.content.decode()
    assert Attempt.objects.count() == 100


def test_a_client_dropping_its_cookies_is_still_bounded_by_its_address(client, content, settings):
    settings.RATE_LIMITS_PER_ADDRESS = {**settings.RATE_LIMITS_PER_ADDRESS, "start": "5/d"}
    for _ in range(5):
        client.cookies.clear()
        assert client.post("/en/quizzes/start/", START).status_code == 302
    client.cookies.clear()
    assert client.post("/en/quizzes/start/", START).status_code == 429
    assert Attempt.objects.count() == 5


def test_practising_is_rate_limited_per_user(client, student, content, settings):
    logged_in = client
    logged_in.force_login(student)
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "practise": "3/d"}
    for _ in range(3):
        assert logged_in.post("/en/progress/practise/").status_code != 429
    response = logged_in.post("/en/progress/practise/")
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()


def test_signing_up_is_rate_limited(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "2/d"}
    for n in range(2):
        data = {"username": f"yeni{n}", "password1": PASSWORD, "password2": PASSWORD}
        assert client.post("/en/accounts/signup/", data).status_code == 302
        client.post("/en/accounts/logout/")
    data = {"username": "yeni9", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post("/en/accounts/signup/", data).status_code == 429
