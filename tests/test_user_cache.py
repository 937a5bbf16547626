"""The signed-in user comes from the shared cache (quizzes/user_cache.py), and every change to them
is seen on their very next page: deactivation, deletion, a new password, a group added or removed."""

import os

from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quizzes.roles import TEACHERS
from tests.factories import PASSWORD, as_user


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


def test_the_redis_cache_shares_one_client_between_calls():
    """ddo_learn/cache.py: Django builds a redis.Redis per cache call; ours builds one per pool."""
    if not os.environ.get("REDIS_URL"):
        assert caches["default"].__class__.__name__ == "LocMemCache"
        return
    cache.set("client-probe", {"ğ": 1}, 30)
    client = cache._cache.get_client()
    assert cache.get("client-probe") == {"ğ": 1} and cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes share a pool
