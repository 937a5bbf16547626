"""The teacher's report pages: who may see them, what they show, and how many queries they run."""

import datetime

import pytest
from django.utils import timezone

from tests.factories_teacher import (
    make_assignment,
    make_attempt,
    make_classroom,
    make_student,
    make_teacher,
    question,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [question("q:1"), question("q:2"), question("q:3"), question("q:4", topic="timeline")]
PATTERNS = [["a", "a", "a", "a"], ["a", "a", "b", "c"], ["a", "b", "b", None], ["b", "c", "a", "a"]]
NAMES = ["Çağrı Işık", "Ayşe Yıldız", "İsmail Öztürk", "Şule Güneş", "Ömer Çelik", "Ülkü Doğan"]


def build_class(teacher, size):
    """A class of ``size`` students, two assignments; everyone submitted the first, half the second."""
    students = [make_student(f"{teacher.username}-{i}", f"{NAMES[i % len(NAMES)]} {i}") for i in range(size)]
    classroom = make_classroom(teacher, students)
    first = make_assignment(classroom, "Daireler", max_attempts=2)
    second = make_assignment(classroom, "Zaman çizelgesi", due_at=timezone.now() + datetime.timedelta(days=2))
    for i, student in enumerate(students):
        choices = PATTERNS[i % len(PATTERNS)]
        make_attempt(student, first, choices, questions=QUESTIONS, language="en" if i % 3 == 0 else "tr")
        if i % 2 == 0:
            make_attempt(student, first, ["a", "a", "a", "a"], questions=QUESTIONS, number=2)
            make_attempt(student, second, choices[:2], questions=QUESTIONS[:2])
    return classroom, students, first


@pytest.fixture
def small(teacher):
    return build_class(teacher, 4)


def as_user(client, user):
    client.force_login(user)
    return client


def report_urls(classroom, student):
    base = f"/en/teach/classes/{classroom.pk}"
    return [
        f"{base}/report/",
        f"{base}/students/{student.pk}/",
        f"{base}/topics/",
        f"{base}/items/",
        f"{base}/export/results.xlsx",
        f"{base}/export/results.csv",
        f"{base}/export/items.xlsx",
        f"{base}/export/items.csv",
    ]


# --- Who may see them ----------------------------------------------------------------------------


def test_every_report_opens_for_its_teacher(client, teacher, small):
    classroom, students, _first = small
    as_user(client, teacher)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_log_in(client, small):
    classroom, students, _first = small
    for url in report_urls(classroom, students[0]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/en/accounts/login/?next="), url


def test_students_are_refused(client, small):
    classroom, students, _first = small
    as_user(client, students[0])
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_editors_are_refused(client, editor, small):
    classroom, students, _first = small
    as_user(client, editor)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_a_superuser_who_is_no_teacher_is_refused(client, small):
    classroom, students, _first = small
    admin = make_student("yonetici")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    as_user(client, admin)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_another_teacher_finds_nothing(client, small):
    classroom, students, _first = small
    as_user(client, make_teacher("baska"))
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 404, url


def test_a_student_outside_the_class_has_no_report(client, teacher, small):
    classroom, _students, _first = small
    outsider = make_student("disarida")
    response = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{outsider.pk}/")
    assert response.status_code == 404


def test_reports_reject_post(client, teacher, small):
    classroom, _students, _first = small
    assert as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/report/").status_code == 405


def test_unknown_export_is_not_found(client, teacher, small):
    classroom, _students, _first = small
    as_user(client, teacher)
    assert client.get(f"/en/teach/classes/{classroom.pk}/export/results.pdf").status_code == 404
    assert client.get(f"/en/teach/classes/{classroom.pk}/export/grades.csv").status_code == 404


def test_a_bad_assignment_filter_is_refused(client, teacher, small):
    classroom, _students, _first = small
    other = make_assignment(make_classroom(make_teacher("baska")))
    as_user(client, teacher)
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment=abc").status_code == 400
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment={other.pk}").status_code == 404


# --- What they show -------------------------------------------------------------------------------


def test_class_overview_shows_scores_statuses_and_summaries(client, teacher, small):
    classroom, _students, _first = small
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/report/").content.decode()
    # Student 0 ("Çağrı Işık 0"): 4/4 then 4/4; student 1: 2/4; student 2: 1/4 then 4/4 (best of 2); student 3: 2/4.
    assert "Çağrı Işık 0" in html
    assert "<strong>50%</strong>" in html
    assert ">Done</span>" in html
    assert ">Not started</span>" in html  # students 1 and 3 have not started the second assignment
    # Means of the first assignment: (100 + 50 + 100 + 50) / 4 = 75; median 75.
    assert "75.0%" in html
    assert "2 / 4 (50%)" in html  # second assignment completed by half the class
    assert '<svg class="chart"' in html and "Score distribution" in html
    # 100 %: students 0 and 2 on the first assignment, student 0 on the second.
    assert '<th scope="row">90–100</th><td class="num">3</td>' in html


def test_percentages_are_written_the_turkish_way_on_turkish_pages(client, teacher, small):
    classroom, _students, _first = small
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/report/").content.decode()
    # Turkish puts the sign first and uses a decimal comma: %50, %75,0.
    assert "<strong>%50</strong>" in html and "50%" not in html
    assert "%75,0" in html
    assert "2 / 4 (%50)" in html


def test_student_report_shows_attempts_mastery_and_missed_questions(client, teacher, small):
    classroom, students, _first = small
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{students[2].pk}/").content.decode()
    assert "İsmail Öztürk 2" in html
    assert "25%" in html and "100%" in html  # first attempt 1/4, second 4/4
    assert "Question q:2?" in html  # missed twice: in the first attempt and in the second assignment
    assert '<svg class="chart"' in html
    assert "Mastery by topic" in html


def test_topic_report_shows_each_topic_with_counts(client, teacher, small):
    classroom, _students, _first = small
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/topics/").content.decode()
    assert "Departments" in html and "Timeline" in html
    # Timeline (q:4) answers: 4 first attempts + 2 second attempts: a, c, None, a, then a, a → 4 of 6 correct.
    assert '<th scope="row">Timeline 2017–2025</th><td class="num">6</td><td class="num">67%</td>' in html


def test_item_report_shows_facility_discrimination_and_distractors(client, teacher, small):
    classroom, _students, _first = small
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Question q:1?" in html
    # q:1 over the first attempts of both assignments: a a a b, then a a.
    assert '83% <span class="muted">(n=6)</span>' in html
    assert "too few answers to trust" in html
    assert "Agriculture Department" in html  # q:2's wrong option "c", chosen once
    assert 'href="/en/admin/quizzes/department/?slug=1"' in html
    assert "Facility in Turkish" in html


def test_item_report_for_one_assignment(client, teacher, small):
    classroom, _students, first = small
    url = f"/en/teach/classes/{classroom.pk}/items/?assignment={first.pk}"
    html = as_user(client, teacher).get(url).content.decode()
    assert '75% <span class="muted">(n=4)</span>' in html  # q:1: a a a b
    assert "4 first attempts counted." in html


def test_item_report_in_turkish_shows_turkish_option_texts(client, teacher, small):
    classroom, _students, _first = small
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Tarım Dairesi" in html
    assert 'lang="tr"' in html


# --- Query counts ----------------------------------------------------------------------------------


# Session, user and Teachers group (3), the class (1), then the report's own queries.
PAGES = {
    "report/": 7,  # students, assignments, one GROUP BY over attempts
    "students/{student}/": 10,  # + student, assignments, attempts, topics, missed, their question texts
    "topics/": 6,  # assignments, one GROUP BY over answers
    "items/": 8,  # assignments, one GROUP BY over answers (per key and option), question texts, attempt totals
    "items/?assignment={first}": 9,  # + the assignment filter
    "export/results.xlsx": 7,
    "export/items.csv": 8,
}


def page_url(classroom, student, first, page):
    return f"/en/teach/classes/{classroom.pk}/" + page.format(student=student.pk, first=first.pk)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_runs_a_fixed_number_of_queries(client, teacher, page, count_queries, django_assert_num_queries):
    small_class, small_students, small_first = build_class(teacher, 3)
    big_class, big_students, big_first = build_class(make_teacher("buyuk"), 12)
    as_user(client, teacher)
    # Student 1 of each class missed some questions, so their page looks up question texts.
    small_count = count_queries(client.get, page_url(small_class, small_students[1], small_first, page))
    as_user(client, big_class.teacher)
    big_count = count_queries(client.get, page_url(big_class, big_students[1], big_first, page))
    assert small_count == big_count
    with django_assert_num_queries(PAGES[page]):
        client.get(page_url(big_class, big_students[1], big_first, page))
