"""Classes through the views: making them, joining and leaving, assignments and starting them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import JOIN_CODE_ALPHABET, Assignment, Attempt, Classroom, Membership
from quizzes.services.classes import WRONG_CODES_ALLOWED
from tests.factories_teacher import (
    make_assignment,
    make_attempt,
    make_classroom,
    make_student,
    make_teacher,
    question,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def classroom(teacher):
    return make_classroom(teacher, name="9-A Dijital Dönüşüm")


def as_user(client, user):
    client.force_login(user)
    return client


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


# --- Making classes ------------------------------------------------------------------------


def test_teacher_home_lists_the_teachers_classes_only(client, teacher, classroom):
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


def test_teacher_pages_refuse_students(client, student, classroom):
    as_user(client, student)
    assert client.get("/en/teach/").status_code == 403
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 403
    assert client.post("/en/teach/", {"name": "Sızma"}).status_code == 403
    assert Classroom.objects.count() == 1


def test_teacher_pages_refuse_editors(client, editor, classroom):
    as_user(client, editor)
    assert client.get("/en/teach/").status_code == 403
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 403
    assert client.post("/en/teach/", {"name": "Sızma"}).status_code == 403
    assert Classroom.objects.count() == 1


def test_another_teachers_class_is_not_found(client, classroom):
    as_user(client, make_teacher("baska"))
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 404


def test_class_page_shows_code_students_and_assignments(client, teacher, classroom):
    ayse = make_student("ayse", "Ayşe Yıldız")
    Membership.objects.create(classroom=classroom, student=ayse)
    make_assignment(classroom, "Daireler testi")
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert classroom.join_code in html
    assert "Ayşe Yıldız" in html
    assert "Daireler testi" in html
    assert f'action="/en/teach/classes/{classroom.pk}/students/{ayse.pk}/remove/"' in html


# --- Removing students ------------------------------------------------------------------------


def test_it_removes_a_student(client, teacher, classroom, student):
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_remove_rejects_get(client, teacher, classroom, student):
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


def test_removing_someone_not_in_the_class_is_not_found(client, teacher, classroom, student):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/students/{student.pk}/remove/")
    assert response.status_code == 404


# --- Assignments --------------------------------------------------------------------------------


def assignment_data(**changes):
    now = timezone.now()
    data = {
        "title": "Daireler",
        "topic": "departments",
        "length": 10,
        "difficulty": "any",
        "opens_at": local(now),
        "due_at": local(now + 7 * DAY),
        "max_attempts": 1,
        "same_questions": "on",
        "review": "last_attempt",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_it_gives_an_assignment_with_a_shared_seed(client, teacher, classroom):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(max_attempts=3))
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.classroom, assignment.title, assignment.length, assignment.max_attempts) == (
        classroom,
        "Daireler",
        10,
        3,
    )
    assert assignment.same_questions
    assert 0 < assignment.seed < 2**31


def test_datetime_local_inputs_are_istanbul_time(client, teacher, classroom):
    as_user(client, teacher).post(
        f"/en/teach/classes/{classroom.pk}/",
        assignment_data(opens_at="2030-03-01T09:00", due_at="2030-03-08T17:30"),
    )
    assignment = Assignment.objects.get()
    assert timezone.localtime(assignment.opens_at).strftime("%Y-%m-%d %H:%M %z") == "2030-03-01 09:00 +0300"


def test_each_their_own_questions_leaves_the_seed_unset(client, teacher, classroom):
    as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(same_questions=None))
    assignment = Assignment.objects.get()
    assert not assignment.same_questions
    assert assignment.seed == 0


def test_it_rejects_a_due_date_before_the_opening(client, teacher, classroom):
    now = timezone.now()
    response = as_user(client, teacher).post(
        f"/en/teach/classes/{classroom.pk}/", assignment_data(opens_at=local(now + DAY), due_at=local(now))
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The due date must come after the opening date." in html
    assert 'role="alert"' in html
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"length": 4},
        {"length": 31},
        {"max_attempts": 0},
        {"max_attempts": 11},
        {"topic": "astrology"},
        {"difficulty": "extreme"},
        {"title": ""},
        {"due_at": "yarın"},
    ],
)
def test_it_rejects_bad_assignment_settings(client, teacher, classroom, changes):
    response = as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/", assignment_data(**changes))
    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_another_teacher_cannot_give_an_assignment(client, classroom):
    response = as_user(client, make_teacher("baska")).post(f"/en/teach/classes/{classroom.pk}/", assignment_data())
    assert response.status_code == 404
    assert not Assignment.objects.exists()


# --- Joining and leaving -------------------------------------------------------------------------


def test_a_student_joins_with_a_code_in_any_case_with_spaces_and_dashes(client, student, classroom):
    code = classroom.join_code.lower()
    typed = f" {code[:3]}-{code[3:]} "
    response = as_user(client, student).post("/en/classes/join/", {"code": typed})
    assert response.status_code == 302
    assert response.url == "/en/classes/"
    assert Membership.objects.filter(classroom=classroom, student=student).exists()
    assert "You joined" in client.get("/en/classes/").content.decode()


def test_joining_twice_keeps_one_membership(client, student, classroom):
    as_user(client, student)
    client.post("/en/classes/join/", {"code": classroom.join_code})
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 302
    assert Membership.objects.count() == 1


def test_a_wrong_code_is_refused_with_a_message(client, student, classroom):
    response = as_user(client, student).post("/en/classes/join/", {"code": "ZZZZZZ"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "No class has this code" in html
    assert 'value="ZZZZZZ"' in html
    assert not Membership.objects.exists()


def test_an_empty_code_is_refused(client, student):
    response = as_user(client, student).post("/en/classes/join/", {"code": ""})
    assert response.status_code == 400


def test_guessing_codes_is_throttled(client, student, classroom):
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


def test_joining_needs_an_account(client, classroom):
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert not Membership.objects.exists()


def test_join_rejects_get(client, student):
    assert as_user(client, student).get("/en/classes/join/").status_code == 405


def test_a_student_leaves_a_class(client, student, classroom):
    Membership.objects.create(classroom=classroom, student=student)
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_leaving_a_class_you_are_not_in_is_not_found(client, student, other_student, classroom):
    Membership.objects.create(classroom=classroom, student=other_student)
    response = as_user(client, student).post(f"/en/classes/{classroom.pk}/leave/")
    assert response.status_code == 404
    assert Membership.objects.count() == 1


# --- Starting assignments ---------------------------------------------------------------------------


@pytest.fixture
def enrolled(client, student, classroom):
    Membership.objects.create(classroom=classroom, student=student)
    return as_user(client, student)


def start_url(assignment, language="en"):
    return f"/{language}/classes/assignments/{assignment.pk}/start/"


def test_starting_an_assignment_makes_its_first_attempt(enrolled, student, classroom, content):
    assignment = make_assignment(classroom, length=5, seed=12345)
    response = enrolled.post(start_url(assignment))
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    assert (attempt.user, attempt.assignment, attempt.number, attempt.seed) == (student, assignment, 1, 12345)
    assert len(attempt.questions) == 5
    assert all(q["topic"] == "departments" for q in attempt.questions)


def test_same_questions_give_everyone_the_same_questions(enrolled, classroom, other_student, content, client):
    Membership.objects.create(classroom=classroom, student=other_student)
    assignment = make_assignment(classroom, topic="mixed", length=8, seed=777)
    enrolled.post(start_url(assignment))
    as_user(client, other_student).post(start_url(assignment))
    first, second = Attempt.objects.order_by("pk")
    assert [q["key"] for q in first.questions] == [q["key"] for q in second.questions]


def test_each_their_own_questions_draw_a_fresh_seed(enrolled, classroom, other_student, content, client):
    Membership.objects.create(classroom=classroom, student=other_student)
    # Duties: short question keys (see the report about long order_four/match_focus keys on PostgreSQL).
    assignment = make_assignment(classroom, topic="duties", length=5, same_questions=False)
    enrolled.post(start_url(assignment))
    as_user(client, other_student).post(start_url(assignment))
    first, second = Attempt.objects.order_by("pk")
    assert first.seed != second.seed


def test_starting_again_continues_the_open_attempt(enrolled, classroom, content):
    assignment = make_assignment(classroom)
    first = enrolled.post(start_url(assignment))
    second = enrolled.post(start_url(assignment))
    assert first.url == second.url
    assert Attempt.objects.count() == 1


def test_a_used_up_assignment_cannot_be_started_again(enrolled, student, classroom):
    assignment = make_assignment(classroom, max_attempts=1)
    make_attempt(student, assignment, ["a"], questions=[question("q:1")])
    response = enrolled.post(start_url(assignment), follow=True)
    assert response.redirect_chain[-1][0] == "/en/classes/"
    assert "You have used every attempt" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_best_of_n_numbers_the_next_attempt(enrolled, student, classroom, content):
    assignment = make_assignment(classroom, max_attempts=2)
    make_attempt(student, assignment, ["a"], questions=[question("q:1")])
    enrolled.post(start_url(assignment))
    assert sorted(Attempt.objects.values_list("number", flat=True)) == [1, 2]


def test_an_assignment_not_yet_open_cannot_be_started(enrolled, classroom):
    assignment = make_assignment(classroom, opens_at=timezone.now() + DAY, due_at=timezone.now() + 2 * DAY)
    response = enrolled.post(start_url(assignment), follow=True)
    assert "opens on" in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_assignment_of_another_class_is_not_found(client, student, classroom):
    assignment = make_assignment(classroom)
    response = as_user(client, student).post(start_url(assignment))
    assert response.status_code == 404
    assert not Attempt.objects.exists()


def test_start_rejects_get(enrolled, classroom):
    assert enrolled.get(start_url(make_assignment(classroom))).status_code == 405


# --- Statuses ----------------------------------------------------------------------------------------


def test_my_classes_shows_each_status_in_words(enrolled, student, classroom):
    now = timezone.now()
    make_assignment(classroom, "Başlanmamış")
    in_progress = make_assignment(classroom, "Yarım")
    make_attempt(student, in_progress, ["a"], questions=[question("q:1")], submitted_at=None)
    done = make_assignment(classroom, "Bitmiş")
    make_attempt(student, done, ["a"], questions=[question("q:1")])
    late = make_assignment(classroom, "Geç", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_attempt(student, late, ["a", "b"], questions=[question("q:1"), question("q:2")], submitted_at=now - DAY)
    make_assignment(classroom, "Kaçırılmış", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_assignment(classroom, "Gelecek", opens_at=now + DAY, due_at=now + 2 * DAY)
    html = enrolled.get("/en/classes/").content.decode()
    for text in ("Not started", "In progress", "Done", "Done late", "Missing", "Not open yet"):
        assert f">{text}</span>" in html
    assert "50%" in html  # the late attempt's score
    assert f'href="/en/attempts/{Attempt.objects.get(assignment=in_progress).public_id}/"' in html


def test_a_late_submission_is_marked_late_for_the_teacher(client, teacher, student, classroom):
    now = timezone.now()
    Membership.objects.create(classroom=classroom, student=student)
    late = make_assignment(classroom, "Geç", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_attempt(student, late, ["a"], questions=[question("q:1")], submitted_at=now - DAY)
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/report/").content.decode()
    assert ">Done late</span>" in html


# --- Query counts ----------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_classes_runs_a_fixed_number_of_queries(client, student, other_student):
    as_user(client, student)
    one = make_classroom(make_teacher("bir"), [student], name="Bir")
    make_attempt(student, make_assignment(one), ["a"], questions=[question("q:1")])
    few = _queries(client, "/en/classes/")
    for n in range(3):
        more = make_classroom(make_teacher(f"ek{n}"), [student, other_student], name=f"Ek {n}")
        for title in ("Daireler", "Görevler"):
            assignment = make_assignment(more, title, max_attempts=2)
            make_attempt(student, assignment, ["a", "b"], questions=[question("q:1"), question("q:2")])
            make_attempt(student, assignment, ["a"], questions=[question("q:1")], number=2, submitted_at=None)
    assert _queries(client, "/en/classes/") == few


def test_the_class_page_runs_a_fixed_number_of_queries(client, teacher, classroom):
    as_user(client, teacher)
    url = f"/en/teach/classes/{classroom.pk}/"
    empty = _queries(client, url)
    students = [make_student(f"u{i}", f"Öğrenci {i}") for i in range(6)]
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    for title in ("Daireler", "Görevler", "Zaman"):
        assignment = make_assignment(classroom, title)
        for s in students[:3]:
            make_attempt(s, assignment, ["a"], questions=[question("q:1")])
    assert _queries(client, url) == empty


def test_the_teacher_home_runs_a_fixed_number_of_queries(client, teacher, classroom, student):
    as_user(client, teacher)
    one = _queries(client, "/en/teach/")
    for n in range(4):
        make_assignment(make_classroom(teacher, [student], name=f"Sınıf {n}"))
    assert _queries(client, "/en/teach/") == one
