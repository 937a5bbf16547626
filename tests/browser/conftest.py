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
