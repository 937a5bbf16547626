"""Joining a class with its code (classes/join/)."""

import pytest

from quizzes.models import Membership
from quizzes.services.classes import WRONG_CODES_ALLOWED
from tests.factories import as_user

pytestmark = pytest.mark.django_db


def test_it_joins_with_a_code_in_any_case_with_spaces_and_dashes(client, student, classroom):
    code = classroom.join_code.lower()
    typed = f" {code[:3]}-{code[3:]} "
    response = as_user(client, student).post("/en/classes/join/", {"code": typed})
    assert response.status_code == 302
    assert response.url == "/en/classes/"
    assert Membership.objects.filter(classroom=classroom, student=student).exists()
    assert "You joined" in client.get("/en/classes/").content.decode()


def test_it_keeps_one_membership_when_joining_twice(client, student, classroom):
    as_user(client, student)
    client.post("/en/classes/join/", {"code": classroom.join_code})
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 302
    assert Membership.objects.count() == 1


def test_it_refuses_a_wrong_code_with_a_message(client, student, classroom):
    response = as_user(client, student).post("/en/classes/join/", {"code": "ZZZZZZ"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "No class has this code" in html
    assert 'value="ZZZZZZ"' in html
    assert not Membership.objects.exists()


def test_it_refuses_an_empty_code(client, student):
    response = as_user(client, student).post("/en/classes/join/", {"code": ""})
    assert response.status_code == 400


def test_it_throttles_guessing_codes(client, student, classroom):
    as_user(client, student)
    for i in range(WRONG_CODES_ALLOWED):
        assert client.post("/en/classes/join/", {"code": f"AAAA{i:02d}"}).status_code == 400
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_teacher_cannot_join_their_own_class(client, teacher, classroom):
    response = as_user(client, teacher).post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 400
    assert not Membership.objects.exists()


def test_it_requires_an_account(client, classroom):
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert not Membership.objects.exists()


def test_it_rejects_get(client, student):
    assert as_user(client, student).get("/en/classes/join/").status_code == 405
