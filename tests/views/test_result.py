"""The result page (attempts/ID/result/): the learner's answer, the right one, the explanation and source."""

from quizzes.models import Attempt, Department
from tests.quiz_factories import save_url


def test_it_shows_the_answer_the_right_answer_the_explanation_and_source(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1", "q-0": "0"})
    html = logged_in.get(f"/en/attempts/{attempt.public_id}/result/").content.decode()
    assert "Data Department" in html  # what the learner chose
    assert "Cyber Department" in html  # the right answer
    assert "The Cyber Department did." in html
    assert "mynet" in html and "25 December 2025" in html
    assert "25 Aralık 2025" in logged_in.get(f"/tr/attempts/{attempt.public_id}/result/").content.decode()
    assert "1 of 3" not in html and "0 of 3" in html


def test_editing_content_later_never_changes_a_past_attempt(logged_in, content):
    logged_in.post("/en/quizzes/start/", {"topic": "departments", "length": 10, "difficulty": "any"})
    attempt = Attempt.objects.get()
    logged_in.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1", "q-0": "0"})
    attempt.refresh_from_db()
    before = (attempt.questions, attempt.score)
    Department.objects.update(name_en="Renamed", focus_en="Changed")
    attempt.refresh_from_db()
    assert (attempt.questions, attempt.score) == before
    assert "Renamed" not in logged_in.get(f"/en/attempts/{attempt.public_id}/result/").content.decode()


def test_a_guests_result_suggests_signing_up_to_keep_it(client, db):
    from tests.quiz_factories import make_quiz_attempt

    session = client.session
    session["guest_key"] = "this-browser"
    session.save()
    attempt = make_quiz_attempt(guest_key="this-browser")
    client.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    html = client.get(f"/en/attempts/{attempt.public_id}/result/").content.decode()
    assert f'href="/en/accounts/signup/?next=/en/attempts/{attempt.public_id}/result/"' in html.replace("%2F", "/")
    assert "Practise what I missed" in html and "Try another quiz" in html


def test_a_members_result_does_not_ask_them_to_sign_up(logged_in, attempt):
    logged_in.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    assert "Sign up to keep it" not in logged_in.get(f"/en/attempts/{attempt.public_id}/result/").content.decode()
