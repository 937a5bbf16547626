"""A learner reports a problem with a question from the result page, in Chromium on a phone-sized screen."""

import pytest

from quizzes.models import ProblemReport
from tests.browser.conftest import serious_violations
from tests.browser.test_student_journey import answer_everything, start_quiz

WORDS = {
    "tr": {
        "submit": "Gönder ve sonucumu gör",
        "report": "Bir sorun bildir",
        "reason": "Çeviri sorunu",
        "details": "Ayrıntılar (isteğe bağlı)",
        "send": "Bildirimi gönder",
        "received": "Teşekkürler: 2. soruyla ilgili bildiriminiz alındı.",
        "reported": "bildirildi",
    },
    "en": {
        "submit": "Submit and see my result",
        "report": "Report a problem",
        "reason": "A translation problem",
        "details": "Details (optional)",
        "send": "Send the report",
        "received": "Thank you: your report on question 2 was received.",
        "reported": "reported",
    },
}


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_guest_reports_a_problem_on_a_phone(page, site, language):
    words = WORDS[language]
    page.set_viewport_size({"width": 375, "height": 800})
    start_quiz(page, site, language, "glossary", "5")
    answer_everything(page)
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_url("**/result/")
    second = page.locator("li.result").nth(1)
    # Closed, the form takes no room; the summary opens it (keyboard or touch, no script needed).
    assert not second.get_by_label(words["details"]).is_visible()
    second.get_by_text(words["report"]).click()
    second.get_by_label(words["reason"]).check()
    second.get_by_label(words["details"]).fill("…")
    assert serious_violations(page) == []
    second.get_by_role("button", name=words["send"]).click()
    page.wait_for_url("**/result/#question-2")
    assert words["received"] in page.locator(".messages").inner_text()
    assert page.locator("li.result").nth(1).locator(".reported .badge").inner_text() == words["reported"]
    assert page.locator(".reported").count() == 1
    assert serious_violations(page) == []
    report = ProblemReport.objects.get()
    assert (report.position, report.reason, report.language, report.text) == (1, "translation", language, "…")
