"""The quiz page (attempts/ID/): the questions without their answers, saved answers, and whose attempt it is."""

import re

from quizzes.models import Attempt
from tests.quiz_factories import make_quiz_attempt, save_url


def test_it_never_contains_the_answers(logged_in, content):
    logged_in.post("/tr/quizzes/start/", {"topic": "mixed", "length": 20, "difficulty": "any"})
    attempt = Attempt.objects.get()
    html = logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()
    for question in attempt.questions:
        for option in question["options"]:
            assert option["key"] not in html
        assert question["explanation"]["tr"] not in html
    assert "decoy" not in html


def test_it_shows_questions_in_the_page_language(logged_in, attempt):
    assert "Which department focused" in logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    assert "Siber güvenliğe hangi" in logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()


def test_a_page_shown_before_an_answer_changed_shows_the_new_answer(logged_in, attempt):
    # The questions' HTML is cached; a changed answer must never bring back the old page.
    take_url = f"/tr/attempts/{attempt.public_id}/"
    assert not re.search(r'name="q-0" value="\d" checked', logged_in.get(take_url).content.decode())
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "2"})
    assert re.search(r'name="q-0" value="2" checked', logged_in.get(take_url).content.decode())
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "0"})
    html = logged_in.get(take_url).content.decode()
    assert re.search(r'name="q-0" value="0" checked', html) and not re.search(r'value="2" checked', html)
    assert "Answered so far: 1 of 3" in logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()


def test_the_cached_progress_list_follows_every_saved_answer(logged_in, attempt):
    take_url = f"/en/attempts/{attempt.public_id}/"
    assert "Answered so far: 0 of 3" in logged_in.get(take_url).content.decode()  # now cached
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "2"})
    html = logged_in.get(take_url).content.decode()
    assert "Answered so far: 1 of 3" in html and '<progress id="answered-bar" max="3" value="1"' in html
    assert re.search(r'<a href="#question-1" data-question="1" class="answered">', html)


def test_someone_elses_attempt_is_not_found(client, attempt, other_student):
    client.force_login(other_student)
    assert client.get(f"/tr/attempts/{attempt.public_id}/").status_code == 404
    assert client.post(save_url(attempt), {"action": "save", "q-0": "1"}).status_code == 404
    assert client.get(f"/tr/attempts/{attempt.public_id}/result/").status_code == 404
    assert attempt.answers.get(position=0).response is None


def test_an_anonymous_visitor_cannot_open_a_students_attempt(client, attempt):
    assert client.get(f"/tr/attempts/{attempt.public_id}/").status_code == 404


def test_a_guest_cannot_open_another_guests_attempt(client, db):
    other = make_quiz_attempt(guest_key="someone-else")
    client.post("/tr/quizzes/", {})  # any request gives this client a session of its own
    assert client.get(f"/tr/attempts/{other.public_id}/").status_code == 404


def test_a_submitted_attempt_opens_on_its_result(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1"})
    assert logged_in.get(f"/tr/attempts/{attempt.public_id}/").url == f"/tr/attempts/{attempt.public_id}/result/"


def test_it_shows_the_count_and_the_numbers_of_the_answered_questions(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "1"})
    html = logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    assert "Answered so far: 1 of 3" in html and 'aria-live="polite"' in html
    assert '<progress id="answered-bar" max="3" value="1"' in html
    assert re.search(r'<a href="#question-1" data-question="1" class="answered">', html)
    assert re.search(r'<a href="#question-2" data-question="2" class="unanswered">', html)


def test_submitting_with_unanswered_questions_asks_first_and_keeps_the_answers(logged_in, attempt):
    response = logged_in.post(save_url(attempt, "en"), {"action": "submit", "q-0": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and "Submit with unanswered questions?" in html
    assert f'/en/attempts/{attempt.public_id}/#question-2"' in html and '#question-1"' not in html
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers.get(position=0).response is not None
    response = logged_in.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    assert response.url == f"/en/attempts/{attempt.public_id}/result/"
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.answers.get(position=0).response is not None


def test_ordering_and_matching_questions_show_their_own_controls(logged_in, student):
    # The page tells the question types apart by the QuestionType vocabulary (a context processor),
    # never a string: without it every question would show as single choice.
    from tests.factories import make_attempt, question

    ordering = {**question("order_four:x", qtype="ordering"), "answer": ["c", "a", "d", "b"]}
    matching = {
        **question("match_focus:x", qtype="matching", options=("a", "b")),
        "targets": [
            {"key": "t1", "text": {"tr": "Bir", "en": "One"}},
            {"key": "t2", "text": {"tr": "İki", "en": "Two"}},
        ],
        "answer": {"a": "t1", "b": "t2"},
    }
    attempt = make_attempt(student, None, [None, None], questions=[ordering, matching], submitted_at=None)
    html = logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    assert 'id="question-1" data-ordering' in html and "Give each item its place" in html
    assert "Choose the matching description for each item." in html and ">Two</option>" in html
    assert 'type="radio"' not in html
