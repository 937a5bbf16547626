"""Taking a quiz through the views: starting, saving, submitting, results, and bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Answer, Attempt, Department
from tests.conftest import PASSWORD


def frozen_questions(count=3):
    """Hand-made frozen questions of each type (the generator is tested on its own)."""
    single = {
        "key": "dept_focus:siber",
        "template": "dept_focus",
        "item": "department:siber",
        "type": "single",
        "topic": "departments",
        "difficulty": "medium",
        "prompt": {"tr": "Siber güvenliğe hangi daire odaklandı?", "en": "Which department focused on cyber security?"},
        "options": [
            {"key": "department:veri", "text": {"tr": "Veri Dairesi", "en": "Data Department"}},
            {"key": "department:siber", "text": {"tr": "Siber Dairesi", "en": "Cyber Department"}},
            {"key": "decoy:tarim", "text": {"tr": "Tarım Dairesi", "en": "Agriculture Department"}},
        ],
        "targets": [],
        "answer": "department:siber",
        "explanation": {"tr": "Siber Dairesi siber güvenliğe odaklandı.", "en": "The Cyber Department did."},
        "source": {
            "title": {"tr": "Kaynak", "en": "Source"},
            "publisher": "mynet",
            "published_on": "2025-12-25",
            "url": "",
        },
    }
    ordering = {
        **single,
        "key": "order_four:a",
        "type": "ordering",
        "topic": "timeline",
        "prompt": {"tr": "Sıraya koyun.", "en": "Put in order."},
        "options": [
            {"key": "event:c", "text": {"tr": "Üçüncü", "en": "Third"}},
            {"key": "event:a", "text": {"tr": "Birinci", "en": "First"}},
            {"key": "event:b", "text": {"tr": "İkinci", "en": "Second"}},
        ],
        "answer": ["event:a", "event:b", "event:c"],
    }
    matching = {
        **single,
        "key": "match:x",
        "type": "matching",
        "prompt": {"tr": "Eşleştirin.", "en": "Match them."},
        "options": [
            {"key": "department:a", "text": {"tr": "A Dairesi", "en": "Department A"}},
            {"key": "department:b", "text": {"tr": "B Dairesi", "en": "Department B"}},
        ],
        "targets": [
            {"key": "focus:b", "text": {"tr": "B işi", "en": "B's work"}},
            {"key": "focus:a", "text": {"tr": "A işi", "en": "A's work"}},
        ],
        "answer": {"department:a": "focus:a", "department:b": "focus:b"},
    }
    questions = [single, ordering, matching]
    while len(questions) < count:
        questions.append({**single, "key": f"dept_focus:extra-{len(questions)}"})
    return questions[:count]


def make_attempt(user=None, guest_key="", count=3):
    from quizzes.owners import Owner
    from quizzes.services.attempts import _create_attempt

    return _create_attempt(
        Owner(user=user, guest_key=guest_key),
        frozen_questions(count),
        topic="mixed",
        difficulty="any",
        length=count,
        seed=1,
    )


@pytest.fixture
def attempt(student):
    return make_attempt(student)


@pytest.fixture
def logged_in(client, student):
    client.force_login(student)
    return client


def save_url(attempt, language="tr"):
    return f"/{language}/attempts/{attempt.public_id}/answers/"


# --- Starting ----------------------------------------------------------------


def test_catalogue_offers_topics_and_named_quizzes(client, content):
    html = client.get("/en/quizzes/").content.decode()
    assert "Timeline 2017–2025" in html
    assert "Meet the office" in html


def test_a_guest_can_start_a_quiz(client, content):
    response = client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get()
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    assert attempt.user is None and attempt.guest_key == client.session["guest_key"]
    assert len(attempt.questions) == 5
    assert all(q["topic"] == "departments" for q in attempt.questions)
    assert attempt.answers.count() == 5


def test_start_rejects_get(client, content):
    assert client.get("/en/quizzes/start/").status_code == 405


def test_start_rejects_a_bad_topic_with_a_message(client, content):
    response = client.post("/en/quizzes/start/", {"topic": "astrology", "length": 5, "difficulty": "any"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_named_quiz_starts_with_its_settings(logged_in, content):
    logged_in.post("/tr/quizzes/start/", {"quiz": "zaman-cizelgesi"})
    attempt = Attempt.objects.get()
    assert attempt.quiz.slug == "zaman-cizelgesi"
    assert {q["topic"] for q in attempt.questions} == {"timeline"}


# --- The page sent to the learner ---------------------------------------------


def test_take_page_never_contains_the_answers(logged_in, content):
    logged_in.post("/tr/quizzes/start/", {"topic": "mixed", "length": 20, "difficulty": "any"})
    attempt = Attempt.objects.get()
    html = logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()
    for question in attempt.questions:
        for option in question["options"]:
            assert option["key"] not in html
        assert question["explanation"]["tr"] not in html
    assert "decoy" not in html


def test_take_page_shows_questions_in_the_page_language(logged_in, attempt):
    assert "Which department focused" in logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    assert "Siber güvenliğe hangi" in logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()


# --- Saving --------------------------------------------------------------------


def test_answers_are_saved_and_shown_after_a_reload(logged_in, attempt):
    response = logged_in.post(
        save_url(attempt), {"action": "save", "q-0": "1", "q-1-0": "3", "q-1-1": "1", "q-1-2": "2"}
    )
    assert response.status_code == 302
    answers = {a.position: a for a in attempt.answers.all()}
    assert answers[0].response == "department:siber" and answers[0].choice == "department:siber"
    assert answers[1].response == ["event:a", "event:b", "event:c"]
    html = logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()
    assert re.search(r'name="q-0" value="1" checked', html)


def test_a_page_shown_before_an_answer_changed_shows_the_new_answer(logged_in, attempt):
    # The questions' HTML is cached; a changed answer must never bring back the old page.
    take_url = f"/tr/attempts/{attempt.public_id}/"
    assert not re.search(r'name="q-0" value="\d" checked', logged_in.get(take_url).content.decode())
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "2"})
    assert re.search(r'name="q-0" value="2" checked', logged_in.get(take_url).content.decode())
    logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "0"})
    html = logged_in.get(take_url).content.decode()
    assert re.search(r'name="q-0" value="0" checked', html) and not re.search(r'value="2" checked', html)
    assert "Answered so far: 1." in logged_in.get(f"/en/attempts/{attempt.public_id}/").content.decode()


def test_autosave_answers_with_json(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-2-0": "1"})
    assert response.status_code == 200
    assert response.json() == {"saved": 1, "errors": {}}
    assert attempt.answers.get(position=2).response == {"department:a": "focus:a"}


def test_switching_language_keeps_every_answer(logged_in, attempt):
    response = logged_in.post(save_url(attempt, "tr"), {"action": "language:en", "q-0": "0"})
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    html = logged_in.get(response.url).content.decode()
    assert re.search(r'name="q-0" value="0" checked', html)
    assert attempt.answers.get(position=0).language == "tr"


def test_a_tampered_option_is_refused_and_nothing_saved_is_lost(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "save", "q-0": "1"})
    response = logged_in.post(save_url(attempt), {"action": "save", "q-0": "7", "q-2-0": "1"})
    assert response.status_code == 400
    assert "Bu yanıt, bu sorunun seçeneklerinden biri değil." in response.content.decode()
    assert attempt.answers.get(position=0).response == "department:siber"
    assert attempt.answers.get(position=2).response == {"department:a": "focus:a"}


def test_garbage_fields_are_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "abc", "q-1-0": "x"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"0", "1"}


def test_an_ordering_with_a_repeated_place_is_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-1-0": "1", "q-1-1": "1", "q-1-2": "2"})
    assert response.status_code == 400
    assert attempt.answers.get(position=1).response is None


def test_a_huge_body_is_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "save", "q-0": "1", "junk": "x" * 400_000})
    assert response.status_code == 400
    assert attempt.answers.get(position=0).response is None


def test_someone_elses_attempt_is_not_found(client, attempt, other_student):
    client.force_login(other_student)
    assert client.get(f"/tr/attempts/{attempt.public_id}/").status_code == 404
    assert client.post(save_url(attempt), {"action": "save", "q-0": "1"}).status_code == 404
    assert client.get(f"/tr/attempts/{attempt.public_id}/result/").status_code == 404
    assert attempt.answers.get(position=0).response is None


def test_an_anonymous_visitor_cannot_open_a_students_attempt(client, attempt):
    assert client.get(f"/tr/attempts/{attempt.public_id}/").status_code == 404


def test_a_guest_cannot_open_another_guests_attempt(client, db):
    other = make_attempt(guest_key="someone-else")
    client.post("/tr/quizzes/", {})  # any request gives this client a session of its own
    assert client.get(f"/tr/attempts/{other.public_id}/").status_code == 404


def test_saving_needs_csrf(attempt, student):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post(save_url(attempt), {"action": "save", "q-0": "1"}).status_code == 403


# --- Submitting -----------------------------------------------------------------


def test_submitting_grades_on_the_server(logged_in, attempt):
    response = logged_in.post(
        save_url(attempt), {"action": "submit", "q-0": "1", "q-1-0": "3", "q-1-1": "1", "q-1-2": "2"}
    )
    assert response.url == f"/tr/attempts/{attempt.public_id}/result/"
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.score == 2.0 and attempt.max_score == 3.0
    assert [a.mark for a in attempt.answers.all()] == [1.0, 1.0, 0.0]


def test_a_second_submit_changes_nothing(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "q-0": "1"})
    attempt.refresh_from_db()
    first = (attempt.score, attempt.submitted_at)
    response = logged_in.post(save_url(attempt), {"action": "submit", "q-0": "0"})
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert (attempt.score, attempt.submitted_at) == first
    assert attempt.answers.get(position=0).response == "department:siber"


def test_a_submitted_attempt_opens_on_its_result(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit"})
    assert logged_in.get(f"/tr/attempts/{attempt.public_id}/").url == f"/tr/attempts/{attempt.public_id}/result/"


def test_result_shows_answer_right_answer_explanation_and_source(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "q-0": "0"})
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
    logged_in.post(save_url(attempt, "en"), {"action": "submit", "q-0": "0"})
    attempt.refresh_from_db()
    before = (attempt.questions, attempt.score)
    Department.objects.update(name_en="Renamed", focus_en="Changed")
    attempt.refresh_from_db()
    assert (attempt.questions, attempt.score) == before
    assert "Renamed" not in logged_in.get(f"/en/attempts/{attempt.public_id}/result/").content.decode()


# --- Guests and accounts --------------------------------------------------------


def test_signing_up_keeps_the_guests_results(client, db):
    client.get("/tr/quizzes/")
    session = client.session
    session["guest_key"] = "guest-123"
    session.save()
    attempt = make_attempt(guest_key="guest-123")
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


# --- Query counts ---------------------------------------------------------------


def _count(callable_):
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


def _quiz_page_counts(client, user, size):
    """Queries of the take, autosave, submit and result requests for an attempt of ``size`` questions."""
    attempt = make_attempt(user, count=size)
    answers = {f"q-{i}": "1" for i in range(size) if attempt.questions[i]["type"] == "single"}
    take_url, result_url = f"/tr/attempts/{attempt.public_id}/", f"/tr/attempts/{attempt.public_id}/result/"
    counts = {
        "take": _count(lambda: client.get(take_url)),
        "take again": _count(lambda: client.get(take_url)),
        "save": _count(lambda: client.post(save_url(attempt), {"action": "autosave", **answers})),
        "submit": _count(lambda: client.post(save_url(attempt), {"action": "submit", **answers})),
        "result": _count(lambda: client.get(result_url)),
        "result again": _count(lambda: client.get(result_url)),
    }
    assert Answer.objects.filter(attempt=attempt, mark__isnull=True).count() == 0
    return counts


def test_quiz_pages_make_a_fixed_number_of_queries(client, student):
    client.force_login(student)
    _quiz_page_counts(client, student, 3)  # warm the session and caches
    small = _quiz_page_counts(client, student, 3)
    large = _quiz_page_counts(client, student, 20)
    assert small == large, (small, large)
    # take: session, user, is_teacher, attempt, answers, and the frozen questions unless their HTML is cached.
    assert small["take"] == 6 and small["take again"] == 5, small
    # result: session, user, is_teacher, attempt, and questions and answers unless the HTML is cached.
    assert small["result"] == 6 and small["result again"] == 4, small
    # save: session, user, attempt, lock, answers, bulk update (+ savepoints); submit does the same
    # in the same transaction, grading too, and closes the attempt (15 when they were two transactions).
    assert small["save"] == 8 and small["submit"] == 9, small
