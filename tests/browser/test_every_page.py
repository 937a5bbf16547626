"""Every page of the site, as the role that sees it, at 320, 375, 768 and 1,280 px in both languages (issue 11).

Nothing scrolls sideways (a data table may scroll inside its own scroll box only) and axe finds nothing
serious or critical. The demo data (``load_demo``) is loaded once for the module and one browser context
serves each width, changing accounts by swapping the session cookie: one test per width and role.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import serious_violations

LANGUAGES = ("tr", "en")
AXE_EVERYWHERE = (320, 375)  # every page in both languages
AXE_ONCE = (1280,)  # wider screens: sideways scroll everywhere, axe once per page (in English)
WIDTHS = (320, 375, 768, 1280)
ROLES = ("guest", "ayse", "teacher", "editor")


def _demo_pages():
    """(role, name, path without the language) for every page of the demo site."""
    from quizzes.models import Classroom
    from quizzes.owners import Owner
    from quizzes.services import attempts as services
    from quizzes.services.problems import report_problem

    ayse = get_user_model().objects.get(username="ayse")
    for seed in range(1, 50):
        taking = services.start_attempt(Owner(user=ayse), topic="departments", length=10, difficulty="hard", seed=seed)
        if any(q["type"] == "matching" for q in taking.questions):
            break
    done = services.start_attempt(Owner(user=ayse), topic="departments", length=10, difficulty="hard", seed=3)
    services.save_answers(done, {i: q["answer"] for i, q in enumerate(done.questions) if i % 3}, "tr")
    services.submit_attempt(done)
    report_problem(done, 0, Owner(user=ayse), reason="unclear", text="…", language="en")
    classroom = Classroom.objects.get(teacher__username="teacher")
    assignment = classroom.assignments.order_by("pk").first()
    base = f"teach/classes/{classroom.pk}/"
    return [
        ("guest", "overview", ""),
        ("guest", "departments", "departments/"),
        ("guest", "duties", "duties/"),
        ("guest", "timeline", "timeline/"),
        ("guest", "glossary", "glossary/"),
        ("guest", "sources", "sources/"),
        ("guest", "catalogue", "quizzes/"),
        ("guest", "login", "accounts/login/"),
        ("guest", "signup", "accounts/signup/"),
        ("guest", "password reset", "accounts/password_reset/"),
        ("guest", "password reset sent", "accounts/password_reset/done/"),
        ("guest", "join link, logged out", f"classes/join/{classroom.join_code}/"),
        ("ayse", "hard departments quiz with matching", f"attempts/{taking.public_id}/"),
        ("ayse", "result", f"attempts/{done.public_id}/result/"),
        ("ayse", "progress", "progress/"),
        ("ayse", "review", "review/"),
        ("ayse", "flashcards", "review/flashcards/"),
        ("ayse", "my classes", "classes/"),
        ("ayse", "join link", f"classes/join/{classroom.join_code}/"),
        ("ayse", "leave a class", f"classes/{classroom.pk}/leave/"),
        ("ayse", "password change", "accounts/password_change/"),
        ("teacher", "teacher home", "teach/"),
        ("teacher", "class page", base),
        ("teacher", "projector", f"{base}projector/"),
        ("teacher", "delete a class", f"{base}delete/"),
        ("teacher", "remove a student", f"{base}students/{ayse.pk}/remove/"),
        ("teacher", "extensions", f"{base}assignments/{assignment.pk}/extensions/"),
        ("teacher", "printing an assignment", f"{base}assignments/{assignment.pk}/print/"),
        ("teacher", "class overview", f"{base}report/"),
        ("teacher", "student report", f"{base}students/{ayse.pk}/"),
        ("teacher", "topic report", f"{base}topics/"),
        ("teacher", "item analysis", f"{base}items/"),
        ("teacher", "printing form", "quizzes/print/"),
        ("editor", "item statistics", "editors/item-statistics/"),
        ("editor", "admin index", "admin/"),
        ("editor", "department list", "admin/quizzes/department/"),
        ("editor", "department change page", "admin/quizzes/department/1/change/"),
        ("editor", "problem-report queue", "admin/quizzes/problemreport/"),
    ]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """A live server of its own with the demo data, loaded once; the database is flushed when the module ends.

    Not pytest-django's ``live_server``: a test naming it gets a database flushed after every test. Each test
    here runs in a transaction (``django_db``) over the data committed once, so its own writes go away.
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        call_command("load_demo", site=server.url, stdout=StringIO())
        pages = _demo_pages()
        sessions = {}
        for username in ROLES[1:]:
            client = Client()
            client.force_login(get_user_model().objects.get(username=username))
            sessions[username] = client.cookies["sessionid"].value
    yield server.url, pages, sessions
    with django_db_blocker.unblock():
        server._live_server_modified_settings.disable()
        server.stop()
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def width_context(request, browser):
    """One browser context per width."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    context.set_default_timeout(15000)
    yield request.param, context
    context.close()


WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(
    (e) => e.getBoundingClientRect().right > limit + 0.5 && !e.closest(".table-scroll"));
  return wide.slice(-3).map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
}"""


def _sideways(page):
    """How far the document is wider than its layout viewport (0 when nothing scrolls sideways), and by what."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return overflow, (page.evaluate(WIDEST) if overflow > 0 else [])


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_the_screen_and_axe_finds_nothing_serious(demo, width_context, role):
    site, pages, sessions = demo
    width, context = width_context
    context.clear_cookies()
    if role != "guest":
        context.add_cookies([{"name": "sessionid", "value": sessions[role], "url": site}])
    page = context.new_page()
    problems = []
    for who, name, path in pages:
        if who != role:
            continue
        for language in LANGUAGES:
            response = page.goto(f"{site}/{language}/{path}")
            where = f"{name} ({language}, {width} px)"
            if response.status != 200:
                problems.append(f"{where}: HTTP {response.status}")
                continue
            overflow, widest = _sideways(page)
            if overflow > 0:
                problems.append(f"{where}: scrolls sideways by {overflow} px, widest: {widest}")
            if width in AXE_EVERYWHERE or (width in AXE_ONCE and language == "en"):
                problems += [f"{where}: {finding}" for finding in serious_violations(page)]
    page.close()
    assert not problems, "\n".join(problems)
