"""The shared cache (Redis in production): every key carries the deployment's prefix, so two sites
on one Redis never read each other's entries; and ddo_learn/cache.py's client per connection pool.

With REDIS_URL set (CI's second pass) these run against that Redis; without it, against the
process's own memory cache.
"""

import importlib.util
import os

from django.conf import settings
from django.utils.module_loading import import_string

SETTINGS = os.path.join(settings.BASE_DIR, "ddo_learn", "settings.py")


def _settings_with(monkeypatch, **environ):
    """ddo_learn/settings.py as a process started with ``environ`` would read it."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_read_again", SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _deployment(prefix):
    """The default cache as a deployment with ``prefix`` sees it (the same Redis, or the same memory)."""
    config = {**settings.CACHES["default"], "KEY_PREFIX": prefix}
    return import_string(config["BACKEND"])(config.get("LOCATION", ""), config)


def test_every_cache_key_starts_with_the_deployment_prefix_from_the_environment(monkeypatch):
    read = _settings_with(monkeypatch, CACHE_KEY_PREFIX="okul-2", REDIS_URL="redis://127.0.0.1:6379/1")
    assert {alias: c["KEY_PREFIX"] for alias, c in read.CACHES.items()} == {
        "default": "okul-2",
        "template_fragments": "okul-2",
    }
    assert settings.CACHES["default"]["KEY_PREFIX"]  # this test run has one too


def test_two_deployments_on_one_cache_never_read_each_others_entries():
    staging, production = _deployment("staging"), _deployment("production")
    staging.set("ddo:content-version", 1, 30)
    staging.set_many({"ddo:user:1": ("g", "staging's user"), "ddo:user-version:1": "g"}, 30)
    assert production.get_many(["ddo:content-version", "ddo:user:1", "ddo:user-version:1"]) == {}
    assert production.add("ddo:content-version", 2, 30)  # its own, beside staging's
    assert (staging.get("ddo:content-version"), production.get("ddo:content-version")) == (1, 2)
    production.delete("ddo:user:1")
    assert staging.get("ddo:user:1") == ("g", "staging's user")
