"""The editors' site-wide item statistics page: the question as text, flags, per-language facility."""

import pytest

from quizzes.models import Attempt
from quizzes.services.attempts import submit_attempt
from tests.factories import as_user, make_attempt, make_student, make_user, question

pytestmark = pytest.mark.django_db

URL = "/{language}/editors/item-statistics/"


def submitted(student, questions, choices, language):
    attempt = make_attempt(student, None, choices, questions=questions, submitted_at=None, language=language)
    submit_attempt(attempt)
    return Attempt.objects.get(pk=attempt.pk)


@pytest.fixture
def answered():
    """Twelve learners: q:easy right for all; q:gap right for all in English, for none in Turkish."""
    easy, gap, mixed = question("q:easy"), question("q:gap"), question("q:mixed")
    for i in range(12):
        language = "en" if i % 2 else "tr"
        choices = ["a", "a" if language == "en" else "b", "a" if i % 3 else "c"]
        submitted(make_student(f"s{i}"), [easy, gap, mixed], choices, language)


def test_it_shows_every_question_as_text_with_its_flags_in_both_languages(client, editor, answered):
    as_user(client, editor)
    english = client.get(URL.format(language="en")).content.decode()
    assert "Question q:easy?" in english and "q:easy" in english
    assert "too easy" in english
    assert "large gap: check the translation" in english  # q:gap: 100 % in English, 0 % in Turkish
    turkish = client.get(URL.format(language="tr")).content.decode()
    assert "Soru q:gap?" in turkish
    assert "Sitenin tamamında soru istatistikleri" in turkish
    assert "çok kolay" in turkish


def test_it_runs_the_same_number_of_queries_whatever_the_number_of_questions(client, editor, count_queries):
    as_user(client, editor)
    student = make_student("ayse")
    submitted(student, [question("q:1")], ["a"], "tr")
    few = count_queries(client.get, URL.format(language="en"))
    submitted(student, [question(f"q:{i}") for i in range(2, 80)], ["b"] * 78, "en")
    assert count_queries(client.get, URL.format(language="en")) == few


def test_it_pages_through_many_questions(client, editor):
    as_user(client, editor)
    submitted(make_student("ayse"), [question(f"q:{i:03d}") for i in range(120)], ["a"] * 120, "tr")
    first = client.get(URL.format(language="en")).content.decode()
    assert "Page 1 of 3" in first and "Question q:000?" in first and "Question q:119?" not in first
    last = client.get(URL.format(language="en") + "?page=3").content.decode()
    assert "Question q:119?" in last
    assert client.get(URL.format(language="en") + "?page=x²").status_code == 200  # a bad page: the first


def test_it_is_for_editors_only(client, teacher):
    url = URL.format(language="en")
    assert client.get(url).status_code == 302  # anonymous: the admin's login
    as_user(client, teacher)
    assert client.get(url).status_code == 302  # not staff
    as_user(client, make_user("staff-only", is_staff=True))
    assert client.get(url).status_code == 403  # staff, but not an editor


def test_the_admin_index_links_to_it(client):
    admin = make_user("root", is_staff=True, is_superuser=True)
    as_user(client, admin)
    response = client.get("/en/admin/")
    assert response.status_code == 200, response
    html = response.content.decode()
    assert 'href="/en/editors/item-statistics/"' in html


def test_a_learner_who_practises_a_question_again_counts_once_as_the_page_says(client, editor):
    # "First answers": ayse missed q:1, then practised it until she knew it; the page counts her once.
    ayse = make_student("ayse")
    for choice in ("b", "a", "a", "a"):
        submitted(ayse, [question("q:1")], [choice], "en")
    as_user(client, editor)
    english = client.get(URL.format(language="en")).content.decode()
    assert "first answer to each question counts" in english
    assert "too hard" in english  # facility 0 % over her one first answer, not 75 % over four
    turkish = client.get(URL.format(language="tr")).content.decode()
    assert "her soruya verdiği ilk cevap sayılır" in turkish
