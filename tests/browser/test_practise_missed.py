"""Practise what the class missed, in a browser at 375 px in both languages: from the topic page, the prefilled
form, confirming it, and the class's assignment table with the new assignment and the time limits; axe clean.

With SAVE_SCREENSHOTS=1 it also writes the screenshots in docs/screenshots/."""

import os
from pathlib import Path

import pytest

from quizzes.models import Accommodation, Assignment
from tests.browser.conftest import log_in
from tests.browser.test_learner_phone import page_problems
from tests.factories import PASSWORD, build_class, make_assignment

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"
WORDS = {
    "tr": {"link": "Sınıfın kaçırdıklarını çalıştır", "give": "Ödevi ver", "row": "her öğrenciye en son kaçırdığı"},
    "en": {"link": "Practise what the class missed", "give": "Give the assignment", "row": "each student the"},
}


def screenshot(page, name, selector=None):
    if os.environ.get("SAVE_SCREENSHOTS"):
        target = page.locator(selector) if selector else page
        options = {} if selector else {"full_page": True}
        target.screenshot(path=str(SCREENSHOTS / f"{name}.png"), **options)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_teacher_acts_on_the_topic_report_in_one_click_on_a_phone(page, site, teacher, language):
    classroom, students, _first = build_class(teacher, 6)
    make_assignment(classroom, "Süreli tekrar", time_limit=20)
    Accommodation.objects.create(classroom=classroom, student=students[1], time_percent=150)
    words = WORDS[language]
    page.set_viewport_size({"width": 375, "height": 812})
    log_in(page, site, teacher.username, PASSWORD, language)

    page.goto(f"{site}/{language}/teach/classes/{classroom.pk}/topics/")
    page.get_by_role("link", name=words["link"]).click()
    page.wait_for_url(f"**/{language}/teach/classes/{classroom.pk}/practise-missed/")
    assert page_problems(page, [page.url]) == []
    assert page.locator("#id_title").input_value()  # prefilled
    screenshot(page, f"phone-{language}-practise-missed-form")

    page.fill("#id_title", f"Tekrar {language}")
    page.fill("#id_length", "4")
    page.get_by_role("button", name=words["give"]).click()
    page.wait_for_url(f"**/{language}/teach/classes/{classroom.pk}/")
    assert page.locator(".message.success").is_visible()
    row = page.locator("tr", has_text=f"Tekrar {language}")
    assert words["row"] in row.inner_text()
    assert Assignment.objects.get(title=f"Tekrar {language}").practises_missed
    assert page_problems(page, [page.url]) == []
    # The resulting assignment beside the others, with their time limits (and the extra time given).
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, f"desktop-{language}-assignment-table", "section[aria-labelledby=assignments-heading]")
