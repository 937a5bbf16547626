"""A teacher, as a new user would, takes questions to their platform: a bilingual Moodle XML of an
assignment, then a GIFT file and a QTI package of a topic's bank, in both interface languages."""

import re

import pytest
from django.contrib.auth.models import Group

from quizzes.roles import TEACHERS
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, make_assignment, make_classroom, make_user
from tests.interchange import gift_reader, moodle_reader, qti_reader

WORDS = {
    "tr": {
        "export": "Soruları dışa aktar",
        "to_platforms": "Soruları Moodle",
        "download": "İndir",
        "topic": "Daireler",
    },
    "en": {
        "export": "Export questions",
        "to_platforms": "Export questions to Moodle",
        "download": "Download",
        "topic": "Departments",
    },
}


@pytest.fixture
def assignment(site):
    Group.objects.get_or_create(name=TEACHERS)
    teacher = make_user("ogretmen", role=TEACHERS, first_name="İlknur", last_name="Çelik")
    classroom = make_classroom(teacher, name="9-A Dijital Dönüşüm")
    return make_assignment(classroom, "Dönem sonu: Daireler", topic="departments", length=5)


def named(action, thing):
    """A link's accessible name: the action, then (visually hidden) what it acts on."""
    return re.compile(rf"^{re.escape(action)}\s*\(\s*{re.escape(thing)}\s*\)$")


def download(page, words, fmt, language="both"):
    page.select_option("select[name=format]", fmt)
    page.select_option("select[name=language]", language)
    with page.expect_download() as event:
        page.get_by_role("button", name=words["download"]).click()
    found = event.value
    return found.suggested_filename, open(found.path(), "rb").read()  # noqa: SIM115 -- Playwright's temporary file


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_teacher_downloads_an_assignment_and_a_topic_for_their_platform(page, site, assignment, language):
    words = WORDS[language]
    log_in(page, site, "ogretmen", PASSWORD, language)
    page.goto(f"{site}/{language}/teach/classes/{assignment.classroom_id}/")
    page.get_by_role("link", name=named(words["export"], assignment.title)).click()
    page.wait_for_url(f"**/assignments/{assignment.pk}/export/")
    assert serious_violations(page) == []

    name, data = download(page, words, "moodle")
    assert name == "Dönem sonu- Daireler (tr+en).xml"
    records = moodle_reader.read(data)
    assert len(records) == 10 and {r["language"] for r in records} == {"tr", "en"}

    page.goto(f"{site}/{language}/teach/")
    page.get_by_role("link", name=words["to_platforms"]).first.click()
    page.get_by_role("link", name=named(words["export"], words["topic"])).click()
    page.wait_for_url("**/exports/topics/departments/")

    name, data = download(page, words, "gift", "tr")
    assert name == f"{words['topic']} (tr).gift.txt"
    assert {r["language"] for r in gift_reader.read(data)} == {None}  # one language: no marks

    name, data = download(page, words, "qti")
    assert name == f"{words['topic']} (tr+en).qti.zip"
    records = qti_reader.read(data)
    assert {r["language"] for r in records} == {"tr", "en"}
