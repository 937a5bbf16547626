"""Leaving a class (classes/N/leave/)."""

import pytest

from quizzes.models import Membership
from tests.factories import as_user

pytestmark = pytest.mark.django_db


def test_it_leaves_a_class(client, student, classroom, member):
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_it_finds_no_class_the_student_is_not_in(client, student, other_student, classroom):
    Membership.objects.create(classroom=classroom, student=other_student)
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 404
    assert Membership.objects.count() == 1


def test_get_asks_for_confirmation_and_leaves_nothing(client, student, classroom, member):
    response = as_user(client, student).get(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leave “9-A Dijital Dönüşüm”?" in html
    assert f'method="post" action="/en/classes/{classroom.pk}/leave/"' in html
    assert Membership.objects.exists()


def test_my_classes_links_to_the_confirmation(client, student, classroom, member):
    html = as_user(client, student).get("/en/classes/").content.decode()
    assert f'href="/en/classes/{classroom.pk}/leave/">Leave this class' in html
    assert f'action="/en/classes/{classroom.pk}/leave/"' not in html


def test_the_confirmation_of_a_class_the_student_is_not_in_is_not_found(client, student, classroom):
    assert as_user(client, student).get(f"/en/classes/{classroom.pk}/leave/").status_code == 404


def test_the_confirmation_runs_a_fixed_number_of_queries(client, student, classroom, count_queries, member):
    as_user(client, student)
    url = f"/en/classes/{classroom.pk}/leave/"
    assert count_queries(client.get, url) == 2  # session, the membership with its class (the user: the user cache)
