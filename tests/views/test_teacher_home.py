"""The teacher's home (teach/): their classes, making a class, and who may open it."""

import pytest

from quizzes.models import JOIN_CODE_ALPHABET, Classroom
from tests.factories import as_user, make_assignment, make_classroom, make_teacher

pytestmark = pytest.mark.django_db


def test_it_lists_the_teachers_classes_only(client, teacher, classroom):
    make_classroom(make_teacher("baska"), name="Başkasının sınıfı")
    html = as_user(client, teacher).get("/en/teach/").content.decode()
    assert "9-A Dijital Dönüşüm" in html
    assert classroom.join_code in html
    assert "Başkasının sınıfı" not in html


def test_it_makes_a_class_with_a_join_code(client, teacher):
    response = as_user(client, teacher).post("/en/teach/", {"name": "10-B Tarih"})
    classroom = Classroom.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/teach/classes/{classroom.pk}/"
    assert classroom.teacher == teacher
    assert len(classroom.join_code) == 6
    assert set(classroom.join_code) <= set(JOIN_CODE_ALPHABET)


def test_it_draws_again_when_a_join_code_is_taken(client, teacher, classroom, monkeypatch):
    codes = iter([classroom.join_code, "KM7Q3X"])
    monkeypatch.setattr("quizzes.services.classes.new_join_code", lambda: next(codes))
    as_user(client, teacher).post("/en/teach/", {"name": "10-B Tarih"})
    assert Classroom.objects.get(name="10-B Tarih").join_code == "KM7Q3X"


def test_it_rejects_a_class_without_a_name(client, teacher):
    response = as_user(client, teacher).post("/en/teach/", {"name": "  "})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Classroom.objects.exists()


def test_teacher_pages_send_anonymous_visitors_to_log_in(client, classroom):
    response = client.get("/en/teach/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("role", ["student", "editor"])
def test_teacher_pages_refuse_students_and_editors(client, request, role, classroom):
    as_user(client, request.getfixturevalue(role))
    assert client.get("/en/teach/").status_code == 403
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 403
    assert client.post("/en/teach/", {"name": "Sızma"}).status_code == 403
    assert Classroom.objects.count() == 1


def test_it_runs_a_fixed_number_of_queries(client, teacher, classroom, student, count_queries):
    as_user(client, teacher)
    one = count_queries(client.get, "/en/teach/")
    for n in range(4):
        make_assignment(make_classroom(teacher, [student], name=f"Sınıf {n}"))
    assert count_queries(client.get, "/en/teach/") == one
