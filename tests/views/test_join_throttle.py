"""Wrong join codes are counted per account: one pupil's typos never lock the class out (issue 8, #3)."""

import pytest

from quizzes.models import Membership
from quizzes.services.classes import WRONG_CODES_ALLOWED
from tests.factories_teacher import make_classroom

pytestmark = pytest.mark.django_db

SCHOOL = {"REMOTE_ADDR": "10.0.0.7"}  # every pupil behind the school's one address


@pytest.fixture
def classroom(teacher):
    return make_classroom(teacher)


def type_wrong_codes(client, user):
    client.force_login(user)
    for i in range(WRONG_CODES_ALLOWED):
        assert client.post("/en/classes/join/", {"code": f"AAAA{i:02d}"}, **SCHOOL).status_code == 400


def test_one_students_wrong_codes_never_block_a_classmate(client, student, other_student, classroom):
    type_wrong_codes(client, student)
    client.force_login(other_student)
    response = client.post("/en/classes/join/", {"code": classroom.join_code}, **SCHOOL)
    assert response.status_code == 302
    assert Membership.objects.filter(classroom=classroom, student=other_student).exists()


def test_the_blocked_student_is_told_how_long_to_wait(client, student, classroom):
    type_wrong_codes(client, student)
    response = client.post("/en/classes/join/", {"code": "ZZZZZZ"}, **SCHOOL)
    assert response.status_code == 429
    assert "Too many wrong codes. Try again in 5 minutes" in response.content.decode()


def test_the_wait_is_in_turkish_on_turkish_pages(client, student, classroom):
    type_wrong_codes(client, student)
    response = client.post("/tr/classes/join/", {"code": "ZZZZZZ"}, **SCHOOL)
    assert response.status_code == 429
    assert "5 dakika sonra yeniden deneyin" in response.content.decode()


def test_a_blocked_student_learns_nothing_from_a_right_code(client, student, classroom):
    type_wrong_codes(client, student)
    response = client.post("/en/classes/join/", {"code": classroom.join_code}, **SCHOOL)
    assert response.status_code == 429
    assert not Membership.objects.exists()


def test_the_block_follows_the_account_to_another_address(client, student, classroom):
    type_wrong_codes(client, student)
    response = client.post("/en/classes/join/", {"code": "ZZZZZZ"}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429


def test_right_codes_are_never_counted(client, student, teacher):
    classrooms = [make_classroom(teacher, name=f"Sınıf {i}") for i in range(WRONG_CODES_ALLOWED + 1)]
    client.force_login(student)
    for classroom in classrooms:
        assert client.post("/en/classes/join/", {"code": classroom.join_code}, **SCHOOL).status_code == 302
    assert Membership.objects.filter(student=student).count() == len(classrooms)
