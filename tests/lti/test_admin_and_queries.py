"""The registration admin, and what a launch costs the database."""

import pytest

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
    # Platform; the person, course, membership (kept), link; the session; django-axes' login record (3);
    # last_login; the assignment, its membership lock and attempts; savepoints around each write.
    assert queries == 23
