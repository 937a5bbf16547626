"""Signing up and logging in (accounts/): guest attempts kept by the account (lockouts: tests/security/)."""

from quizzes.models import Attempt
from tests.factories import PASSWORD, as_guest
from tests.quiz_factories import make_quiz_attempt, save_url


def test_signing_up_keeps_the_guests_results(client, db):
    client.get("/tr/quizzes/")
    as_guest(client, "guest-123")
    attempt = make_quiz_attempt(guest_key="guest-123")
    response = client.post("/tr/accounts/signup/", {"username": "yeni", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.user.username == "yeni" and attempt.guest_key == ""


# --- Guest attempts claimed by the account ---------------------------------------------------------


def take_a_quiz_as_a_guest(client):
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get(user=None)
    client.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    return attempt


def log_in(client, username="ogrenci", password=PASSWORD):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


def test_it_gives_the_guests_attempt_to_the_account_logged_in(client, student, content):
    attempt = take_a_quiz_as_a_guest(client)
    assert log_in(client).status_code == 302
    attempt.refresh_from_db()
    assert attempt.user == student
    assert attempt.guest_key == ""


def test_the_claimed_attempt_shows_in_the_accounts_progress(client, student, content):
    attempt = take_a_quiz_as_a_guest(client)
    log_in(client)
    html = client.get("/en/progress/").content.decode()
    assert f'href="/en/attempts/{attempt.public_id}/result/"' in html
    assert client.get(f"/en/attempts/{attempt.public_id}/result/").status_code == 200


def test_logging_in_keeps_the_accounts_earlier_attempts(client, student, content):
    earlier = make_quiz_attempt(student)
    guest = take_a_quiz_as_a_guest(client)
    log_in(client)
    assert set(Attempt.objects.filter(user=student)) == {earlier, guest}


def test_logging_in_claims_only_this_browsers_guest_attempts(client, student, content):
    take_a_quiz_as_a_guest(client)
    someone_elses = make_quiz_attempt(guest_key="another-browser")
    log_in(client)
    someone_elses.refresh_from_db()
    assert someone_elses.user is None
    assert someone_elses.guest_key == "another-browser"


def test_a_failed_login_leaves_the_guests_attempt_a_guests(client, student, content):
    attempt = take_a_quiz_as_a_guest(client)
    assert log_in(client, password="wrong").status_code == 200
    attempt.refresh_from_db()
    assert attempt.user is None
    assert attempt.guest_key == client.session["guest_key"]


def test_signing_up_after_a_guest_quiz_keeps_it_and_says_so(client, content):
    attempt = take_a_quiz_as_a_guest(client)
    response = client.post(
        "/en/accounts/signup/", {"username": "yeni", "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    assert response.redirect_chain == [("/en/progress/", 302)]
    html = response.content.decode()
    assert "The quizzes you took as a guest are now in your progress." in html
    assert f'href="/en/attempts/{attempt.public_id}/result/"' in html
    attempt.refresh_from_db()
    assert attempt.user.username == "yeni"


def test_signing_up_without_guest_quizzes_says_nothing_about_them(client, db):
    response = client.post(
        "/en/accounts/signup/", {"username": "yeni", "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert "Welcome! Your account is ready." in html
    assert "The quizzes you took as a guest" not in html
