"""Shared fixtures: the office content in the test database, users in each role, a browser."""

import os
import shutil

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from quizzes.roles import EDITORS, TEACHERS
from tests.content_rows import load_content
from tests.factories import PASSWORD, make_user  # noqa: F401 -- PASSWORD is imported from here by older tests

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_TESTS = os.path.join(os.path.dirname(__file__), "browser")


def pytest_collection_modifyitems(items):
    # A module-level pytestmark in a conftest marks nothing; mark the browser folder here so that
    # `-m browser` and `-m "not browser"` select what they say.
    for item in items:
        if str(item.path).startswith(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    from django.conf import settings

    # PBKDF2 costs ~0.3 s a user on this machine; tests check behaviour, not key stretching.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Query counts are pinned with sessions in the database, whatever the profile: the production
    # profile's cached_db sessions (with REDIS_URL) save that one query, which
    # tests/views/test_sessions.py checks on its own.
    settings.CONFIGURED_SESSION_ENGINE = settings.SESSION_ENGINE
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture(autouse=True)
def _site_language():
    # Each test starts in the site's default language, as a new request would. LocaleMiddleware leaves the
    # last request's language active in the thread, so a reverse() in a test named /en/ or /tr/ by the
    # order the tests ran in (two tests failed or passed by it). A test that means English says so.
    from django.conf import settings

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Throttle counters and rendered fragments live in caches; each test starts with none.
    for each in caches.all(initialized_only=True):
        each.clear()


@pytest.fixture
def count_queries(db):
    """How many queries one request runs: ``count_queries(client.get, url)``.

    The response must have ``status`` (200 unless told; None checks nothing), so a
    count is never taken from an error page. For exact figures use pytest-django's
    ``django_assert_num_queries``; this one compares a page with itself as data grows.
    """

    def count(call, *args, status=200, **kwargs):
        with CaptureQueriesContext(connection) as queries:
            response = call(*args, **kwargs)
        if status is not None:
            assert response.status_code == status, (args, response.status_code)
        return len(queries)

    return count


@pytest.fixture
def content(db):
    """The whole office content from fixtures/ (reloaded if a transactional test flushed it)."""
    from quizzes.models import Source

    if not Source.objects.exists():
        load_content()  # loaddata content quizzes, deserialized once per process (tests/content_rows.py)


@pytest.fixture
def student(db):
    return make_user("ogrenci", first_name="Öğrenci")


@pytest.fixture
def other_student(db):
    return make_user("diger")


@pytest.fixture
def teacher(db):
    return make_user("ogretmen", role=TEACHERS)


@pytest.fixture
def editor(db):
    return make_user("editor", role=EDITORS, is_staff=True)


# --- Browser -------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. On CI a missing browser fails; elsewhere it skips."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (never `playwright install`)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # from the test body are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
