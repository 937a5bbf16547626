"""The bad launches a certification suite tries: each refused with a clear 4xx, and nothing created."""

import base64
import html
import json
import time

import pytest
from django.contrib.auth import get_user_model

from lti import claims as c
from lti.models import Course, LtiUser, ResourceLink
from quizzes.models import Assignment, Attempt, Classroom, Membership

from .conftest import INSTRUCTOR, LEARNER

MODELS = (get_user_model(), LtiUser, Course, Classroom, Membership, ResourceLink, Assignment, Attempt)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def course_opened(named_quizzes, client, platform):
    """A teacher opened the course; the bad launches come after, from a learner's browser."""
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()


def tampered(platform, nonce, **changes):
    """A learner's genuine token with its payload edited (here: to claim a teacher's role), signature kept."""
    token = platform.sign(platform.claims(nonce))
    header, _payload, signature = token.split(".")
    payload = {**platform.claims(nonce), **changes}
    edited = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{header}.{edited}.{signature}"


def now():
    return int(time.time())


BAD = {
    "no kid": (lambda p, n: p.sign(p.claims(n), kid=None), "does not name its signing key"),
    "unknown kid": (lambda p, n: p.sign(p.claims(n), kid="who-knows"), "a key the platform does not publish"),
    "wrong signature": (lambda p, n: p.sign(p.claims(n), key=p.rsa_keys["stranger"]), "signature is wrong"),
    "wrong aud": (lambda p, n: p.sign(p.claims(n, aud="another-tool")), "meant for another tool"),
    "azp of another tool": (lambda p, n: p.sign(p.claims(n, aud=["ddo-client-1", "x"], azp="x")), "another tool"),
    "wrong iss": (lambda p, n: p.sign(p.claims(n, iss="https://evil.test")), "another platform"),
    "expired": (lambda p, n: p.sign(p.claims(n, iat=now() - 900, exp=now() - 300)), "expired"),
    "iat in the future": (lambda p, n: p.sign(p.claims(n, iat=now() + 900, exp=now() + 1200)), "not valid yet"),
    "no exp": (lambda p, n: p.sign(p.claims(n, exp=None)), "not valid"),
    "another login's nonce": (lambda p, n: p.sign(p.claims("some-other-nonce")), "does not belong to this login"),
    "unknown deployment": (lambda p, n: p.sign(p.claims(n, **{c.DEPLOYMENT_ID: "dep-9"})), "deployment"),
    "LTI 1.1 version": (lambda p, n: p.sign(p.claims(n, **{c.VERSION: "1.1"})), "Only LTI 1.3.0"),
    "no version": (lambda p, n: p.sign(p.claims(n, **{c.VERSION: None})), "Only LTI 1.3.0"),
    "unknown message type": (
        lambda p, n: p.sign(p.claims(n, **{c.MESSAGE_TYPE: "LtiSubmissionReviewRequest"})),
        "not supported",
    ),
    "no sub": (lambda p, n: p.sign(p.claims(n, sub=None)), "does not say who you are"),
    "no resource link": (lambda p, n: p.sign(p.claims(n, **{c.RESOURCE_LINK: None})), "resource link"),
    "no roles": (lambda p, n: p.sign(p.claims(n, **{c.ROLES: None})), "roles"),
    "a learner's token edited to claim a teacher's role": (
        lambda p, n: tampered(p, n, **{c.ROLES: [INSTRUCTOR]}),
        "signature is wrong",
    ),
    "a learner asking to add activities": (
        lambda p, n: p.sign(p.claims(n, message=c.DEEP_LINKING_REQUEST, roles=[LEARNER])),
        "Only the course's teachers",
    ),
    "not a token": (lambda p, n: "not-a-jwt", "not a signed token"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_bad_launch_is_refused_and_creates_nothing(case, course_opened, client, platform):
    make_token, words = BAD[case]
    before = counts()
    response = platform.launch(client, lambda nonce: make_token(platform, nonce))
    assert 400 <= response.status_code < 500, response.status_code
    assert words in html.unescape(response.content.decode())
    assert counts() == before
    assert "_auth_user_id" not in client.session


def test_a_launch_posted_twice_is_refused_the_second_time(content, course_opened, client, platform):
    _response, state, nonce = platform.login(client)
    token = platform.sign(platform.claims(nonce))
    assert client.post("/lti/launch/", {"id_token": token, "state": state}).status_code == 302
    before = counts()
    replay = client.post("/lti/launch/", {"id_token": token, "state": state})
    assert replay.status_code == 400 and "unknown or has expired" in replay.content.decode()
    assert counts() == before


def test_a_nonce_is_spent_even_if_its_state_were_drawn_again(content, course_opened, client, platform):
    # A second state record carrying a spent nonce (a replayed token on a forged login): refused.
    from django.core.cache import cache

    _response, state, nonce = platform.login(client)
    token = platform.sign(platform.claims(nonce))
    assert client.post("/lti/launch/", {"id_token": token, "state": state}).status_code == 302
    cache.set("lti:state:forged", {"platform": platform.registration.pk, "nonce": nonce}, 60)
    client.cookies["lti1p3-state"] = "forged"
    before = counts()
    replay = client.post("/lti/launch/", {"id_token": token, "state": "forged"})
    assert replay.status_code == 400 and "used already" in replay.content.decode()
    assert counts() == before


def test_a_wrong_state_is_refused(course_opened, client, platform):
    before = counts()
    response = platform.launch(client, state="made-up-state")
    assert response.status_code == 400 and "unknown or has expired" in response.content.decode()
    assert counts() == before


def test_a_state_that_is_not_this_browsers_is_refused(course_opened, client, platform):
    _response, state, nonce = platform.login(client)
    client.cookies["lti1p3-state"] = "another-browsers-state"
    before = counts()
    response = client.post("/lti/launch/", {"id_token": platform.sign(platform.claims(nonce)), "state": state})
    assert response.status_code == 400 and "refused this launch's cookie" in html.unescape(response.content.decode())
    assert counts() == before
