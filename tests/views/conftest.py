"""Fixtures shared by the view tests: a class, an enrolled student, an attempt, a logged-in client."""

import pytest

from quizzes.models import Membership
from tests.factories import as_user, build_class, make_classroom
from tests.quiz_factories import make_quiz_attempt


@pytest.fixture
def classroom(teacher):
    return make_classroom(teacher, name="9-A Dijital Dönüşüm")


@pytest.fixture
def member(student, classroom):
    """The student's membership of the class."""
    return Membership.objects.create(classroom=classroom, student=student)


@pytest.fixture
def enrolled(client, student, member):
    return as_user(client, student)


@pytest.fixture
def small_class(teacher):
    return build_class(teacher, 4)


@pytest.fixture
def attempt(student):
    return make_quiz_attempt(student)


@pytest.fixture
def logged_in(client, student):
    return as_user(client, student)
