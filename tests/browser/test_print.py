"""On paper: a printed test rendered to PDF by Chromium (page breaks, the key on a page of its own), and the
learner's pages printed without navigation or buttons."""

import io
import re
import unicodedata

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from quizzes.content import load_content
from quizzes.generation import QuizSettings, generate_quiz
from quizzes.presentation import text_in
from quizzes.roles import TEACHERS
from tests.browser.conftest import log_in, serious_violations
from tests.browser.test_student_journey import answer_everything, start_quiz
from tests.factories import PASSWORD, make_assignment, make_classroom, make_user

KEY_HEADING = {"tr": "Cevap anahtarı", "en": "Answer key"}
HEADER = {"tr": ("Ad", "Sınıf", "Tarih"), "en": ("Name", "Class", "Date")}


def squash(text):
    """Text as a PDF and a page can both be compared on: ligatures undone, no white space (lines wrap anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


EVERY_TYPE = {"single", "truefalse", "year", "matching", "ordering"}


def pdf_pages(page):
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


@pytest.fixture
def assignment(site):
    Group.objects.get_or_create(name=TEACHERS)
    teacher = make_user("ogretmen", role=TEACHERS, first_name="İlknur", last_name="Çelik")
    classroom = make_classroom(teacher, name="9-A Dijital Dönüşüm")
    return make_assignment(classroom, "Dönem sonu", topic="mixed", length=20, seed=seed_with_every_type())


def seed_with_every_type():
    """A seed whose 20-question mixed draw has a question of every type (found, so content edits keep it true)."""
    content = load_content()
    for seed in range(2048, 2548):
        if {q["type"] for q in generate_quiz(content, QuizSettings("mixed", 20, "any"), seed)} == EVERY_TYPE:
            return seed
    raise AssertionError("no seed in 500 draws a question of every type")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_printed_assignment_keeps_each_question_whole_and_its_key_on_a_page_of_its_own(
    page, site, assignment, language
):
    log_in(page, site, "ogretmen", PASSWORD, language)
    page.goto(f"{site}/{language}/teach/classes/{assignment.classroom_id}/")
    page.locator("main a[href$='/print/']").first.click()
    page.wait_for_url(f"**/assignments/{assignment.pk}/print/")
    assert serious_violations(page) == []
    pages = pdf_pages(page)
    questions = generate_quiz(load_content(), QuizSettings("mixed", 20, "any"), assignment.seed_for(1))
    assert {q["type"] for q in questions} == EVERY_TYPE

    # The header to fill in, on the first page.
    assert pages[0].startswith(squash("Dönem sonu"))
    assert all(squash(label) in pages[0] for label in HEADER[language])
    assert squash("9-A Dijital Dönüşüm") in pages[0]

    # The key starts a page; no page before it holds any of it, and it holds no question.
    key = [i for i, text in enumerate(pages) if squash(KEY_HEADING[language]) in text]
    assert len(key) == 1 and key[0] > 0
    key_page = key[0]
    assert pages[key_page].startswith(squash(KEY_HEADING[language]))

    for number, q in enumerate(questions, start=1):
        prompt = squash(f"{number}. {text_in(q['prompt'], language)}")
        on = [i for i, text in enumerate(pages) if prompt in text]
        assert on and on[0] < key_page, (number, prompt)
        last_choice = (q["targets"] or q["options"])[-1]
        # The prompt, its first option and its last option (or description) are on one page.
        for option in (q["options"][0], last_choice):
            assert squash(text_in(option["text"], language)) in pages[on[0]], (number, option)
        explanation = squash(text_in(q["explanation"], language))
        assert not any(explanation in text for text in pages[:key_page]), number
        assert any(explanation in text for text in pages[key_page:]), number


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_teacher_chooses_a_quiz_to_print(page, site, assignment, language):
    log_in(page, site, "ogretmen", PASSWORD, language)
    page.goto(f"{site}/{language}/quizzes/")
    page.locator("main a[href$='/quizzes/print/']").click()
    assert serious_violations(page) == []
    page.select_option("#id_topic", "timeline")
    page.fill("#id_seeds", "7 8")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**seeds=7+8**")
    assert page.locator("article.paper-sheet").count() == 2
    pages = pdf_pages(page)
    keys = [i for i, text in enumerate(pages) if text.startswith(squash(KEY_HEADING[language]))]
    # Version 7's questions, its key, version 8's questions (from a new page), its key.
    assert len(keys) == 2
    title = squash({"tr": "Zaman çizelgesi 2017–2025", "en": "Timeline 2017–2025"}[language])
    sheets = [i for i, text in enumerate(pages) if text.startswith(title)]
    assert len(sheets) == 2 and sheets[0] == 0 and keys[0] < sheets[1] < keys[1]
    assert squash({"tr": "sürüm 8", "en": "version 8"}[language]) in pages[sheets[1]]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_learners_quiz_and_result_print_without_navigation_or_buttons(page, site, language):
    start_quiz(page, site, language, "mixed", "5")
    page.emulate_media(media="print")
    assert page.locator("fieldset.question").first.is_visible()
    for hidden in ("header.site-header", "footer.site-footer", ".quiz-actions", "main button"):
        assert not page.locator(hidden).first.is_visible(), hidden

    page.emulate_media(media="screen")
    answer_everything(page)
    page.locator("button[value=submit]").click()
    page.wait_for_url("**/result/")
    page.emulate_media(media="print")
    assert page.locator("li.result").first.is_visible()
    assert not page.locator("header.site-header").is_visible()
    assert not page.locator("main a.button").first.is_visible()


@pytest.mark.parametrize("path", ["", "departments/", "timeline/", "glossary/"])
def test_learning_pages_print_without_navigation(page, site, path):
    page.goto(f"{site}/en/{path}")
    page.emulate_media(media="print")
    assert page.locator("main h1").is_visible()
    assert not page.locator("header.site-header nav").is_visible()
    assert not page.locator(".language-switch").first.is_visible()
    assert not page.locator("footer.site-footer").is_visible()
