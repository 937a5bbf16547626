"""The learning pages as a reader sees them in Chromium."""

import pytest

from quizzes.models import Department
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD

PAGES = ["", "departments/", "duties/", "timeline/", "glossary/", "sources/"]


def test_overview_in_turkish_and_in_english(page, site):
    page.goto(f"{site}/tr/")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi" in page.locator("h1").inner_text()
    page.goto(f"{site}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Digital Transformation Office" in page.locator("h1").inner_text()


def test_language_switch_keeps_the_reader_on_the_same_page(page, site):
    page.goto(f"{site}/tr/timeline/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site}/en/timeline/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Timeline 2017–2025"
    page.get_by_role("link", name="Türkçe").click()
    page.wait_for_url(f"{site}/tr/timeline/")


def test_an_editor_renames_a_department_and_the_site_shows_it(page, site, editor):
    department = Department.objects.get(slug="siber-guvenlik")
    log_in(page, site, editor.username, PASSWORD, language="en")
    page.goto(f"{site}/en/admin/quizzes/department/{department.pk}/change/")
    page.fill("#id_name_en", "Department of Cyber Defence and Security")
    page.locator("input[name=_save]").first.click()
    page.wait_for_url(f"{site}/en/admin/quizzes/department/")
    page.goto(f"{site}/en/departments/")
    assert "Department of Cyber Defence and Security" in page.locator("main").inner_text()
    page.goto(f"{site}/tr/departments/")
    assert "Department of Cyber Defence and Security" not in page.locator("main").inner_text()


def test_publishing_with_an_empty_language_is_refused_by_name(page, site, editor):
    department = Department.objects.get(slug="siber-guvenlik")
    log_in(page, site, editor.username, PASSWORD, language="en")
    page.goto(f"{site}/en/admin/quizzes/department/{department.pk}/change/")
    page.fill("#id_focus_en", "")
    page.locator("input[name=_save]").first.click()
    assert "“Focus [en]” is empty" in page.locator("#content").inner_text()  # the label and language, not the column
    department.refresh_from_db()
    assert department.focus_en


@pytest.mark.parametrize("language", ["tr", "en"])
def test_learning_pages_have_no_serious_accessibility_violations(page, site, language):
    for path in PAGES:
        page.goto(f"{site}/{language}/{path}")
        assert serious_violations(page) == [], path


@pytest.mark.parametrize("language", ["tr", "en"])
def test_learning_pages_fit_a_phone_screen(browser, site, language):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for path in PAGES:
        page.goto(f"{site}/{language}/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"
    context.close()


def test_the_site_works_by_keyboard(page, site):
    page.goto(f"{site}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"
    page.keyboard.press("Enter")
    # Tab through the navigation to the Departments link and follow it.
    page.goto(f"{site}/en/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == "Departments":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/en/departments/")
    page.keyboard.press("Tab")
    # Keyboard focus is visible: the focused control draws a solid outline.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
