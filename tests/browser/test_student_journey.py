"""Learners take and finish quizzes in Chromium: by mouse, by keyboard, switching language."""

from quizzes.models import Attempt
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD


def answer_everything(page):
    """Answer each question on the page with its first choices (right or wrong, it does not matter)."""
    for fieldset in page.locator("fieldset.question").all():
        radios = fieldset.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
            continue
        selects = fieldset.locator("select")
        for i in range(selects.count()):
            # Places 1..n for ordering; the first target for matching.
            options = selects.nth(i).locator("option")
            selects.nth(i).select_option(index=min(i + 1, options.count() - 1))


def start_quiz(page, site, language, topic, length="10"):
    page.goto(f"{site}/{language}/quizzes/")
    page.select_option("#id_topic", topic)
    page.select_option("#id_length", length)
    page.locator("form.grid-form button[type=submit]").click()
    page.wait_for_url("**/attempts/*/")


def test_a_student_takes_and_finishes_a_quiz_in_turkish(page, site, student):
    log_in(page, site, student.username, PASSWORD)
    start_quiz(page, site, "tr", "mixed")
    assert page.locator("fieldset.question").count() == 10
    assert serious_violations(page) == []
    answer_everything(page)
    page.get_by_role("button", name="Gönder ve sonucumu gör").click()
    page.wait_for_url("**/result/")
    assert "Sonucunuz" in page.locator("h1").inner_text()
    assert page.locator("li.result").count() == 10
    assert serious_violations(page) == []
    attempt = Attempt.objects.get(user=student)
    assert attempt.is_submitted and attempt.score is not None
    page.goto(f"{site}/tr/progress/")
    assert page.locator("svg.chart").count() >= 1
    assert serious_violations(page) == []


def test_a_guest_takes_a_quiz_in_english(page, site):
    start_quiz(page, site, "en", "glossary", "5")
    answer_everything(page)
    page.get_by_role("button", name="Submit and see my result").click()
    page.wait_for_url("**/result/")
    assert "Your result" in page.locator("h1").inner_text()
    attempt = Attempt.objects.get()
    assert attempt.user is None and attempt.is_submitted


def test_an_ordering_question_answered_by_keyboard_alone(page, site, student):
    from quizzes.content import load_content
    from quizzes.generation import questions_for_item
    from quizzes.owners import Owner
    from quizzes.services.attempts import _create_attempt

    content = load_content()
    question = next(
        q
        for event in content.events
        for q in questions_for_item(content, f"event:{event.key}")
        if q["type"] == "ordering"
    )
    attempt = _create_attempt(Owner(user=student), [question], topic="timeline", difficulty="any", length=1, seed=0)
    log_in(page, site, student.username, PASSWORD, language="en")
    page.goto(f"{site}/en/attempts/{attempt.public_id}/")
    correct_places = {key: n + 1 for n, key in enumerate(question["answer"])}
    for i, option in enumerate(question["options"]):
        page.locator(f"#q-0-{i}").focus()
        # A closed native select moves with the arrow keys: press Down once per place.
        for _ in range(correct_places[option["key"]]):
            page.keyboard.press("ArrowDown")
    page.wait_for_function(
        "() => document.getElementById('quiz-form').dataset.saved === 'yes'"
    )  # a function: the CSP forbids eval
    assert attempt.answers.get(position=0).response == question["answer"]
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Submit and see my result").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/result/")
    attempt.refresh_from_db()
    assert attempt.score == 1


def test_switching_language_mid_quiz_keeps_the_answers(page, site):
    start_quiz(page, site, "tr", "departments", "5")
    attempt = Attempt.objects.get()
    position = next(i for i, q in enumerate(attempt.questions) if q["type"] in ("single", "truefalse", "year"))
    page.locator(f"input[name=q-{position}]").nth(1).check()
    page.wait_for_function(
        "() => document.getElementById('quiz-form').dataset.saved === 'yes'"
    )  # a function: the CSP forbids eval
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site}/en/attempts/{attempt.public_id}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(f"input[name=q-{position}]").nth(1).is_checked()
    assert attempt.questions[position]["prompt"]["en"] in page.locator("main").inner_text()
    assert attempt.answers.get(position=position).response == attempt.questions[position]["options"][1]["key"]


def test_the_quiz_page_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start_quiz(page, site, "en", "duties", "5")
    attempt = Attempt.objects.get()
    position = next(i for i, q in enumerate(attempt.questions) if q["type"] in ("single", "truefalse", "year"))
    page.locator(f"input[name=q-{position}]").first.check()
    page.get_by_role("button", name="Save answers").click()
    assert "Your answers are saved." in page.locator(".messages").inner_text()
    assert page.locator(f"input[name=q-{position}]").first.is_checked()
    assert attempt.answers.get(position=position).response == attempt.questions[position]["options"][0]["key"]
    context.close()
