"""Every page says which page it is, in its language: a <title> and an <h1> of its own (issue 11)."""

import re
from html import unescape

import pytest

from tests.factories import as_user, build_class, make_attempt, make_teacher, question
from tests.quiz_factories import make_quiz_attempt

SITE = "DDO Learn"


def title_and_h1(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).strip()
    h1 = unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))).strip()
    return " ".join(title.split()), " ".join(h1.split())


def check_pages(client, paths):
    """Each path in both languages: a page-specific title, translated, with an h1; no two pages share a title."""
    seen = {}
    for path in paths:
        titles = {lang: title_and_h1(client, f"/{lang}{path}") for lang in ("tr", "en")}
        for lang, (title, h1) in titles.items():
            assert title.endswith(f" · {SITE}") and title != f" · {SITE}", (path, title)
            assert title.removesuffix(f" · {SITE}").strip(), (path, lang, "the title is the site's name alone")
            assert h1 and h1 != SITE, (path, lang, h1)
            assert seen.setdefault((lang, title), path) == path, f"{path} has the title of {seen[(lang, title)]}"
        assert titles["tr"][0] != titles["en"][0], (path, "the title is not translated", titles)


@pytest.fixture
def quiz_pages(client, student, content):
    as_user(client, student)
    open_attempt = make_quiz_attempt(student)
    done = make_attempt(student, None, ["a", "b"], questions=[question("q:1"), question("q:2")])
    return [
        "/",
        "/departments/",
        "/duties/",
        "/timeline/",
        "/glossary/",
        "/sources/",
        "/quizzes/",
        f"/attempts/{open_attempt.public_id}/",
        f"/attempts/{done.public_id}/result/",
        "/progress/",
        "/classes/",
        "/accounts/password_change/",
    ]


def test_every_learner_page_has_its_own_translated_title(client, quiz_pages):
    check_pages(client, quiz_pages)


def test_a_quiz_in_progress_and_a_result_name_the_quiz(client, student, content):
    as_user(client, student)
    attempt = make_quiz_attempt(student)
    title, h1 = title_and_h1(client, f"/en/attempts/{attempt.public_id}/")
    assert title.startswith("Quiz: Mixed") and h1 == "Quiz: Mixed", (title, h1)
    done = make_attempt(student, None, ["a"], questions=[question("q:1")])
    title, h1 = title_and_h1(client, f"/en/attempts/{done.public_id}/result/")
    assert title.startswith("Result: Quiz: Mixed") and "Quiz: Mixed" in h1, (title, h1)
    title, h1 = title_and_h1(client, f"/tr/attempts/{done.public_id}/result/")
    assert title.startswith("Sonuç: Test: Karma"), title


def test_the_account_pages_have_their_own_translated_titles(client, db):
    check_pages(client, ["/accounts/login/", "/accounts/signup/", "/accounts/password_reset/"])


def test_the_teacher_reports_name_the_class(client, content):
    teacher = make_teacher()
    classroom, students, _first = build_class(teacher, 2)
    as_user(client, teacher)
    base = f"/teach/classes/{classroom.pk}"
    check_pages(client, ["/teach/", f"{base}/report/", f"{base}/topics/", f"{base}/items/"])
    for path in (f"{base}/report/", f"{base}/topics/", f"{base}/items/"):
        assert classroom.name in title_and_h1(client, f"/en{path}")[0], path


def test_the_class_page_and_a_student_report_have_translated_titles(client, content):
    teacher = make_teacher()
    classroom, students, _first = build_class(teacher, 2)
    as_user(client, teacher)
    base = f"/teach/classes/{classroom.pk}"
    check_pages(client, [f"{base}/", f"{base}/students/{students[0].pk}/"])
