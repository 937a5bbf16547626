"""Browser tests run against Django's live server with the office content loaded."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

_axe = Axe()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's address, with the content loaded (transactional tests start empty)."""
    call_command("loaddata", "content", "quizzes", verbosity=0)
    return live_server.url


def serious_violations(page):
    """axe-core violations of serious or critical impact, as readable strings."""
    results = _axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in(page, site, username, password, language="tr"):
    page.goto(f"{site}/{language}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def assert_no_sideways_scroll(page):
    """The document is no wider than the viewport's layout width.

    Compares documentElement.scrollWidth with clientWidth: Chrome zooms a phone page out to fit
    what overflows, so innerWidth would grow with the page and hide the overflow.
    """
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide in a {widths[1]} px viewport"
