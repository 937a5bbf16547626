"""Signing up and logging in (accounts/): throttling, and guest attempts kept by the account."""

from tests.conftest import PASSWORD
from tests.quiz_factories import make_quiz_attempt


def test_signing_up_keeps_the_guests_results(client, db):
    client.get("/tr/quizzes/")
    session = client.session
    session["guest_key"] = "guest-123"
    session.save()
    attempt = make_quiz_attempt(guest_key="guest-123")
    response = client.post("/tr/accounts/signup/", {"username": "yeni", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.user.username == "yeni" and attempt.guest_key == ""


def test_login_is_throttled_after_repeated_failures(client, student, settings):
    settings.THROTTLE_LIMIT = 3
    for _ in range(3):
        assert client.post("/en/accounts/login/", {"username": "ogrenci", "password": "wrong"}).status_code == 200
    response = client.post("/en/accounts/login/", {"username": "ogrenci", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
