"""Sessions: in the database by default, read from the shared cache in the production profile.

The other query-count tests pin their figures with database sessions (tests/conftest.py); these
check what the production profile's ``cached_db`` sessions save.
"""

import os

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

CACHED_DB = "django.contrib.sessions.backends.cached_db"


def test_the_production_profile_reads_sessions_from_the_shared_cache(settings):
    expected = CACHED_DB if os.environ.get("REDIS_URL") else "django.contrib.sessions.backends.db"
    assert settings.CONFIGURED_SESSION_ENGINE == expected


def test_a_signed_in_page_costs_one_query_less_with_cached_sessions(student, count_queries):
    def queries_for_progress():
        client = Client()  # its middleware reads SESSION_ENGINE when it first runs
        client.force_login(student)
        count_queries(client.get, "/en/progress/")  # the first read fills the cache
        return count_queries(client.get, "/en/progress/")

    in_database = queries_for_progress()
    with override_settings(SESSION_ENGINE=CACHED_DB):
        cached = queries_for_progress()
    assert cached == in_database - 1
