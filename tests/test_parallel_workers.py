"""Parallel test workers (pytest-xdist, `make test`) never empty each other's Redis database."""

import os

from ddo_learn.settings import redis_url_for_worker


def test_worker_n_uses_the_given_database_plus_n():
    assert redis_url_for_worker("redis://127.0.0.1:6379/12", "gw0") == "redis://127.0.0.1:6379/12"
    assert redis_url_for_worker("redis://127.0.0.1:6379/12", "gw3") == "redis://127.0.0.1:6379/15"
    assert redis_url_for_worker("redis://:secret@cache:6380", "gw1") == "redis://:secret@cache:6380/1"
    assert redis_url_for_worker("rediss://cache:6379/2?timeout=5", "gw2") == "rediss://cache:6379/4?timeout=5"
    assert redis_url_for_worker("unix:///run/redis.sock?db=3", "gw1") == "unix:///run/redis.sock?db=4"
    assert redis_url_for_worker("unix:///run/redis.sock", "gw2") == "unix:///run/redis.sock?db=2"


def test_outside_a_worker_or_without_redis_nothing_changes():
    assert redis_url_for_worker("redis://127.0.0.1:6379/12", None) == "redis://127.0.0.1:6379/12"
    assert redis_url_for_worker("", "gw1") == ""


def test_this_process_uses_its_own_database(settings):
    given = os.environ.get("REDIS_URL")
    if not given:
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")  # one per process already
        return
    expected = redis_url_for_worker(given, os.environ.get("PYTEST_XDIST_WORKER"))
    assert settings.CACHES["default"]["LOCATION"] == expected
