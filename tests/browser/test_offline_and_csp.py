"""Admin offline and the CSP in Chromium (issue 8, findings 9 and 10): the TR/EN tabs work from
this site's own files, nothing is requested from another host, the CSP blocks nothing the pages need."""

from urllib.parse import urlsplit

import pytest

from quizzes.models import Department
from tests.browser.conftest import log_in, serious_violations
from tests.conftest import PASSWORD


@pytest.fixture
def watched(page, site):
    """The page, with every request that leaves the live server and every console error recorded."""
    outside, errors = [], []
    here = urlsplit(site).netloc

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != here:
            outside.append(request.url)

    page.on("request", on_request)
    # A failed load is recorded with its address below (Chromium's own favicon.ico probe is not).
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and errors.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    page.outside, page.errors = outside, errors
    return page


def test_the_admin_translation_tabs_work_offline_under_the_csp(watched, site, editor):
    page = watched
    department = Department.objects.get(slug="siber-guvenlik")
    log_in(page, site, editor.username, PASSWORD, language="tr")
    page.goto(f"{site}/tr/admin/quizzes/department/{department.pk}/change/")
    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert page.locator("#id_name_tr").is_visible()
    assert not page.locator("#id_name_en").is_visible()
    tabs.get_by_role("tab", name="en").click()
    assert page.locator("#id_name_en").is_visible()
    assert page.locator("#id_name_en").input_value() == department.name_en
    assert not page.locator("#id_name_tr").is_visible()
    assert page.outside == []
    assert page.errors == []


def test_learning_pages_a_quiz_and_the_admin_load_nothing_from_elsewhere_and_break_no_csp_rule(watched, site, editor):
    page = watched
    for path in ["/tr/", "/en/departments/", "/tr/timeline/", "/en/glossary/", "/tr/quizzes/"]:
        page.goto(site + path)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/attempts/**")
    with page.expect_response("**/answers/"):  # the autosave, a fetch() the CSP must allow
        page.locator("main input[type=radio]").first.check()
    log_in(page, site, editor.username, PASSWORD, language="en")
    for path in ["/en/admin/", "/en/admin/quizzes/department/", "/en/admin/quizzes/timelineevent/"]:
        page.goto(site + path)
    assert page.outside == []
    assert [e for e in page.errors if "Content Security Policy" in e or "Refused" in e] == []
    assert page.errors == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_admin_department_pages_have_no_serious_accessibility_violations(page, site, editor, language):
    department = Department.objects.get(slug="siber-guvenlik")
    log_in(page, site, editor.username, PASSWORD, language=language)
    page.goto(f"{site}/{language}/admin/quizzes/department/")
    found = serious_violations(page)
    assert found == [], "\n".join(found)
    page.goto(f"{site}/{language}/admin/quizzes/department/{department.pk}/change/")
    page.locator("#modeltranslation-main-switch[aria-labelledby]").wait_for()  # static/js/admin_tabs.js has run
    found = serious_violations(page)
    assert found == [], "\n".join(found)
