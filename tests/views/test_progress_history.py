"""The learner's progress page: what it shows, in the site's time and the attempt's own questions."""

import datetime

import pytest

from tests.factories import as_user, make_attempt, make_student, question

pytestmark = pytest.mark.django_db


def _progress(client, student, language="en"):
    client.force_login(student)
    response = client.get(f"/{language}/progress/")
    assert response.status_code == 200
    return response.content.decode()


def test_missed_questions_are_shown_as_the_attempt_froze_them(client):
    """Not regenerated from today's content: the question the learner met, in the page's language."""
    student = make_student("ogrenci")
    frozen = question("dept_is:kapatilan-daire")
    frozen["prompt"] = {"tr": "O gün sorulan soru?", "en": "The question asked that day?"}
    make_attempt(student, None, ["b"], questions=[frozen])
    assert "The question asked that day?" in _progress(client, student, "en")
    assert "O gün sorulan soru?" in _progress(client, student, "tr")


def test_chart_dates_are_istanbul_dates_like_the_table(client):
    """Submitted at 22:30 UTC on 10 March is 01:30 on 11 March in Istanbul: both chart and table say the 11th."""
    student = make_student("gece")
    submitted = datetime.datetime(2025, 3, 10, 22, 30, tzinfo=datetime.UTC)
    make_attempt(student, None, ["a"], questions=[question("q:1")], submitted_at=submitted)
    html = _progress(client, student)
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "11.03" in chart and "10.03" not in chart
    assert "11 Mar 2025 01:30" in html


def test_the_score_is_written_once_rounded_the_turkish_way(client):
    student = make_student("yuzde")
    make_attempt(student, None, ["a", "b", "b"], questions=[question("q:1"), question("q:2"), question("q:3")])
    assert "%33" in _progress(client, student, "tr")
    assert "33%" in _progress(client, student, "en")


def test_the_page_runs_a_fixed_number_of_queries(client, count_queries):
    small, big = make_student("az"), make_student("cok")
    make_attempt(small, None, ["b"], questions=[question("q:1")])
    for i in range(6):
        make_attempt(big, None, ["a", "b", "c"], questions=[question(f"q:{i}:{n}") for n in range(3)])
    counts = []
    for student in (small, big):
        as_user(client, student)
        counts.append([count_queries(client.get, "/en/progress/"), count_queries(client.get, "/en/progress/")])
    # First: session, what the submitted attempts are (progress_version), attempts, mastery, most missed,
    # their frozen questions, review cards. Then the attempts, charts and missed questions come from the
    # cache until the attempts change: session, progress_version, review cards.
    assert counts == [[7, 3], [7, 3]]


def test_a_new_submission_shows_at_once_on_a_cached_progress_page(client, count_queries):
    student = make_student("yeni")
    make_attempt(student, None, ["b"], questions=[question("q:1")])
    before = _progress(client, student, "en")  # now cached
    make_attempt(student, None, ["a", "a"], questions=[question("q:2"), question("q:3")])
    after = _progress(client, student, "en")
    assert after.count('href="/en/attempts/') == before.count('href="/en/attempts/') + 1
    assert "100%" in after and "100%" not in before
