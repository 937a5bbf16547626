"""Archiving, restoring and deleting a class (teach/classes/N/archive/, restore/, delete/)."""

import pytest
from django.utils import timezone

from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership
from tests.factories import as_user, make_assignment, make_attempt, make_teacher, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_class(classroom, student, other_student):
    Membership.objects.create(classroom=classroom, student=student)
    Membership.objects.create(classroom=classroom, student=other_student)
    assignment = make_assignment(classroom, "Daireler")
    make_assignment(classroom, "Görevler")
    make_attempt(student, assignment, ["a"], questions=[question("q:1")])
    return classroom


def test_archiving_hides_the_class_and_keeps_its_reports(client, teacher, busy_class):
    response = as_user(client, teacher).post(f"/en/teach/classes/{busy_class.pk}/archive/")
    assert response.status_code == 302
    busy_class.refresh_from_db()
    assert busy_class.archived_at is not None
    home = client.get("/en/teach/").content.decode()
    assert "Archived classes" in home
    assert f'href="/en/teach/classes/{busy_class.pk}/report/"' not in home
    assert client.get(f"/en/teach/classes/{busy_class.pk}/report/").status_code == 200
    assert Attempt.objects.count() == 1


def test_an_archived_class_leaves_the_students_list_and_takes_nobody_new(
    client, student, other_student, classroom, member
):
    Classroom.objects.filter(pk=classroom.pk).update(archived_at=timezone.now())
    assert "9-A Dijital Dönüşüm" not in as_user(client, student).get("/en/classes/").content.decode()
    response = as_user(client, other_student).post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 400
    assert not Membership.objects.filter(student=other_student).exists()


def test_restoring_brings_it_back(client, teacher, classroom):
    Classroom.objects.filter(pk=classroom.pk).update(archived_at=timezone.now())
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/restore/")
    assert response.status_code == 302
    classroom.refresh_from_db()
    assert classroom.archived_at is None


def test_archiving_needs_a_post(client, teacher, classroom):
    assert as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/archive/").status_code == 405
    classroom.refresh_from_db()
    assert classroom.archived_at is None


def test_another_teacher_cannot_archive_or_delete(client, classroom):
    as_user(client, make_teacher("baska"))
    assert client.post(f"/en/teach/classes/{classroom.pk}/archive/").status_code == 404
    assert client.get(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 404
    assert client.post(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 404
    classroom.refresh_from_db()
    assert classroom.archived_at is None


def test_the_delete_page_says_what_will_go_and_deletes_nothing(client, teacher, busy_class):
    response = as_user(client, teacher).get(f"/en/teach/classes/{busy_class.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 students' memberships (their accounts stay)" in html
    assert "2 assignments" in html
    assert "1 attempt at those assignments, with its answers" in html
    assert Classroom.objects.filter(pk=busy_class.pk).exists()


def test_deleting_takes_the_assignments_and_attempts_with_it(client, teacher, busy_class, student):
    response = as_user(client, teacher).post(f"/en/teach/classes/{busy_class.pk}/delete/")
    assert response.status_code == 302
    assert not Classroom.objects.exists()
    assert not Assignment.objects.exists() and not Attempt.objects.exists() and not Answer.objects.exists()
    assert not Membership.objects.exists()
    student.refresh_from_db()  # the account stays


def test_the_delete_page_runs_a_fixed_number_of_queries(client, teacher, busy_class, count_queries):
    as_user(client, teacher)
    url = f"/en/teach/classes/{busy_class.pk}/delete/"
    # session, class, then three counts (the user and their groups: the user cache)
    assert count_queries(client.get, url) == 5
