"""Starting an assignment (classes/assignments/N/start/): its first attempt, seeds and the attempt rules."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Membership
from tests.factories import as_user, make_assignment, make_attempt, question

pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


def start_url(assignment, language="en"):
    return f"/{language}/classes/assignments/{assignment.pk}/start/"


def test_it_makes_the_first_attempt(enrolled, student, classroom, content):
    assignment = make_assignment(classroom, length=5, seed=12345)
    response = enrolled.post(start_url(assignment))
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    assert (attempt.user, attempt.assignment, attempt.number, attempt.seed) == (student, assignment, 1, 12345)
    assert len(attempt.questions) == 5
    assert all(q["topic"] == "departments" for q in attempt.questions)


def test_same_questions_give_everyone_the_same_questions(enrolled, classroom, other_student, content, client):
    Membership.objects.create(classroom=classroom, student=other_student)
    assignment = make_assignment(classroom, topic="mixed", length=8, seed=777)
    enrolled.post(start_url(assignment))
    as_user(client, other_student).post(start_url(assignment))
    first, second = Attempt.objects.order_by("pk")
    assert [q["key"] for q in first.questions] == [q["key"] for q in second.questions]


def test_each_their_own_questions_draw_a_fresh_seed(enrolled, classroom, other_student, content, client):
    Membership.objects.create(classroom=classroom, student=other_student)
    # Duties: short question keys (see the report about long order_four/match_focus keys on PostgreSQL).
    assignment = make_assignment(classroom, topic="duties", length=5, same_questions=False)
    enrolled.post(start_url(assignment))
    as_user(client, other_student).post(start_url(assignment))
    first, second = Attempt.objects.order_by("pk")
    assert first.seed != second.seed


def test_it_continues_the_open_attempt(enrolled, classroom, content):
    assignment = make_assignment(classroom)
    first = enrolled.post(start_url(assignment))
    second = enrolled.post(start_url(assignment))
    assert first.url == second.url
    assert Attempt.objects.count() == 1


def test_a_used_up_assignment_cannot_be_started_again(enrolled, student, classroom):
    assignment = make_assignment(classroom, max_attempts=1)
    make_attempt(student, assignment, ["a"], questions=[question("q:1")])
    response = enrolled.post(start_url(assignment), follow=True)
    assert response.redirect_chain[-1][0] == "/en/classes/"
    assert "You have used every attempt" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_best_of_n_numbers_the_next_attempt(enrolled, student, classroom, content):
    assignment = make_assignment(classroom, max_attempts=2)
    make_attempt(student, assignment, ["a"], questions=[question("q:1")])
    enrolled.post(start_url(assignment))
    assert sorted(Attempt.objects.values_list("number", flat=True)) == [1, 2]


def test_an_assignment_not_yet_open_cannot_be_started(enrolled, classroom):
    assignment = make_assignment(classroom, opens_at=timezone.now() + DAY, due_at=timezone.now() + 2 * DAY)
    response = enrolled.post(start_url(assignment), follow=True)
    assert "opens on" in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_assignment_of_another_class_is_not_found(client, student, classroom):
    assignment = make_assignment(classroom)
    response = as_user(client, student).post(start_url(assignment))
    assert response.status_code == 404
    assert not Attempt.objects.exists()


def test_a_get_starts_nothing(enrolled, classroom):
    assert enrolled.get(start_url(make_assignment(classroom))).status_code == 200  # the page before the start
    assert not Attempt.objects.exists()
