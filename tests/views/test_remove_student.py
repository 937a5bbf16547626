"""Removing a student from a class (teach/classes/N/students/M/remove/)."""

import pytest

from quizzes.models import Membership
from tests.factories import as_user, make_teacher

pytestmark = pytest.mark.django_db


def test_it_removes_a_student(client, teacher, classroom, student, member):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_get_asks_for_confirmation_and_removes_nobody(client, teacher, classroom, student, member):
    response = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remove ogrenci from “9-A Dijital Dönüşüm”?" in html or "from “9-A Dijital Dönüşüm”?" in html
    assert f'method="post" action="/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/"' in html
    assert Membership.objects.exists()


def test_the_class_page_links_to_the_confirmation(client, teacher, classroom, student, member):
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert f'<a href="/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/">Remove' in html
    assert f'action="/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/"' not in html


def test_another_teacher_cannot_remove_a_student(client, classroom, student, member):
    as_user(client, make_teacher("baska"))
    response = client.post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.exists()


def test_it_finds_no_student_outside_the_class(client, teacher, classroom, student):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 404


def test_the_confirmation_runs_a_fixed_number_of_queries(client, teacher, classroom, student, count_queries, member):
    as_user(client, teacher)
    url = f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/"
    # session, the class, the membership with its student (the user: the user cache)
    assert count_queries(client.get, url) == 3
