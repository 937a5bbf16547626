"""Leaving a class (classes/N/leave/)."""

import pytest

from quizzes.models import Membership
from tests.factories import as_user

pytestmark = pytest.mark.django_db


def test_it_leaves_a_class(client, student, classroom):
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_it_finds_no_class_the_student_is_not_in(client, student, other_student, classroom):
    Membership.objects.create(classroom=classroom, student=other_student)
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 404
    assert Membership.objects.count() == 1
