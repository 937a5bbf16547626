"""Export questions (exports/..., teach/classes/N/assignments/M/export/): the downloads, who may, bad choices.

The files themselves are proven in tests/interchange/; here: what each page gives whom.
"""

from urllib.parse import quote

import pytest

from quizzes.content import load_content
from quizzes.generation import all_question_keys
from quizzes.models import Attempt, Quiz
from tests.factories import as_user, make_assignment, make_attempt, make_classroom, make_teacher, question
from tests.interchange import gift_reader, moodle_reader, qti_reader

pytestmark = pytest.mark.django_db


def quiz_url(slug="zaman-cizelgesi", language="tr", query=""):
    return f"/{language}/exports/quizzes/{slug}/{query}"


def topic_url(topic="departments", language="tr", query=""):
    return f"/{language}/exports/topics/{topic}/{query}"


def assignment_url(assignment, language="tr", query=""):
    return f"/{language}/teach/classes/{assignment.classroom_id}/assignments/{assignment.pk}/export/{query}"


def language_of(records):
    return [r["language"] for r in records]


# --- Downloads -------------------------------------------------------------------------------


def test_a_teacher_downloads_a_bilingual_moodle_xml_of_a_named_quiz(client, teacher, content):
    response = as_user(client, teacher).get(quiz_url(query="?format=moodle&language=both&syntax=span&variants=1"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    # The title's Turkish letters intact (RFC 5987), with an ASCII-safe fallback beside them.
    name = "2017–2025 zaman çizelgesi (tr+en).xml"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")
    records = moodle_reader.read(response.content)
    assert len(records) == 20  # ten questions, each in both languages
    assert language_of(records)[:2] == ["tr", "en"]
    assert b"content version" in response.content


def test_the_same_choices_download_the_same_bytes(client, teacher, content):
    as_user(client, teacher)
    query = "?format=gift&language=both&syntax=mlang&variants=3"
    first = client.get(quiz_url(query=query))
    assert first.status_code == 200
    assert client.get(quiz_url(query=query)).content == first.content
    assert first["Content-Type"] == "text/plain; charset=utf-8"
    # Three variants: each question's id carries its variant.
    ids = {r["id"].rpartition("@")[2] for r in gift_reader.read(first.content)}
    assert ids == {"1", "2", "3"}


def test_an_editor_downloads_a_topics_whole_bank_as_a_qti_package(client, editor, content):
    response = as_user(client, editor).get(topic_url(language="en", query="?format=qti&language=tr&variants=1"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "filename*=UTF-8''Departments%20%28tr%29.qti.zip" in response["Content-Disposition"]
    records = qti_reader.read(response.content)
    assert {r["name"] for r in records} == set(all_question_keys(load_content(), ("departments",))["departments"])
    assert set(language_of(records)) == {"tr"}


def test_a_bank_with_variants_holds_every_key_and_its_different_draws(client, teacher, content):
    response = as_user(client, teacher).get(topic_url("timeline", query="?format=moodle&language=en&variants=2"))
    records = moodle_reader.read(response.content)
    keys = all_question_keys(load_content(), ("timeline",))["timeline"]
    # The name holds the whole key (an ID number is cut to Moodle's 100 characters).
    assert {r["name"].rpartition("@")[0] for r in records} == set(keys)
    assert len(records) > len(keys)  # options shuffled differently: a second draw of most keys


def test_an_assignment_with_shared_questions_exports_the_questions_its_attempts_froze(client, teacher, student):
    assignment = make_assignment(make_classroom(teacher, [student]), title="Dönem sonu: Görevler", same_questions=True)
    frozen = [question("tf:ı", answer="a"), question("dept:ş", answer="c")]
    make_attempt(student, assignment, ["a", "b"], questions=frozen)
    response = as_user(client, teacher).get(assignment_url(assignment, query="?format=moodle&language=both"))
    assert response.status_code == 200
    assert "filename*=UTF-8''D%C3%B6nem%20sonu-%20G%C3%B6revler%20%28tr%2Ben%29.xml" in response["Content-Disposition"]
    records = moodle_reader.read(response.content)
    assert [r["id"] for r in records] == ["tf:ı", "tf:ı", "dept:ş", "dept:ş"]
    assert b"frozen-" in response.content


def test_an_assignment_where_each_student_has_their_own_exports_distinct_variants(client, teacher, content):
    assignment = make_assignment(make_classroom(teacher), same_questions=False, length=5)
    response = as_user(client, teacher).get(assignment_url(assignment, query="?format=qti&language=both&variants=4"))
    records = qti_reader.read(response.content)
    assert len(records) == 4 * 5 * 2
    assert {r["name"].rpartition("@")[2] for r in records} == {"1", "2", "3", "4"}


# --- The form pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_form_says_which_platform_imports_which_file(client, teacher, content, language):
    response = as_user(client, teacher).get(quiz_url(language=language))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Moodle 4.4" in html
    assert ("position → item" if language == "en" else "sıra → öğe") in html
    assert 'name="format"' in html and 'name="variants"' in html


def test_the_index_links_every_topic_and_named_quiz(client, teacher, content):
    html = as_user(client, teacher).get("/en/exports/").content.decode()
    for topic in ("departments", "duties", "timeline", "glossary"):
        assert f"/en/exports/topics/{topic}/" in html
    for quiz in Quiz.objects.all():
        assert f"/en/exports/quizzes/{quiz.slug}/" in html


def test_a_shared_assignment_asks_for_no_variants(client, teacher):
    assignment = make_assignment(make_classroom(teacher), same_questions=True)
    html = as_user(client, teacher).get(assignment_url(assignment, "en")).content.decode()
    assert 'name="variants"' not in html
    assert "same questions" in html


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?format=docx&language=both", "Select a valid choice"),
        ("?format=moodle&language=de", "Select a valid choice"),
        ("?format=moodle&language=both&syntax=lang", "Select a valid choice"),
        ("?format=moodle&language=both&variants=51", "Export at most 50 variants at once."),
        ("?format=moodle&language=both&variants=99999999999999999999", "Export at most 50 variants at once."),
        ("?format=moodle&language=both&variants=0", "greater than or equal to 1"),
        ("?format=moodle&language=both&variants=iki", "Enter a whole number."),
    ],
)
def test_a_bad_choice_answers_400_with_its_message_and_no_file(client, teacher, content, query, message):
    response = as_user(client, teacher).get(quiz_url(language="en", query=query))
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert message in response.content.decode()
    assert Attempt.objects.count() == 0


def test_a_bank_refuses_more_than_five_variants(client, teacher, content):
    response = as_user(client, teacher).get(topic_url(language="en", query="?format=gift&language=tr&variants=6"))
    assert response.status_code == 400
    assert "Export at most 5 variants at once." in response.content.decode()


def test_an_unpublished_quiz_or_an_unknown_topic_is_404(client, teacher, content):
    Quiz.objects.filter(slug="terimler").update(is_published=False)
    as_user(client, teacher)
    assert client.get(quiz_url("terimler", query="?format=moodle&language=tr")).status_code == 404
    assert client.get(topic_url("mixed")).status_code == 404


# --- Who may -----------------------------------------------------------------------------------


def test_a_student_may_not_export(client, student, content):
    as_user(client, student)
    assert client.get("/en/exports/").status_code == 403
    assert client.get(quiz_url(query="?format=moodle&language=tr")).status_code == 403
    assert client.get(topic_url(query="?format=qti&language=tr")).status_code == 403


def test_a_visitor_is_sent_to_sign_in(client, content):
    response = client.get(topic_url(query="?format=qti&language=tr"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]


def test_a_teacher_exports_only_their_own_assignments(client, teacher, content):
    other = make_assignment(make_classroom(make_teacher("baska")), same_questions=False)
    response = as_user(client, teacher).get(assignment_url(other, query="?format=moodle&language=tr"))
    assert response.status_code == 404


def test_an_editor_who_is_no_teacher_may_not_export_an_assignment(client, editor, teacher):
    assignment = make_assignment(make_classroom(teacher))
    assert as_user(client, editor).get(assignment_url(assignment)).status_code == 403


# --- Queries -----------------------------------------------------------------------------------


def test_a_frozen_assignment_downloads_in_a_fixed_number_of_queries(
    client, teacher, student, django_assert_num_queries
):
    assignment = make_assignment(make_classroom(teacher, [student]), same_questions=True)
    make_attempt(student, assignment, ["a"], questions=[question("tf:a")])
    as_user(client, teacher)
    # The session (the user and their role come from the cache), the assignment, attempt 1's frozen questions.
    with django_assert_num_queries(3):
        response = client.get(assignment_url(assignment, query="?format=qti&language=both"))
    assert response.status_code == 200


def test_a_banks_queries_do_not_grow_with_its_variants(client, teacher, content, count_queries):
    as_user(client, teacher)
    one = count_queries(client.get, topic_url(query="?format=moodle&language=both&variants=1"))
    five = count_queries(client.get, topic_url(query="?format=moodle&language=both&variants=5"))
    assert one == five
