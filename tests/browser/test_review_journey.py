"""Spaced review and flashcards in Chromium, in both languages, axe clean; a flashcard on a phone."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Attempt, ReviewCard
from tests.browser.conftest import log_in, serious_violations
from tests.browser.test_student_journey import answer_everything, start_quiz
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

TEXTS = {
    "tr": {"start": "Tekrara başla", "submit": "Gönder ve sonucumu gör", "show": "Cevabı göster", "good": "İyi"},
    "en": {
        "start": "Start the review",
        "submit": "Submit and see my result",
        "show": "Show the answer",
        "good": "Good",
    },
}


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_student_reviews_the_questions_that_fell_due(page, site, student, language):
    words = TEXTS[language]
    log_in(page, site, student.username, PASSWORD, language)
    start_quiz(page, site, language, "glossary", "5")
    answer_everything(page)
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_url("**/result/")
    assert ReviewCard.objects.filter(user=student).count() == 5
    ReviewCard.objects.update(due=timezone.now() - datetime.timedelta(days=1))  # a day later, all are due

    page.goto(f"{site}/{language}/review/")
    assert serious_violations(page) == []
    page.get_by_role("button", name=words["start"]).click()
    page.wait_for_url("**/attempts/*/")
    assert page.locator("fieldset.question").count() == 5
    answer_everything(page)
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_url("**/result/")
    review = Attempt.objects.latest("pk")
    assert review.topic == "practice" and review.is_submitted
    assert {c.reviews for c in ReviewCard.objects.filter(user=student)} == {2}

    page.goto(f"{site}/{language}/progress/")
    assert page.locator(".review-summary table tbody tr").count() == 1  # glossary
    assert serious_violations(page) == []


def phone(browser, language, javascript=True):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, locale=f"{language}-TR", java_script_enabled=javascript, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_flashcard_on_a_phone_turned_with_space_then_a_tap(browser, site, language):
    words = TEXTS[language]
    context, page = phone(browser, language)
    try:
        page.goto(f"{site}/{language}/review/flashcards/")
        assert serious_violations(page) == []
        page.locator("main button[type=submit]").click()  # the first deck (terms), both sides in this language
        page.wait_for_url("**deck=terms**")
        back = page.locator("#flash-back")
        assert back.is_hidden()
        assert serious_violations(page) == []
        first = page.locator('input[name="card"]').input_value()
        page.keyboard.press("Space")
        assert back.is_visible()
        assert page.evaluate("document.activeElement.id") == "flash-back"
        assert serious_violations(page) == []
        page.keyboard.press("Tab")  # from the back, the keyboard reaches the ratings
        assert page.evaluate("document.activeElement.name") == "rating"
        page.get_by_role("button", name=words["good"], exact=True).click()
        page.wait_for_load_state()
        second = page.locator('input[name="card"]').input_value()
        assert second != first
        page.locator("#flashcard").tap()  # a tap on the card turns it too
        assert back.is_visible()
        assert ReviewCard.objects.get(key=first).reviews == 1
    finally:
        context.close()


def test_flashcards_work_without_javascript(browser, site):
    context, page = phone(browser, "en", javascript=False)
    try:
        page.goto(f"{site}/en/review/flashcards/?deck=departments&mode=cross")
        key = page.locator('input[name="card"]').input_value()
        assert page.locator("#flash-back").is_hidden()
        page.get_by_role("link", name="Show the answer").click()
        page.wait_for_url("**show=1**")
        assert page.locator("#flash-back").is_visible()  # (axe needs JavaScript: the same page is checked above)
        page.get_by_role("button", name="Easy").click()
        page.wait_for_load_state()
        assert ReviewCard.objects.get(key=key).topic == "departments"
        assert page.locator('input[name="card"]').input_value() != key
    finally:
        context.close()
