"""The student's classes (classes/): each assignment's status in words, and a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Attempt
from tests.factories import as_user, make_assignment, make_attempt, make_classroom, make_teacher, question

pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


def test_it_shows_each_status_in_words(enrolled, student, classroom):
    now = timezone.now()
    make_assignment(classroom, "Başlanmamış")
    in_progress = make_assignment(classroom, "Yarım")
    make_attempt(student, in_progress, ["a"], questions=[question("q:1")], submitted_at=None)
    done = make_assignment(classroom, "Bitmiş")
    make_attempt(student, done, ["a"], questions=[question("q:1")])
    late = make_assignment(classroom, "Geç", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_attempt(student, late, ["a", "b"], questions=[question("q:1"), question("q:2")], submitted_at=now - DAY)
    make_assignment(classroom, "Kaçırılmış", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_assignment(classroom, "Gelecek", opens_at=now + DAY, due_at=now + 2 * DAY)
    html = enrolled.get("/en/classes/").content.decode()
    for text in ("Not started", "In progress", "Done", "Done late", "Missing", "Not open yet"):
        assert f">{text}</span>" in html
    assert "50%" in html  # the late attempt's score
    assert f'href="/en/attempts/{Attempt.objects.get(assignment=in_progress).public_id}/"' in html


def test_it_runs_a_fixed_number_of_queries(client, student, other_student, count_queries):
    as_user(client, student)
    one = make_classroom(make_teacher("bir"), [student], name="Bir")
    make_attempt(student, make_assignment(one), ["a"], questions=[question("q:1")])
    few = count_queries(client.get, "/en/classes/")
    for n in range(3):
        more = make_classroom(make_teacher(f"ek{n}"), [student, other_student], name=f"Ek {n}")
        for title in ("Daireler", "Görevler"):
            assignment = make_assignment(more, title, max_attempts=2)
            make_attempt(student, assignment, ["a", "b"], questions=[question("q:1"), question("q:2")])
            make_attempt(student, assignment, ["a"], questions=[question("q:1")], number=2, submitted_at=None)
    assert count_queries(client.get, "/en/classes/") == few
