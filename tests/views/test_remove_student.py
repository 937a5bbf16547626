"""Removing a student from a class (teach/classes/N/students/M/remove/)."""

import pytest

from quizzes.models import Membership
from tests.factories import as_user, make_teacher

pytestmark = pytest.mark.django_db


def test_it_removes_a_student(client, teacher, classroom, student):
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_it_rejects_get(client, teacher, classroom, student):
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 405
    assert Membership.objects.exists()


def test_another_teacher_cannot_remove_a_student(client, classroom, student):
    Membership.objects.create(classroom=classroom, student=student)
    as_user(client, make_teacher("baska"))
    response = client.post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.exists()


def test_it_finds_no_student_outside_the_class(client, teacher, classroom, student):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 404
