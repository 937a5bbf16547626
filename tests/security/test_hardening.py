"""Hardening (issue 8, findings 7 and 9): a bad Host, error pages without a database, CSP,
Cache-Control on private pages, database health checks, the shared cache in production."""

import pytest
from django.core.cache import cache
from django.core.checks import Error
from django.db import OperationalError, connection
from django.test import Client

from quizzes.checks import shared_cache_in_production
from tests.conftest import PASSWORD


def test_a_bad_host_header_is_a_400_not_a_500(db):
    client = Client(raise_request_exception=True)
    response = client.get("/tr/", HTTP_HOST="evil..com")
    assert response.status_code == 400
    assert "Hatalı istek" in response.content.decode()


def _database_down(execute, sql, params, many, context):
    raise OperationalError("the database is down")


@pytest.mark.parametrize(("language", "text"), [("tr", "Bir şeyler ters gitti"), ("en", "Something went wrong")])
def test_the_500_page_is_the_sites_own_and_needs_no_database(db, language, text):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(_database_down):
        response = client.get(f"/{language}/departments/")
    assert response.status_code == 500
    page = response.content.decode()
    assert text in page and f'<html lang="{language}">' in page


@pytest.mark.parametrize(("url", "status", "text"), [("/en/no-such-page/", 404, "Page not found")])
def test_error_pages_need_no_database_even_for_a_signed_in_user(client, student, url, status, text):
    client.force_login(student)
    client.get("/en/")
    with connection.execute_wrapper(_database_down):
        response = client.get(url)
    assert response.status_code == status
    assert text in response.content.decode()


def test_every_page_sends_a_strict_content_security_policy(client, db):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def _private(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def test_private_pages_and_exports_are_never_stored(client, teacher, student, content):
    from quizzes.models import Classroom

    client.force_login(student)
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = student.attempts.get()
    urls = [
        f"/en/attempts/{attempt.public_id}/",
        f"/en/attempts/{attempt.public_id}/result/",
        "/en/progress/",
        "/en/classes/",
        "/en/quizzes/",  # a public page, but signed in: it names the user
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302) and _private(response), url
    classroom = Classroom.objects.create(name="9-A", teacher=teacher)
    client.force_login(teacher)
    for url in [
        "/en/teach/",
        f"/en/teach/classes/{classroom.pk}/",
        f"/en/teach/classes/{classroom.pk}/report/",
        f"/en/teach/classes/{classroom.pk}/export/results.csv",
    ]:
        response = client.get(url)
        assert response.status_code == 200 and _private(response), url


def test_a_guests_result_is_never_stored(client, content):
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    from quizzes.models import Attempt

    attempt = Attempt.objects.get()
    assert _private(client.get(f"/en/attempts/{attempt.public_id}/"))
    assert _private(client.get(f"/en/attempts/{attempt.public_id}/result/"))
    assert not _private(client.get("/en/departments/"))  # public pages stay cacheable


def test_database_connections_are_checked_before_reuse(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_production_without_a_shared_cache_does_not_start(settings):
    settings.DEBUG = False
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    errors = shared_cache_in_production(None)
    assert [type(e) for e in errors] == [Error] and errors[0].id == "quizzes.E001"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"},
    }
    assert shared_cache_in_production(None) == []


def test_the_default_cache_is_redis_when_redis_url_is_set(settings):
    import os

    if not os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
        return
    assert settings.CACHES["default"]["BACKEND"] == "ddo_learn.cache.RedisCache"
    cache.set("redis-probe", 1, 30)
    assert cache.incr("redis-probe") == 2
    from django.core.cache.backends.redis import RedisCache

    # Another process would see the same counter (under pytest-xdist, the worker's own database: settings.py).
    other = RedisCache(settings.CACHES["default"]["LOCATION"], {"KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"]})
    assert other.get("redis-probe") == 2


def test_signing_in_and_out_still_works_with_the_middleware(client, student):
    response = client.post("/en/accounts/login/", {"username": "ogrenci", "password": PASSWORD})
    assert response.status_code == 302 and _private(response)
