"""The registration admin, and what a launch costs the database."""

import pytest

from lti.models import Platform
from tests.factories import make_user

from .conftest import INSTRUCTOR, LEARNER


@pytest.mark.parametrize("path", ["/en/admin/lti/platform/add/", "/en/admin/lti/platform/", "/en/admin/lti/toolkey/"])
def test_an_administrator_registers_platforms_in_admin(client, registration, path):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    response = client.get(path)
    assert response.status_code == 200
    assert "private_pem" not in response.content.decode()


def test_a_returning_learners_launch_costs_a_fixed_number_of_queries(content, client, platform, count_queries):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    platform.launch(client, sub="learner-1", roles=[LEARNER])  # first time: account, membership, attempt
    client.logout()
    _response, state, nonce = platform.login(client)
    token = platform.sign(platform.claims(nonce))
    queries = count_queries(client.post, "/lti/launch/", {"id_token": token, "state": state}, status=302)
    # Platform; the person, course, its co-teachers, membership (kept), link; the session; django-axes' login
    # record (3); last_login; the assignment, its membership lock and attempts; savepoints around each write.
    assert queries == 24


@pytest.mark.parametrize(
    ("field", "value"),
    [("deployment_ids", '"deployment-1"'), ("deployment_ids", "[1]"), ("frame_origins", '["https://x.test/path"]')],
)
def test_the_admin_refuses_lists_that_are_not_lists_of_texts(client, db, field, value):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    form = {
        "name": "Okul",
        "is_active": "on",
        "issuer": "https://moodle.school.test",
        "client_id": "c",
        "deployment_ids": '["1"]',
        "auth_login_url": "https://moodle.school.test/auth",
        "auth_token_url": "https://moodle.school.test/token",
        "key_set_url": "https://moodle.school.test/jwks",
        "frame_origins": "[]",
        field: value,
    }
    response = client.post("/en/admin/lti/platform/add/", form)
    page = response.content.decode()
    assert response.status_code == 200 and ("A list of texts" in page or "Origins only" in page)
    assert not Platform.objects.exists()
    form[field] = '["1"]' if field == "deployment_ids" else '["https://x.test"]'
    assert client.post("/en/admin/lti/platform/add/", form).status_code == 302
    assert Platform.objects.count() == 1
