"""Our key set and its rotation; the platform's keys fetched once, and again once for a new kid."""

import io

import jwt
from django.core.management import call_command

from lti import keys
from lti.models import ToolKey

from .conftest import INSTRUCTOR


def test_the_key_set_publishes_the_current_and_the_previous_key_after_a_rotation(db, client):
    first = keys.current_key()
    call_command("rotate_lti_keys", stdout=io.StringIO())
    second = keys.current_key()
    published = client.get("/.well-known/jwks.json").json()["keys"]
    assert [k["kid"] for k in published] == [second.kid, first.kid]
    assert all("d" not in k for k in published)  # public halves only
    # What we sign now verifies with the published key of its kid.
    token = keys.sign({"hello": "dünya"})
    jwk = next(k for k in published if k["kid"] == jwt.get_unverified_header(token)["kid"])
    assert jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["RS256"]) == {"hello": "dünya"}
    keys.rotate()
    assert first.kid not in [k["kid"] for k in client.get("/.well-known/jwks.json").json()["keys"]]
    assert ToolKey.objects.count() == 2


def test_the_platforms_keys_are_fetched_once_not_on_every_launch(named_quizzes, client, platform):
    for number in range(3):
        assert platform.launch(client, sub=f"teacher-{number}", roles=[INSTRUCTOR]).status_code == 302
        client.logout()
    assert platform.jwks_calls == 1


def test_a_rotated_platform_key_is_fetched_again_once(named_quizzes, client, platform):
    """Brightspace rotates its keys hourly: the first token with the new kid refetches, the next ones do not."""
    assert platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR]).status_code == 302
    platform.rotate()
    for number in range(3):
        client.logout()
        assert platform.launch(client, sub=f"teacher-{number}", roles=[INSTRUCTOR]).status_code == 302
    assert platform.jwks_calls == 2


def test_made_up_kids_do_not_make_us_fetch_the_platforms_keys_each_time(named_quizzes, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    for number in range(5):
        response = platform.launch(client, lambda nonce, n=number: platform.sign(platform.claims(nonce), kid=f"x{n}"))
        assert response.status_code == 400
    assert platform.jwks_calls == 2  # the first launch, and one refetch for the first unknown kid
