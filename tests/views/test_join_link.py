"""A class's join link (classes/join/CODE/): logged out, back to it after logging in or signing up; one click joins."""

import pytest

from quizzes.models import Membership
from quizzes.services import classes
from tests.factories import PASSWORD, as_user

pytestmark = pytest.mark.django_db


def link(classroom, language="en"):
    return f"/{language}/classes/join/{classroom.join_code}/"


def test_opening_the_link_shows_the_class_and_joins_nobody(client, student, classroom):
    response = as_user(client, student).get(link(classroom))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Join “9-A Dijital Dönüşüm”" in html
    assert 'method="post" action="/en/classes/join/"' in html
    assert f'name="code" value="{classroom.join_code}"' in html
    assert not Membership.objects.exists()


def test_the_button_joins_with_a_post(client, student, classroom):
    response = as_user(client, student).post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 302
    assert Membership.objects.filter(classroom=classroom, student=student).exists()


def test_a_member_is_told_they_are_in_already(client, student, classroom, member):
    html = as_user(client, student).get(link(classroom)).content.decode()
    assert "You are already in this class." in html


def test_a_code_in_any_case_finds_the_class(client, student, classroom):
    response = as_user(client, student).get(f"/en/classes/join/{classroom.join_code.lower()}/")
    assert response.status_code == 200


def test_a_wrong_code_is_not_found_and_counts_as_a_typed_code(client, student, classroom):
    response = as_user(client, student).get("/en/classes/join/QQQQQQ/")
    assert response.status_code == 404
    for _ in range(classes.WRONG_CODES_ALLOWED - 1):
        client.get("/en/classes/join/QQQQQQ/")
    response = client.get(link(classroom))
    assert response.status_code == 302  # back to My classes, with the wait
    assert not Membership.objects.exists()


def test_logged_out_it_sends_to_log_in_and_back(client, student, classroom):
    response = client.get(link(classroom))
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/en/classes/join/{classroom.join_code}/"
    response = client.post(
        "/en/accounts/login/",
        {"username": "ogrenci", "password": PASSWORD, "next": link(classroom)},
    )
    assert response["Location"] == link(classroom)


def test_the_login_page_carries_the_link_to_sign_up(client, classroom):
    html = client.get(f"/en/accounts/login/?next={link(classroom)}").content.decode()
    assert f'href="/en/accounts/signup/?next=/en/classes/join/{classroom.join_code}/"' in html


def test_signing_up_comes_back_to_the_link(client, classroom):
    html = client.get(f"/en/accounts/signup/?next={link(classroom)}").content.decode()
    assert f'name="next" value="{link(classroom)}"' in html
    response = client.post(
        "/en/accounts/signup/",
        {
            "username": "yeni",
            "password1": "uzun-bir-parola-42",
            "password2": "uzun-bir-parola-42",
            "next": link(classroom),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == link(classroom)


def test_signing_up_never_goes_to_another_site(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "username": "yeni",
            "password1": "uzun-bir-parola-42",
            "password2": "uzun-bir-parola-42",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/en/progress/"


@pytest.mark.parametrize("target", ["//evil.example/", "²", "javascript:alert(1)", "progress"])
def test_signing_up_ignores_a_next_that_is_not_a_local_path(client, target):
    response = client.post(
        "/en/accounts/signup/",
        {"username": "yeni", "password1": "uzun-bir-parola-42", "password2": "uzun-bir-parola-42", "next": target},
    )
    assert response["Location"] == "/en/progress/"


def test_it_runs_a_fixed_number_of_queries(client, student, classroom, count_queries):
    as_user(client, student)
    # session, the class with its teacher, membership (the user and their groups: the user cache)
    assert count_queries(client.get, link(classroom)) == 3
