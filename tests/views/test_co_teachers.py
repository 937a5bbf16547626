"""Co-teachers: a second teacher of a class sees and manages it like its owner; only the owner deletes it."""

import pytest

from quizzes.models import Assignment, Classroom, Membership
from tests.factories import as_user, build_class, make_assignment, make_classroom, make_teacher

from .test_report_pages import PAGES, page_url, report_urls
from .test_teacher_class import assignment_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_teacher(classroom):
    helper = make_teacher("yardimci", first_name="Zeynep", last_name="Şahin")
    classroom.co_teachers.add(helper)
    return helper


def test_a_co_teacher_opens_every_report_of_the_class(client, co_teacher):
    classroom, students, _first = build_class(make_teacher("sahibi"), 3)
    classroom.co_teachers.add(co_teacher)
    as_user(client, co_teacher)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("page", list(PAGES))
def test_a_co_teachers_report_pages_cost_what_the_owners_cost(client, page, django_assert_num_queries):
    owner, helper = make_teacher("sahibi"), make_teacher("yardimci")
    classroom, students, first = build_class(owner, 4)
    classroom.co_teachers.add(helper)
    as_user(client, helper)
    with django_assert_num_queries(PAGES[page]):
        assert client.get(page_url(classroom, students[1], first, page)).status_code == 200


def test_the_class_page_names_every_teacher_in_both_languages(client, teacher, classroom, co_teacher):
    teacher.first_name, teacher.last_name = "İlknur", "Çelik"
    teacher.save()
    for language, heading, owner_word in (("en", "Teachers", "owner"), ("tr", "Öğretmenler", "sahibi")):
        page = as_user(client, co_teacher).get(f"/{language}/teach/classes/{classroom.pk}/").content.decode()
        assert heading in page and "İlknur Çelik" in page and "Zeynep Şahin" in page and owner_word in page


def test_a_co_teacher_has_the_class_on_their_list_and_gives_assignments(client, classroom, co_teacher):
    as_user(client, co_teacher)
    assert classroom.name in client.get("/en/teach/").content.decode()
    response = client.post(f"/en/teach/classes/{classroom.pk}/", assignment_data())
    assert response.status_code == 302 and Assignment.objects.filter(classroom=classroom).count() == 1


def test_a_co_teacher_prints_and_exports_the_class_assignments(client, content, classroom, co_teacher):
    assignment = make_assignment(classroom)
    as_user(client, co_teacher)
    base = f"/en/teach/classes/{classroom.pk}/assignments/{assignment.pk}"
    for url in (f"{base}/print/", f"{base}/export/"):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/en/teach/classes/{classroom.pk}/practise-missed/").status_code == 200


def test_only_the_owner_deletes_the_class(client, teacher, classroom, co_teacher):
    as_user(client, co_teacher)
    assert "Delete the class" not in client.get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert client.get(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 403
    assert client.post(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 403
    assert Classroom.objects.filter(pk=classroom.pk).exists()
    as_user(client, teacher)
    assert "Delete the class" in client.get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert client.post(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 302
    assert not Classroom.objects.exists()


def test_another_teacher_still_finds_nothing(client, classroom, co_teacher):
    stranger = make_teacher("baska")
    make_classroom(stranger, name="Başka")
    as_user(client, stranger)
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 404
    assert client.post(f"/en/teach/classes/{classroom.pk}/delete/").status_code == 404


def test_a_co_teacher_cannot_join_the_class_as_its_student(client, classroom, co_teacher):
    response = as_user(client, co_teacher).post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 400 and "you teach it" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_co_teacher_hosts_a_live_game_for_the_class(classroom, co_teacher):
    from live.forms import NewGameForm

    make_assignment(classroom)
    form = NewGameForm(co_teacher)
    assert list(form.fields["classroom"].queryset) == [classroom]
    assert form.fields["assignment"].queryset.count() == 1


def test_the_classroom_admin_edits_co_teachers(client, classroom, co_teacher):
    from tests.factories import make_user

    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    page = client.get(f"/en/admin/quizzes/classroom/{classroom.pk}/change/").content.decode()
    assert 'name="co_teachers"' in page
    other = make_teacher("ucuncu")
    form = {"name": classroom.name, "teacher": classroom.teacher_id, "join_code": classroom.join_code}
    response = client.post(f"/en/admin/quizzes/classroom/{classroom.pk}/change/", {**form, "co_teachers": [other.pk]})
    assert response.status_code == 302
    assert list(classroom.co_teachers.all()) == [other]


def test_the_classroom_admin_refuses_a_co_teacher_who_is_no_teacher(client, classroom, student):
    from tests.factories import make_user

    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    form = {"name": classroom.name, "teacher": classroom.teacher_id, "join_code": classroom.join_code}
    response = client.post(f"/en/admin/quizzes/classroom/{classroom.pk}/change/", {**form, "co_teachers": [student.pk]})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not classroom.co_teachers.exists()
