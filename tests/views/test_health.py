"""The load balancer's health check: 200 when the database and the cache answer, 503 when one does not."""

import subprocess
import sys
from pathlib import Path

from django.test import Client, override_settings

from quizzes.middleware import PRIVATE_PATH

ROOT = Path(__file__).resolve().parents[2]
NO_REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}


def test_it_answers_ok_when_the_database_and_the_cache_answer(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]  # a proxy never answers for the app


def test_it_sets_no_cookie_and_names_no_user(client, db):
    response = client.get("/health/")
    assert not response.cookies
    assert not PRIVATE_PATH.match("/health/")


def test_it_is_never_rate_limited(client, db):
    statuses = {client.get("/health/").status_code for _ in range(50)}
    assert statuses == {200}


def test_it_answers_503_when_the_cache_is_down(client, db):
    with override_settings(CACHES=NO_REDIS):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.content == b"failing: cache"


class _AnotherInstanceChecksBetween:
    """The cache as two instances checking at once use it: the other instance's whole check runs
    between this one's write and its read."""

    def __init__(self, cache):
        self.cache, self.other, self.checking = cache, None, False

    def set(self, *args, **kwargs):
        return self.cache.set(*args, **kwargs)

    def get(self, *args, **kwargs):
        if not self.checking:
            self.checking = True  # the other instance's own read runs no third check
            self.other = Client().get("/health/")
        return self.cache.get(*args, **kwargs)


def test_two_instances_checking_at_once_both_answer_ok(client, db, monkeypatch):
    from quizzes.views import health

    shared = _AnotherInstanceChecksBetween(health.cache)
    monkeypatch.setattr(health, "cache", shared)
    response = client.get("/health/")
    assert (response.status_code, response.content) == (200, b"ok")
    assert (shared.other.status_code, shared.other.content) == (200, b"ok")


def test_it_refuses_anything_but_get(client, db):
    assert client.post("/health/").status_code == 405


def test_it_answers_503_when_the_database_is_down():
    # A real outage, not a mock: a process whose database file cannot be opened.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/health/', HTTP_HOST='localhost');"
        "print(r.status_code, r.content.decode())"
    )
    env = {"DATABASE_URL": "sqlite:////nonexistent-ddo-dir/db.sqlite3", "DJANGO_SETTINGS_MODULE": "ddo_learn.settings"}
    env["PATH"] = "/usr/bin:/bin"
    out = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip().splitlines()[-1] == "503 failing: database", out.stderr[-2000:]
