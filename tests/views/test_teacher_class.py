"""A class page (teach/classes/N/): its code, students and assignments, and giving an assignment."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Membership
from tests.factories import as_user, make_assignment, make_attempt, make_student, make_teacher, question

pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def test_another_teachers_class_is_not_found(client, classroom):
    as_user(client, make_teacher("baska"))
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 404


def test_it_shows_code_students_and_assignments(client, teacher, classroom):
    ayse = make_student("ayse", "Ayşe Yıldız")
    Membership.objects.create(classroom=classroom, student=ayse)
    make_assignment(classroom, "Daireler testi")
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert classroom.join_code in html
    assert "Ayşe Yıldız" in html
    assert "Daireler testi" in html
    assert f'href="/en/teach/classes/{classroom.pk}/students/{ayse.pk}/remove/"' in html


def assignment_data(**changes):
    now = timezone.now()
    data = {
        "title": "Daireler",
        "topic": "departments",
        "length": 10,
        "difficulty": "any",
        "opens_at": local(now),
        "due_at": local(now + 7 * DAY),
        "max_attempts": 1,
        "same_questions": "on",
        "answer_release": "last_attempt",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_it_gives_an_assignment_with_a_shared_seed(client, teacher, classroom):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(max_attempts=3))
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.classroom, assignment.title, assignment.length, assignment.max_attempts) == (
        classroom,
        "Daireler",
        10,
        3,
    )
    assert assignment.same_questions
    assert 0 < assignment.seed < 2**31


def test_datetime_local_inputs_are_istanbul_time(client, teacher, classroom):
    as_user(client, teacher).post(
        f"/en/teach/classes/{classroom.pk}/",
        assignment_data(opens_at="2030-03-01T09:00", due_at="2030-03-08T17:30"),
    )
    assignment = Assignment.objects.get()
    assert timezone.localtime(assignment.opens_at).strftime("%Y-%m-%d %H:%M %z") == "2030-03-01 09:00 +0300"


def test_each_their_own_questions_leaves_the_seed_unset(client, teacher, classroom):
    as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(same_questions=None))
    assignment = Assignment.objects.get()
    assert not assignment.same_questions
    assert assignment.seed == 0


def test_it_rejects_a_due_date_before_the_opening(client, teacher, classroom):
    now = timezone.now()
    response = as_user(client, teacher).post(
        f"/en/teach/classes/{classroom.pk}/", assignment_data(opens_at=local(now + DAY), due_at=local(now))
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The due date must come after the opening date." in html
    assert 'role="alert"' in html
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"length": 4},
        {"length": 31},
        {"max_attempts": 0},
        {"max_attempts": 11},
        {"topic": "astrology"},
        {"difficulty": "extreme"},
        {"title": ""},
        {"due_at": "yarın"},
    ],
)
def test_it_rejects_bad_assignment_settings(client, teacher, classroom, changes):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(**changes))
    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_another_teacher_cannot_give_an_assignment(client, classroom):
    response = as_user(client, make_teacher("baska")).post(f"/en/teach/classes/{classroom.pk}/", assignment_data())
    assert response.status_code == 404
    assert not Assignment.objects.exists()


def test_it_runs_a_fixed_number_of_queries(client, teacher, classroom, count_queries):
    as_user(client, teacher)
    url = f"/en/teach/classes/{classroom.pk}/"
    empty = count_queries(client.get, url)
    students = [make_student(f"u{i}", f"Öğrenci {i}") for i in range(6)]
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    for title in ("Daireler", "Görevler", "Zaman"):
        assignment = make_assignment(classroom, title)
        for s in students[:3]:
            make_attempt(s, assignment, ["a"], questions=[question("q:1")])
    assert count_queries(client.get, url) == empty
