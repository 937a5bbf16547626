"""The signed-in user comes from the shared cache (quizzes/user_cache.py), and every change to them
is seen on their very next page: deactivation, deletion, a new password, a group added or removed."""

import os
import threading

import pytest
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ddo_learn.cache import RedisCache
from quizzes.roles import TEACHERS
from quizzes.user_cache import CachedUserBackend
from tests.factories import PASSWORD, as_user, make_user
from tests.threads import shared_database, start  # noqa: F401 -- a fixture


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured]


def test_after_the_first_page_a_signed_in_page_reads_neither_the_user_nor_their_groups(client, student):
    client.force_login(student)
    client.get("/en/progress/")  # the first page reads them once
    response, sql = _queries(client, "/en/progress/")
    assert response.status_code == 200 and "Signed in as ogrenci" in response.content.decode()
    assert not [q for q in sql if '"auth_user"' in q or '"auth_user_groups"' in q], sql


def test_a_deactivated_user_is_signed_out_on_their_next_page(client, student):
    as_user(client, student).get("/en/progress/")
    student.is_active = False
    student.save()
    response = client.get("/en/classes/")
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


def test_a_deleted_user_is_signed_out_on_their_next_page(client, student):
    as_user(client, student).get("/en/progress/")
    student.delete()
    assert client.get("/en/classes/").status_code == 302


def test_a_password_changed_elsewhere_signs_this_session_out(client, student):
    as_user(client, student).get("/en/progress/")
    other = Client()
    assert other.post("/en/accounts/login/", {"username": "ogrenci", "password": PASSWORD}).status_code == 302
    changed = other.post(
        "/en/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "An0ther-good-one!", "new_password2": "An0ther-good-one!"},
    )
    assert changed.status_code == 302
    assert client.get("/en/classes/").status_code == 302  # this session is out
    assert other.get("/en/classes/").status_code == 200  # the one that changed it stays in


def test_joining_and_leaving_the_teachers_group_counts_on_the_next_page(client, student):
    as_user(client, student)
    assert client.get("/en/teach/").status_code == 403
    teachers = Group.objects.get(name=TEACHERS)
    student.groups.add(teachers)
    assert client.get("/en/teach/").status_code == 200
    teachers.user_set.remove(student)  # from the group's side
    assert client.get("/en/teach/").status_code == 403
    teachers.user_set.add(student)
    assert client.get("/en/teach/").status_code == 200
    teachers.user_set.clear()
    assert client.get("/en/teach/").status_code == 403


def test_a_new_username_shows_on_the_next_page(client, student):
    as_user(client, student).get("/en/progress/")
    student.username = "ayse"
    student.save(update_fields=["username"])
    assert "Signed in as ayse" in client.get("/en/progress/").content.decode()


def test_the_redis_cache_builds_one_client_per_connection_pool():
    """ddo_learn/cache.py: Django builds a redis.Redis per cache call; ours one per pool (building a
    client connects to nothing, so this needs no Redis)."""
    primary_and_replica = RedisCache("redis://127.0.0.1:1/0,redis://127.0.0.1:2/0", {})
    client = primary_and_replica._cache
    writer, reader = client.get_client(write=True), client.get_client()
    assert client.get_client(write=True) is writer and client.get_client() is reader
    assert writer is not reader  # a write goes to the primary's pool, a read to the replica's
    assert writer.connection_pool.connection_kwargs["port"] == 1
    assert reader.connection_pool.connection_kwargs["port"] == 2


def test_with_redis_url_the_user_cache_really_is_in_redis(client, student):
    """CI's second pass (REDIS_URL set) runs this file against Redis: the user is stored there, under
    the deployment's prefix, and read back through one shared client."""
    as_user(client, student)
    if not os.environ.get("REDIS_URL"):
        assert caches["default"].__class__.__name__ == "LocMemCache"
        assert cache.get(f"ddo:user:{student.pk}")[1] == student
        return
    assert isinstance(caches["default"], RedisCache)
    redis = cache._cache.get_client()
    key = cache.make_key(f"ddo:user:{student.pk}")
    assert key.startswith(settings.CACHE_KEY_PREFIX + ":") and redis.exists(key)
    assert client.get("/en/progress/").status_code == 200
    assert cache._cache.get_client() is redis and cache._cache.get_client(write=True) is redis  # one server


def _read_while(change):
    """A request reads the user's row; ``change`` commits (and forgets the user) before that request
    stores what it read; then the next request reads the user. Real threads, their own connections."""
    loaded, changed = threading.Event(), threading.Event()
    read_from_database = ModelBackend.get_user

    def read_slowly(self, user_id):  # the reader pauses between reading the row and caching it
        user = read_from_database(self, user_id)
        if threading.current_thread() is not threading.main_thread():
            loaded.set()
            assert changed.wait(30)
        return user

    user = make_user("okuyan")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ModelBackend, "get_user", read_slowly)
        reader = start(lambda: CachedUserBackend().get_user(user.pk))
        assert loaded.wait(30)
        change(user)
        changed.set()
        assert reader.result().pk == user.pk  # the overlapping request saw the row as it was
    return CachedUserBackend().get_user(user.pk)


@pytest.mark.usefixtures("shared_database")
def test_a_request_that_read_the_user_before_a_deactivation_cannot_keep_them_signed_in():
    def deactivate(user):
        user.is_active = False
        user.save()

    assert _read_while(deactivate) is None


@pytest.mark.usefixtures("shared_database")
def test_a_request_that_read_the_user_before_a_password_change_cannot_keep_the_old_password():
    def new_password(user):
        user.set_password("An0ther-good-one!")
        user.save()

    assert _read_while(new_password).check_password("An0ther-good-one!")
