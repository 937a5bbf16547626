"""The attempt services and the owner value, below the views: start, save, submit, claim."""

import pytest

from quizzes.models import Attempt
from quizzes.owners import Owner, attempts_owned_by
from quizzes.services.attempts import AttemptClosed, claim_guest_attempts, save_answers, submit_attempt
from tests.conftest import PASSWORD
from tests.quiz_factories import make_quiz_attempt

RIGHT = {0: "department:siber", 2: {"department:a": "focus:a", "department:b": "focus:b"}}


@pytest.fixture
def attempt(student):
    return make_quiz_attempt(student)


def test_saving_with_submit_stores_and_grades_the_answers_it_carries(attempt):
    result = save_answers(attempt, RIGHT, "en", submit=True)
    assert result.submitted and result.saved == 2
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 2.0
    answers = {a.position: a for a in attempt.answers.all()}
    assert answers[0].response == "department:siber" and answers[0].language == "en" and answers[0].mark == 1.0
    assert answers[1].response is None and answers[1].mark == 0.0


def test_a_submit_with_a_refused_answer_saves_the_rest_and_stays_open(attempt):
    result = save_answers(attempt, {0: "department:siber", 2: "not-a-matching"}, "tr", submit=True)
    assert not result.submitted and set(result.errors) == {2}
    attempt.refresh_from_db()
    assert not attempt.is_submitted
    assert attempt.answers.get(position=0).response == "department:siber"


def test_nothing_is_saved_once_the_attempt_is_submitted(attempt):
    assert submit_attempt(attempt) is True
    with pytest.raises(AttemptClosed):
        save_answers(Attempt.objects.get(pk=attempt.pk), {0: "department:siber"}, "tr")
    assert submit_attempt(Attempt.objects.get(pk=attempt.pk)) is False
    assert attempt.answers.get(position=0).response is None


def test_an_attempt_belongs_to_its_account_or_its_guest_key_only(student, other_student):
    mine, guests = make_quiz_attempt(student), make_quiz_attempt(guest_key="g-1")
    assert mine.belongs_to(Owner(user=student)) and not mine.belongs_to(Owner(user=other_student))
    assert not mine.belongs_to(Owner(guest_key="g-1")) and not mine.belongs_to(Owner())
    assert guests.belongs_to(Owner(guest_key="g-1")) and not guests.belongs_to(Owner(guest_key="g-2"))
    assert not guests.belongs_to(Owner(user=student)) and not guests.belongs_to(Owner())
    assert list(attempts_owned_by(Owner(user=student))) == [mine]
    assert list(attempts_owned_by(Owner(guest_key="g-1"))) == [guests]
    assert not attempts_owned_by(Owner()).exists()


def test_claiming_gives_only_this_browsers_guest_attempts(student):
    kept, other = make_quiz_attempt(guest_key="g-1"), make_quiz_attempt(guest_key="g-2")
    assert claim_guest_attempts(student, "g-1") == 1
    assert claim_guest_attempts(student, "") == 0
    kept.refresh_from_db(), other.refresh_from_db()
    assert kept.user == student and kept.guest_key == ""
    assert other.user is None and other.guest_key == "g-2"


# --- Guest attempts claimed at login and signup, through the pages -------------------


def _guest_with_a_submitted_quiz(client):
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get()
    client.post(f"/en/attempts/{attempt.public_id}/answers/", {"action": "submit", "submit_anyway": "1", "q-0": "0"})
    return attempt


def test_logging_in_keeps_the_quizzes_taken_as_a_guest(client, content, student):
    attempt = _guest_with_a_submitted_quiz(client)
    response = client.post("/en/accounts/login/", {"username": student.username, "password": PASSWORD})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.user == student and attempt.guest_key == ""
    assert client.get(f"/en/attempts/{attempt.public_id}/result/").status_code == 200
    assert f"/en/attempts/{attempt.public_id}/result/" in client.get("/en/progress/").content.decode()


def test_signing_up_keeps_the_quizzes_taken_as_a_guest(client, content):
    attempt = _guest_with_a_submitted_quiz(client)
    response = client.post(
        "/en/accounts/signup/", {"username": "yeni", "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    assert "The quizzes you took as a guest are now in your progress." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.user.username == "yeni"
    assert client.get(f"/en/attempts/{attempt.public_id}/result/").status_code == 200


def test_a_guest_can_practise_what_they_missed(client, content):
    _guest_with_a_submitted_quiz(client)
    response = client.post("/en/progress/practise/")
    practice = Attempt.objects.get(topic="practice")
    assert response.url == f"/en/attempts/{practice.public_id}/"
    assert practice.user is None and practice.guest_key == client.session["guest_key"]
    assert client.get(response.url).status_code == 200
