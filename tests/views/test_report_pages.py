"""Every teacher report page and export: who may open them, and how many queries they run."""

import pytest

from tests.factories import as_user, build_class, make_student, make_teacher

pytestmark = pytest.mark.django_db


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


def every_report_answers(client, user, classroom, student, status):
    as_user(client, user)
    for url in report_urls(classroom, student):
        assert client.get(url).status_code == status, url


def test_every_report_opens_for_its_teacher(client, teacher, small_class):
    classroom, students, _first = small_class
    every_report_answers(client, teacher, classroom, students[0], 200)


def test_anonymous_visitors_are_sent_to_log_in(client, small_class):
    classroom, students, _first = small_class
    for url in report_urls(classroom, students[0]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/en/accounts/login/?next="), url


def test_students_are_refused(client, small_class):
    classroom, students, _first = small_class
    every_report_answers(client, students[0], classroom, students[0], 403)


def test_editors_are_refused(client, editor, small_class):
    classroom, students, _first = small_class
    every_report_answers(client, editor, classroom, students[0], 403)


def test_a_superuser_who_is_no_teacher_is_refused(client, small_class):
    classroom, students, _first = small_class
    admin = make_student("yonetici")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    every_report_answers(client, admin, classroom, students[0], 403)


def test_another_teacher_finds_nothing(client, small_class):
    classroom, students, _first = small_class
    every_report_answers(client, make_teacher("baska"), classroom, students[0], 404)


# Session (1; the teacher and their Teachers group come from the user cache), the class (1), then the
# report's own queries.
PAGES = {
    "report/": 6,  # students, assignments, one GROUP BY over attempts, extensions
    "students/{student}/": 9,  # + student, assignments, attempts, topics, missed, their question texts
    "topics/": 5,  # assignments, one GROUP BY over answers, the students' review cards
    # assignments, one GROUP BY over answers (per key and option), question texts, open problem reports, attempt totals
    "items/": 7,
    "items/?assignment={first}": 8,  # + the assignment filter
    "export/results.xlsx": 6,  # + extensions
    "export/items.csv": 7,
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
