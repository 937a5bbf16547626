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


def test_every_report_opens_for_its_teacher(client, teacher, small_class):
    classroom, students, _first = small_class
    as_user(client, teacher)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_log_in(client, small_class):
    classroom, students, _first = small_class
    for url in report_urls(classroom, students[0]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/en/accounts/login/?next="), url


def test_students_are_refused(client, small_class):
    classroom, students, _first = small_class
    as_user(client, students[0])
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_editors_are_refused(client, editor, small_class):
    classroom, students, _first = small_class
    as_user(client, editor)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_a_superuser_who_is_no_teacher_is_refused(client, small_class):
    classroom, students, _first = small_class
    admin = make_student("yonetici")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    as_user(client, admin)
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 403, url


def test_another_teacher_finds_nothing(client, small_class):
    classroom, students, _first = small_class
    as_user(client, make_teacher("baska"))
    for url in report_urls(classroom, students[0]):
        assert client.get(url).status_code == 404, url


# Session, user and Teachers group (3), the class (1), then the report's own queries.
PAGES = {
    "report/": 8,  # students, assignments, one GROUP BY over attempts, extensions
    "students/{student}/": 11,  # + student, assignments, attempts, topics, missed, their question texts
    "topics/": 7,  # assignments, one GROUP BY over answers, the students' review cards
    # assignments, one GROUP BY over answers (per key and option), question texts, open problem reports, attempt totals
    "items/": 9,
    "items/?assignment={first}": 10,  # + the assignment filter
    "export/results.xlsx": 8,  # + extensions
    "export/items.csv": 9,
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
