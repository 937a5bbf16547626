"""Per-student extensions of a due date (teach/classes/N/assignments/M/extensions/), as Moodle's user overrides."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import AnswerRelease, Extension, Membership
from tests.factories import as_user, make_assignment, make_attempt, make_teacher, question

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def past_due(classroom, student, other_student):
    """An assignment due two days ago, in a class of two students."""
    Membership.objects.create(classroom=classroom, student=student)
    Membership.objects.create(classroom=classroom, student=other_student)
    now = timezone.now()
    return make_assignment(classroom, "Geç", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)


def url(assignment):
    return f"/en/teach/classes/{assignment.classroom_id}/assignments/{assignment.pk}/extensions/"


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_it_gives_a_student_a_later_due_date(client, teacher, student, past_due):
    new_due = timezone.now() + 3 * DAY
    response = as_user(client, teacher).post(url(past_due), {"student": student.pk, "due_at": local(new_due)})
    assert response.status_code == 302
    extension = Extension.objects.get()
    assert extension.student == student and extension.due_at.date() == new_due.date()


def test_a_student_with_an_extension_is_not_missing_and_it_shows_in_the_overview(
    client, teacher, student, other_student, past_due
):
    Extension.objects.create(assignment=past_due, student=student, due_at=timezone.now() + 3 * DAY)
    html = as_user(client, teacher).get(f"/en/teach/classes/{past_due.classroom_id}/report/").content.decode()
    mine = html.split("Öğrenci</a>", 1)[1].split("</tr>", 1)[0]
    theirs = html.split("diger</a>", 1)[1].split("</tr>", 1)[0]
    assert "Not started" in mine and "until " in mine and "Missing" not in mine
    assert "Missing" in theirs


def test_work_submitted_before_the_extended_date_is_not_late(client, teacher, student, past_due):
    Extension.objects.create(assignment=past_due, student=student, due_at=timezone.now() + 3 * DAY)
    make_attempt(student, past_due, ["a"], questions=[question("q:1")])
    html = as_user(client, teacher).get(f"/en/teach/classes/{past_due.classroom_id}/report/").content.decode()
    assert ">Done late<" not in html
    report = client.get(f"/en/teach/classes/{past_due.classroom_id}/students/{student.pk}/").content.decode()
    assert ">Done late<" not in report


def test_the_student_sees_their_own_due_date(client, student, past_due):
    new_due = timezone.now() + 3 * DAY
    Extension.objects.create(assignment=past_due, student=student, due_at=new_due)
    html = as_user(client, student).get("/en/classes/").content.decode()
    assert "(extended for you)" in html
    assert "Missing" not in html


def test_the_right_answers_wait_for_the_students_own_due_date(student, past_due):
    past_due.answer_release = AnswerRelease.AFTER_DUE_DATE
    attempt = make_attempt(student, past_due, ["a"], questions=[question("q:1")])
    now = timezone.now()
    assert past_due.shows_answers(attempt, now)
    Extension.objects.create(assignment=past_due, student=student, due_at=now + 3 * DAY)
    assert not past_due.shows_answers(attempt, now)


def test_it_refuses_a_date_before_the_class_due_date(client, teacher, student, past_due):
    response = as_user(client, teacher).post(
        url(past_due), {"student": student.pk, "due_at": local(past_due.due_at - DAY)}
    )
    assert response.status_code == 400
    assert "An extension gives more time" in response.content.decode()
    assert not Extension.objects.exists()


def test_it_refuses_a_student_outside_the_class(client, teacher, past_due):
    outsider = make_teacher("disarida")
    response = as_user(client, teacher).post(
        url(past_due), {"student": outsider.pk, "due_at": local(timezone.now() + DAY)}
    )
    assert response.status_code == 400
    assert not Extension.objects.exists()


def test_it_takes_an_extension_back(client, teacher, student, past_due):
    Extension.objects.create(assignment=past_due, student=student, due_at=timezone.now() + 3 * DAY)
    response = as_user(client, teacher).post(f"{url(past_due)}{student.pk}/remove/")
    assert response.status_code == 302
    assert not Extension.objects.exists()
    assert client.post(f"{url(past_due)}{student.pk}/remove/").status_code == 404


def test_another_teacher_cannot_give_an_extension(client, student, past_due):
    as_user(client, make_teacher("baska"))
    assert client.get(url(past_due)).status_code == 404
    response = client.post(url(past_due), {"student": student.pk, "due_at": local(timezone.now() + DAY)})
    assert response.status_code == 404
    assert not Extension.objects.exists()


def test_the_page_lists_the_extensions_given(client, teacher, student, past_due):
    Extension.objects.create(assignment=past_due, student=student, due_at=timezone.now() + 3 * DAY)
    html = as_user(client, teacher).get(url(past_due)).content.decode()
    assert "Extensions given" in html and "Öğrenci" in html and "Remove the extension" in html


def test_the_page_runs_a_fixed_number_of_queries(client, teacher, student, other_student, past_due, count_queries):
    as_user(client, teacher)
    few = count_queries(client.get, url(past_due))
    Extension.objects.create(assignment=past_due, student=student, due_at=timezone.now() + 3 * DAY)
    Extension.objects.create(assignment=past_due, student=other_student, due_at=timezone.now() + 4 * DAY)
    assert count_queries(client.get, url(past_due)) == few
