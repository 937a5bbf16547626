"""Paper tests: an assignment (teach/classes/N/assignments/M/print/) and a generated quiz (quizzes/print/)."""

import re

import pytest
from django.utils.html import escape

from quizzes.content import load_content
from quizzes.generation import QuizSettings, generate_quiz
from quizzes.models import Attempt, Membership, Quiz
from quizzes.presentation import text_in
from quizzes.views.printing import paper_answer, paper_question
from tests.factories import as_user, make_assignment, make_student, make_teacher, question

pytestmark = pytest.mark.django_db


def print_url(assignment, language="en", query=""):
    return f"/{language}/teach/classes/{assignment.classroom_id}/assignments/{assignment.pk}/print/{query}"


def drawn(topic, length, difficulty, seed):
    return generate_quiz(load_content(), QuizSettings(topic=topic, length=length, difficulty=difficulty), seed)


def sheet_and_key(html):
    """The test part and the answer key part of a paper test page."""
    test, _sep, key = html.partition('class="answer-key"')
    return test, key


def key_codes(key_html):
    return re.findall(r"<strong>\d+\. ([^<]+)</strong>", key_html)


def letter_of_answer(q):
    return "ABCD"[[o["key"] for o in q["options"]].index(q["answer"])]


# --- An assignment ---------------------------------------------------------------------------


def test_it_prints_the_questions_of_a_students_first_attempt(client, teacher, classroom, content):
    assignment = make_assignment(classroom, topic="mixed", length=8, seed=4242)
    student = make_student("ayse")
    Membership.objects.create(classroom=classroom, student=student)
    as_user(client, student).post(f"/en/classes/assignments/{assignment.pk}/start/")
    questions = Attempt.objects.get().questions
    html = as_user(client, teacher).get(print_url(assignment)).content.decode()
    test, key = sheet_and_key(html)
    prompts = [text_in(q["prompt"], "en") for q in questions]
    # Every prompt, in the attempt's order (as the template escapes it).
    found = [test.find(escape(p)) for p in prompts]
    assert -1 not in found and found == sorted(found)
    codes = key_codes(key)
    assert len(codes) == 8
    for q, code in zip(questions, codes, strict=True):
        if q["type"] in ("single", "truefalse", "year"):
            assert code == letter_of_answer(q)


def test_it_has_a_header_to_fill_in_and_the_key_after_the_questions(client, teacher, classroom, content):
    assignment = make_assignment(classroom, "Daireler testi", length=5, seed=99)
    html = as_user(client, teacher).get(print_url(assignment)).content.decode()
    test, key = sheet_and_key(html)
    for label in ("<dt>Name</dt>", "<dt>Class</dt>", "<dt>Date</dt>", "9-A Dijital Dönüşüm", "Daireler testi"):
        assert label in test
    assert "Answer key" in key and "Source:" in key
    assert "Answer key" not in test.split("<main")[1]


def test_it_prints_in_turkish(client, teacher, classroom, content):
    assignment = make_assignment(classroom, length=5, seed=99)
    questions = drawn("departments", 5, "any", assignment.seed_for(1))
    html = as_user(client, teacher).get(print_url(assignment, "tr")).content.decode()
    for label in ("<dt>Ad</dt>", "<dt>Sınıf</dt>", "<dt>Tarih</dt>", "Cevap anahtarı", "Kaynak:"):
        assert label in html
    assert escape(text_in(questions[0]["explanation"], "tr")) in html
    assert escape(text_in(questions[0]["explanation"], "en")) not in html


def test_each_version_is_a_sheet_of_its_own_when_students_draw_their_own(client, teacher, classroom, content):
    assignment = make_assignment(classroom, topic="glossary", length=5, same_questions=False, seed=0)
    html = as_user(client, teacher).get(print_url(assignment, query="?seeds=11+12")).content.decode()
    assert html.count('class="paper-sheet"') == 2
    assert html.count('class="answer-key"') == 2
    for seed in (11, 12):
        assert "version " + str(seed) in html
        first_answer = drawn("glossary", 5, "any", seed)[0]
        assert escape(text_in(first_answer["explanation"], "en")) in html


def test_a_shared_draw_ignores_versions(client, teacher, classroom, content):
    assignment = make_assignment(classroom, length=5, seed=99)
    html = as_user(client, teacher).get(print_url(assignment, query="?seeds=1+2")).content.decode()
    assert html.count('class="paper-sheet"') == 1
    assert "version" not in html


def test_it_refuses_versions_that_are_not_numbers(client, teacher, classroom, content):
    assignment = make_assignment(classroom, length=5, same_questions=False)
    for bad in ("?seeds=x", "?seeds=-1", "?seeds=99999999999", "?seeds=1+2+3+4+5+6", "?seeds=%D9%A3"):
        response = as_user(client, teacher).get(print_url(assignment, query=bad))
        assert response.status_code == 400, bad
        assert 'class="paper-sheet"' not in response.content.decode()


def test_only_the_classs_teacher_prints_an_assignment(client, classroom, content):
    assignment = make_assignment(classroom, length=5, answer_release="due_date")
    student = make_student("ayse")
    Membership.objects.create(classroom=classroom, student=student)
    assert as_user(client, student).get(print_url(assignment)).status_code == 403
    assert as_user(client, make_teacher("baska")).get(print_url(assignment)).status_code == 404
    client.logout()
    response = client.get(print_url(assignment))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_an_assignment_of_another_class_is_not_found(client, teacher, classroom, content):
    other = make_assignment(type(classroom).objects.create(teacher=make_teacher("baska"), name="Başka"), length=5)
    url = f"/en/teach/classes/{classroom.pk}/assignments/{other.pk}/print/"
    assert as_user(client, teacher).get(url).status_code == 404


def test_the_class_page_links_to_each_assignments_paper_test(client, teacher, classroom):
    assignment = make_assignment(classroom, "Daireler testi")
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert f'href="{print_url(assignment)}"' in html


def test_printing_an_assignment_takes_a_fixed_number_of_queries(client, teacher, classroom, content, count_queries):
    short = make_assignment(classroom, length=5, seed=1)
    long = make_assignment(classroom, topic="mixed", length=20, seed=1)
    as_user(client, teacher)
    assert count_queries(client.get, print_url(short)) == count_queries(client.get, print_url(long)) == 8


# --- A generated quiz -------------------------------------------------------------------------


def test_it_shows_the_choice_of_quiz(client, teacher, content):
    html = as_user(client, teacher).get("/en/quizzes/print/").content.decode()
    assert 'name="topic"' in html and 'name="seeds"' in html
    quiz = Quiz.objects.published().first()
    assert f"/en/quizzes/print/?quiz={quiz.slug}" in html


def test_it_prints_a_generated_quiz_for_a_seed(client, teacher, content):
    response = as_user(client, teacher).get("/en/quizzes/print/?topic=timeline&length=10&difficulty=hard&seeds=7")
    assert response.status_code == 200
    html = response.content.decode()
    questions = drawn("timeline", 10, "hard", 7)
    test, key = sheet_and_key(html)
    assert len(key_codes(key)) == len(questions) == 10
    for q in questions:
        assert escape(text_in(q["explanation"], "en")) in key
    assert "version 7" in test


def test_a_new_version_gets_its_number_in_the_address(client, teacher, content):
    response = as_user(client, teacher).get("/en/quizzes/print/?topic=glossary&length=5&difficulty=any")
    assert response.status_code == 302
    seed = int(re.search(r"seeds=(\d+)", response.url).group(1))
    again = client.get(response.url).content.decode()
    assert escape(text_in(drawn("glossary", 5, "any", seed)[0]["explanation"], "en")) in again


def test_it_prints_a_named_quiz_with_its_settings(client, teacher, content):
    quiz = Quiz.objects.published().first()
    response = as_user(client, teacher).get(f"/en/quizzes/print/?quiz={quiz.slug}&length=20&seeds=3")
    html = response.content.decode()
    assert response.status_code == 200
    assert quiz.title in html
    assert len(key_codes(sheet_and_key(html)[1])) == len(drawn(quiz.topic, quiz.length, quiz.difficulty, 3))


def test_an_unknown_named_quiz_is_not_found(client, teacher, content):
    response = as_user(client, teacher).get("/en/quizzes/print/?quiz=nope&seeds=3")
    assert response.status_code == 404
    assert "That quiz does not exist." in response.content.decode()


def test_bad_settings_are_refused_with_the_form(client, teacher, content):
    response = as_user(client, teacher).get("/en/quizzes/print/?topic=nope&length=7&difficulty=any&seeds=1")
    assert response.status_code == 400
    assert 'class="paper-sheet"' not in response.content.decode()


def test_a_generated_quiz_prints_for_teachers_only(client, student, content):
    url = "/en/quizzes/print/?topic=glossary&length=5&difficulty=any&seeds=1"
    assert as_user(client, student).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_the_catalogue_offers_printing_to_teachers_only(client, teacher, student, content):
    assert "/en/quizzes/print/" in as_user(client, teacher).get("/en/quizzes/").content.decode()
    assert "/en/quizzes/print/" not in as_user(client, student).get("/en/quizzes/").content.decode()


# --- The key of each question type (pure) ------------------------------------------------------


def test_a_single_choice_key_is_the_answers_letter():
    q = question("dept_is:x", answer="c")
    assert paper_question(q, 1, "en")["options"][2] == {"letter": "C", "text": "Agriculture Department"}
    assert (paper_answer(q, 1, "en")["code"], paper_answer(q, 1, "en")["text"]) == ("C", "Agriculture Department")


def test_an_ordering_key_is_the_letters_in_order():
    q = {**question("order_four:x", qtype="ordering"), "answer": ["c", "a", "d", "b"]}
    key = paper_answer(q, 3, "tr")
    assert key["code"] == "C, A, D, B"
    assert key["text"] == ["Tarım Dairesi", "Veri Dairesi", "Işık Dairesi", "Siber Güvenlik Dairesi"]


def test_a_matching_key_pairs_numbers_with_letters_in_the_tests_order():
    q = {
        **question("match_focus:x", qtype="matching", options=("a", "b")),
        "targets": [
            {"key": "t1", "text": {"tr": "Bir", "en": "One"}},
            {"key": "t2", "text": {"tr": "İki", "en": "Two"}},
        ],
        "answer": {"b": "t1", "a": "t2"},
    }
    shown = paper_question(q, 1, "en")
    assert [o["number"] for o in shown["options"]] == [1, 2]
    assert [t["letter"] for t in shown["targets"]] == ["A", "B"]
    key = paper_answer(q, 1, "en")
    assert key["code"] == "1–B, 2–A"
    assert key["text"] == ["Data Department → Two", "Cyber Security Department → One"]


def test_no_cache_keeps_a_printed_answer_key(client, teacher, classroom, content):
    assignment = make_assignment(classroom, length=5, seed=1)
    as_user(client, teacher)
    for url in (print_url(assignment), "/en/quizzes/print/?topic=glossary&length=5&difficulty=any&seeds=1"):
        assert "no-store" in client.get(url)["Cache-Control"], url
