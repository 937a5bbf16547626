"""The quiz page's autosave and its buttons: a submit never overtakes an autosave on its way."""

from quizzes.models import Attempt
from tests.browser.test_student_journey import start_quiz

SINGLE_CHOICE = ("single", "truefalse", "year")


def test_submit_waits_for_an_autosave_on_its_way_and_grades_the_last_answer(page, site):
    start_quiz(page, site, "en", "departments", "5")
    attempt = Attempt.objects.get()
    position = next(i for i, q in enumerate(attempt.questions) if q["type"] in SINGLE_CHOICE)
    held, arrivals = [], []

    def hold_autosaves(route):
        if "autosave" in (route.request.post_data or ""):
            held.append(route)  # the server is slow to answer this one
        else:
            arrivals.append(("submit", len(held)))
            route.continue_()

    page.route("**/answers/", hold_autosaves)
    with page.expect_request("**/answers/"):
        page.locator(f"input[name=q-{position}]").nth(0).check()  # an autosave leaves, and is held
    page.locator(f"input[name=q-{position}]").nth(1).check()  # the learner changes their mind...
    page.get_by_role("button", name="Submit and see my result").click()  # ...and submits at once,
    page.get_by_role("button", name="Submit anyway").click()  # the other questions left unanswered
    assert arrivals == [], "the submit left while an autosave was still on its way"
    held.pop().continue_()
    page.wait_for_url("**/result/")
    assert arrivals == [("submit", 0)]
    answer = Attempt.objects.get().answers.get(position=position)
    assert answer.response == attempt.questions[position]["options"][1]["key"]


def test_an_autosave_after_the_quiz_was_submitted_elsewhere_links_to_the_result(page, site):
    start_quiz(page, site, "en", "departments", "5")
    attempt = Attempt.objects.get()
    # Submitted in another tab.
    other = page.context.new_page()
    other.goto(page.url)
    other.get_by_role("button", name="Submit and see my result").click()
    other.get_by_role("button", name="Submit anyway").click()
    other.wait_for_url("**/result/")
    page.locator("fieldset.question input[type=radio]").first.check()
    page.wait_for_function("() => document.getElementById('quiz-form').dataset.saved === 'closed'")
    status = page.locator("#save-status")
    assert "This quiz has been submitted" in status.inner_text() and "try" not in status.inner_text().lower()
    status.get_by_role("link", name="See the result").click()
    page.wait_for_url(f"**/attempts/{attempt.public_id}/result/")
