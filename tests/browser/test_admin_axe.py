"""The editors' admin in Chromium: links in text and the breadcrumbs are underlined on every admin page, so axe
finds nothing serious (link-in-text-block) even on admins with no styles of their own, like the problem reports."""

import pytest

from quizzes.models import ProblemReport
from quizzes.owners import Owner
from quizzes.roles import EDITORS
from quizzes.services import attempts as services
from quizzes.services.problems import report_problem
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, make_user


@pytest.mark.parametrize("language", ["tr", "en"])
def test_admin_pages_are_axe_clean_on_a_phone(page, site, language):
    editor = make_user("duzenleyici", role=EDITORS, is_staff=True)
    learner = make_user("ogrenci")
    attempt = services.start_attempt(Owner(user=learner), topic="departments", length=5, difficulty="any", seed=3)
    services.submit_attempt(attempt)
    report_problem(attempt, 0, Owner(user=learner), reason="unclear", text="…", language="en")
    report = ProblemReport.objects.get()
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, site, editor.username, PASSWORD, language)
    problems = []
    for path in (
        "admin/",
        "admin/quizzes/problemreport/",
        f"admin/quizzes/problemreport/{report.pk}/change/",
        "admin/quizzes/department/",
        "admin/quizzes/department/1/change/",
    ):
        response = page.goto(f"{site}/{language}/{path}")
        assert response.status == 200, path
        problems += [f"{path}: {finding}" for finding in serious_violations(page)]
    assert problems == []
    assert (
        page.locator("div.breadcrumbs a").first.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"
    )
