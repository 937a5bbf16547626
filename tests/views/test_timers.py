"""Timed quizzes (WCAG 2.2.1): the deadline kept on the server, extending or switching it off in practice,
a teacher's extra time in assignments, and the attempt closed at the deadline with what was saved."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Accommodation, Assignment, Attempt, Membership, Quiz
from tests.factories import as_user, make_assignment, make_student, make_teacher
from tests.quiz_factories import make_quiz_attempt, save_url

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def timed(attempt, *, minutes=10, left=None):
    """Give ``attempt`` a limit of ``minutes`` and a deadline ``left`` from now (the whole limit by default)."""
    left = MINUTE * minutes if left is None else left
    Attempt.objects.filter(pk=attempt.pk).update(time_limit=minutes * 60, deadline=timezone.now() + left)
    attempt.refresh_from_db()
    return attempt


def take_url(attempt, language="tr"):
    return f"/{language}/attempts/{attempt.public_id}/"


def timer_url(attempt, language="en"):
    return f"/{language}/attempts/{attempt.public_id}/timer/"


def test_untimed_stays_the_default(logged_in, content):
    logged_in.post("/tr/quizzes/start/", {"quiz": "zaman-cizelgesi"})
    attempt = Attempt.objects.get()
    assert attempt.deadline is None
    assert 'id="quiz-timer"' not in logged_in.get(take_url(attempt)).content.decode()


def test_a_named_quiz_with_a_limit_stores_the_deadline_on_the_server(logged_in, content):
    Quiz.objects.filter(slug="zaman-cizelgesi").update(time_limit=10)
    logged_in.post("/tr/quizzes/start/", {"quiz": "zaman-cizelgesi"})
    attempt = Attempt.objects.get()
    assert attempt.time_limit == 600
    assert abs((attempt.deadline - attempt.started_at).total_seconds() - 600) < 1


def test_the_page_shows_the_time_left_and_a_polite_region(logged_in, attempt):
    timed(attempt, left=MINUTE * 5 - datetime.timedelta(seconds=30))
    html = logged_in.get(take_url(attempt, "en")).content.decode()
    assert "Time left" in html and "Time left: 5 minutes" in html
    assert 'aria-live="polite" id="timer-announce"' in html
    assert "js/timer.js" in html
    assert "One minute left." in html and "Half the time has passed." in html  # what the script announces


def test_the_deadline_survives_a_language_switch_and_a_reload(logged_in, attempt):
    timed(attempt)
    deadline = attempt.deadline
    response = logged_in.post(save_url(attempt, "tr"), {"action": "language:en", "q-0": "1"})
    assert response.url == take_url(attempt, "en")
    html = logged_in.get(response.url).content.decode()
    assert 'id="quiz-timer"' in html and "Time left" in html
    attempt.refresh_from_db()
    assert attempt.deadline == deadline
    assert 'id="quiz-timer"' in logged_in.get(take_url(attempt, "tr")).content.decode()


def test_late_answers_are_refused_and_change_nothing(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "save", "q-0": "1"})
    timed(attempt, left=-MINUTE)
    response = logged_in.post(save_url(attempt, "en"), {"action": "save", "q-0": "0", "q-2-0": "1"})
    assert response.status_code == 409
    assert "Time was up" in response.content.decode()
    attempt.refresh_from_db()
    answers = {a.position: a.response for a in attempt.answers.all()}
    assert answers == {0: "department:siber", 1: None, 2: None}
    # Closed with what was saved: one right answer of three.
    assert attempt.is_submitted and attempt.score == 1


def test_a_late_autosave_gets_409_json(logged_in, attempt):
    timed(attempt, left=-MINUTE)
    response = logged_in.post(save_url(attempt, "en"), {"action": "autosave", "q-0": "1"})
    assert response.status_code == 409
    assert response.json()["submitted"] is True and "Time was up" in response.json()["error"]
    assert attempt.answers.get(position=0).response is None


def test_the_next_request_after_the_deadline_submits_what_was_saved(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "save", "q-0": "1"})
    timed(attempt, left=-MINUTE)
    response = logged_in.get(take_url(attempt, "en"))
    assert response.url == f"/en/attempts/{attempt.public_id}/result/"
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1
    assert "Time is up" in logged_in.get(response.url).content.decode()


def test_the_result_page_closes_a_late_attempt_too(logged_in, attempt):
    timed(attempt, left=-MINUTE)
    response = logged_in.get(f"/en/attempts/{attempt.public_id}/result/")
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 0


def test_within_the_grace_the_page_s_own_submit_is_taken_without_asking(logged_in, attempt):
    timed(attempt, left=-datetime.timedelta(seconds=5))
    response = logged_in.post(save_url(attempt, "en"), {"action": "submit", "q-0": "1"})
    assert response.url == f"/en/attempts/{attempt.public_id}/result/"
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1


def test_in_practice_the_learner_extends_the_timer_up_to_tenfold(logged_in, attempt):
    timed(attempt, minutes=10)
    first = attempt.deadline
    response = logged_in.post(timer_url(attempt), {"action": "extend"})
    assert response.url == take_url(attempt, "en")
    attempt.refresh_from_db()
    assert attempt.deadline == first + MINUTE * 10
    assert "2 × the time" in logged_in.get(take_url(attempt, "en")).content.decode()
    for _press in range(8):
        assert logged_in.post(timer_url(attempt), {"action": "extend"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.deadline == first + MINUTE * 90  # ten times the limit
    html = logged_in.get(take_url(attempt, "en")).content.decode()
    assert "more minutes" not in html and "Switch the timer off" in html
    response = logged_in.post(timer_url(attempt), {"action": "extend"})
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.deadline == first + MINUTE * 90


def test_in_practice_the_learner_switches_the_timer_off(logged_in, attempt):
    timed(attempt)
    response = logged_in.post(timer_url(attempt, "tr"), {"action": "off"})
    assert response.url == take_url(attempt, "tr")
    attempt.refresh_from_db()
    assert attempt.deadline is None and attempt.time_limit == 600
    assert 'id="quiz-timer"' not in logged_in.get(take_url(attempt)).content.decode()


def test_an_unknown_timer_button_changes_nothing(logged_in, attempt):
    timed(attempt)
    deadline = attempt.deadline
    logged_in.post(timer_url(attempt), {"action": "forever"})
    attempt.refresh_from_db()
    assert attempt.deadline == deadline


def test_only_the_owner_can_extend(client, attempt):
    timed(attempt)
    deadline = attempt.deadline
    as_user(client, make_student("baska"))
    assert client.post(timer_url(attempt), {"action": "extend"}).status_code == 404
    assert client.post(timer_url(attempt), {"action": "off"}).status_code == 404
    client.logout()
    assert client.post(timer_url(attempt), {"action": "off"}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.deadline == deadline


def test_a_guest_extends_their_own_practice(client):
    client.get("/en/quizzes/")
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    # No content: start the attempt directly, as this browser's guest.
    attempt = timed(make_quiz_attempt(guest_key=client.session.get("guest_key") or _guest_key(client)))
    deadline = attempt.deadline
    assert client.post(timer_url(attempt), {"action": "extend"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.deadline == deadline + MINUTE * 10


def _guest_key(client):
    session = client.session
    session["guest_key"] = "guest-key-for-the-test"
    session.save()
    return "guest-key-for-the-test"


def test_a_submitted_attempt_s_timer_cannot_change(logged_in, attempt):
    timed(attempt)
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1"})
    assert logged_in.post(timer_url(attempt), {"action": "off"}).status_code == 409
    attempt.refresh_from_db()
    assert attempt.deadline is not None


# --- Assignments: the teacher's extra time ------------------------------------------------------


def start_url(assignment):
    return f"/en/classes/assignments/{assignment.pk}/start/"


def test_an_assignment_s_timer_is_not_the_learner_s_to_change(enrolled, classroom, content):
    assignment = make_assignment(classroom, time_limit=20)
    enrolled.post(start_url(assignment))
    attempt = Attempt.objects.get()
    assert attempt.time_limit == 1200
    html = enrolled.get(take_url(attempt, "en")).content.decode()
    assert "ask your teacher" in html and "Switch the timer off" not in html
    response = enrolled.post(timer_url(attempt), {"action": "off"})
    assert response.status_code == 409
    assert "your teacher can give you extra time" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.deadline is not None


def accommodations_url(classroom, language="en"):
    return f"/{language}/teach/classes/{classroom.pk}/time/"


def test_the_teacher_gives_a_student_extra_time_in_assignments(client, teacher, student, classroom, content):
    Membership.objects.create(classroom=classroom, student=student)
    as_user(client, teacher)
    response = client.post(accommodations_url(classroom), {"student": student.pk, "time_percent": 150})
    assert response.url == accommodations_url(classroom)
    assert Accommodation.objects.get().time_percent == 150
    assert "1.5 × the time limit" in client.get(accommodations_url(classroom)).content.decode()
    # Shown beside the student, on the class page and in the class overview.
    assert "time limit +50%" in client.get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assignment = make_assignment(classroom, time_limit=20)
    assert "süre sınırı +%50" in client.get(f"/tr/teach/classes/{classroom.pk}/report/").content.decode()
    as_user(client, student).post(start_url(assignment))
    attempt = Attempt.objects.get()
    assert attempt.time_limit == 1800
    assert abs((attempt.deadline - attempt.started_at).total_seconds() - 1800) < 1


def test_no_extra_time_takes_an_accommodation_back(client, teacher, student, classroom):
    Membership.objects.create(classroom=classroom, student=student)
    Accommodation.objects.create(classroom=classroom, student=student, time_percent=200)
    as_user(client, teacher).post(accommodations_url(classroom), {"student": student.pk, "time_percent": 100})
    assert not Accommodation.objects.exists()


def test_the_teacher_gives_time_only_to_their_own_class_s_students(client, teacher, student, classroom):
    outsider = make_student("disarida")
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, teacher).post(
        accommodations_url(classroom), {"student": outsider.pk, "time_percent": 300}
    )
    assert response.status_code == 400
    other = make_teacher("baska")
    response = as_user(client, other).post(accommodations_url(classroom), {"student": student.pk, "time_percent": 300})
    assert response.status_code == 404
    assert as_user(client, student).get(accommodations_url(classroom)).status_code == 403
    assert not Accommodation.objects.exists()


def test_the_assignment_form_takes_a_time_limit(client, teacher, classroom):
    now = timezone.localtime().replace(second=0, microsecond=0)
    data = {
        "title": "Süreli",
        "topic": "departments",
        "length": 5,
        "difficulty": "any",
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "due_at": (now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        "max_attempts": 1,
        "time_limit": 15,
        "same_questions": "on",
        "answer_release": "last_attempt",
    }
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", data)
    assert response.status_code == 302
    assert Assignment.objects.get().time_limit == 15


# --- Query counts ------------------------------------------------------------------------------


def _counts(client, attempt, count_queries):
    answers = {"q-0": "1"}
    return {
        "take": count_queries(client.get, take_url(attempt)),
        "save": count_queries(client.post, save_url(attempt), {"action": "autosave", **answers}),
        "submit": count_queries(
            client.post, save_url(attempt), {"action": "submit", "submit_anyway": "1", **answers}, status=302
        ),
    }


def test_a_timed_attempt_costs_no_more_queries(client, student, count_queries):
    client.force_login(student)
    _counts(client, make_quiz_attempt(student), count_queries)  # warm the session and caches
    untimed = _counts(client, make_quiz_attempt(student), count_queries)
    timed_counts = _counts(client, timed(make_quiz_attempt(student)), count_queries)
    assert timed_counts == untimed, (timed_counts, untimed)


def test_an_editor_sets_a_named_quiz_s_time_limit_in_admin(client, content):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a-Good-test-passw0rd")
    quiz = Quiz.objects.get(slug="zaman-cizelgesi")
    html = as_user(client, admin).get(f"/en/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()
    assert 'name="time_limit"' in html


def test_the_timer_buttons_keep_the_answers_on_the_page(logged_in, attempt):
    # Without JavaScript the buttons post the quiz's form: its answers are saved before the timer changes.
    timed(attempt)
    response = logged_in.post(timer_url(attempt), {"action": "off", "q-0": "1", "q-2-0": "9"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.deadline is None
    assert attempt.answers.get(position=0).response == "department:siber"
    assert attempt.answers.get(position=2).response is None
