"""A fake learning platform: its RSA keys (made once per session with cryptography), id_tokens signed
with PyJWT, and its key set, token, score and membership endpoints mocked with ``responses``."""

import json
import re
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
import responses
from cryptography.hazmat.primitives.asymmetric import rsa
from django_tasks_db.models import DBTaskResult

from lti import claims as c
from lti import grades, keys
from lti.models import Platform

ISSUER = "https://moodle.school.test"
CLIENT_ID = "ddo-client-1"
DEPLOYMENT = "deployment-1"
TOKEN_URL = ISSUER + "/mod/lti/token.php"
JWKS_URL = ISSUER + "/mod/lti/certs.php"
AUTH_URL = ISSUER + "/mod/lti/auth.php"
LINEITEMS = ISSUER + "/mod/lti/services.php/2/lineitems?type_id=1"
LINEITEM = ISSUER + "/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1"
MEMBERSHIPS = ISSUER + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships"
TARGET = "https://ddo.example/lti/launch/"

FILTERS = {"resource_link_id": "resourceLinkId", "tag": "tag", "resource_id": "resourceId"}

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def _rsa():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def rsa_keys():
    """Platform keys (two, for rotation), a stranger's key, and two tool keys: made once per session."""
    return {
        "platform": _rsa(),
        "rotated": _rsa(),
        "stranger": _rsa(),
        "tool": [keys.new_private_pem() for _ in range(3)],
    }


@pytest.fixture(autouse=True)
def _english(client):
    # The platform endpoints have no language prefix: the browser's language chooses (English here).
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _tool_keys(rsa_keys, monkeypatch):
    pems = iter(rsa_keys["tool"] * 10)
    monkeypatch.setattr(keys, "new_private_pem", lambda: next(pems))


def public_jwk(private_key, kid):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key()))
    return {**jwk, "kid": kid, "alg": "RS256", "use": "sig"}


class FakePlatform:
    """The platform side of LTI 1.3, driving the tool through the Django test client."""

    def __init__(self, registration, rsa_keys, mock):
        self.registration = registration
        self.key, self.kid = rsa_keys["platform"], "platform-key-1"
        self.rsa_keys = rsa_keys
        self.mock = mock
        self.published = {self.kid: self.key}
        self.jwks_calls = 0
        self.scores = []  # (url, body) the platform accepted
        self.stored = {}  # (line item, user) -> (timestamp, scoreGiven): the gradebook, as Moodle keeps it
        self.answers = iter(())  # status codes to answer score posts with before accepting (5xx: an outage)
        self.scopes = []  # the scopes of the access tokens asked for
        self.lineitems = {}  # the line items service: id -> line item
        self.lineitem_searches = []  # the URL of every GET of it
        self.lineitem_posts = []  # (url, content type, body) of every POST to it
        self.lineitem_answers = iter(())  # status codes to answer line item posts with before accepting
        self.while_posting = None  # called in the middle of a line item POST (another worker overlapping)
        mock.add_callback(responses.GET, JWKS_URL, callback=self._jwks)
        mock.add_callback(responses.POST, TOKEN_URL, callback=self._token)
        mock.add_callback(responses.POST, re.compile(r".*/scores(\?.*)?$"), callback=self._score)
        mock.add_callback(responses.GET, re.compile(r".*/lineitems(\?.*)?$"), callback=self._list_lineitems)
        mock.add_callback(responses.POST, re.compile(r".*/lineitems(\?.*)?$"), callback=self._make_lineitem)

    def _jwks(self, request):
        self.jwks_calls += 1
        return 200, {}, json.dumps({"keys": [public_jwk(k, kid) for kid, k in self.published.items()]})

    def _token(self, request):
        form = parse_qs(request.body)
        assertion = form["client_assertion"][0]
        header = jwt.get_unverified_header(assertion)
        tool_jwk = next(k for k in keys.key_set()["keys"] if k["kid"] == header["kid"])
        jwt.decode(assertion, jwt.PyJWK(tool_jwk).key, algorithms=["RS256"], audience=TOKEN_URL)
        self.scopes.append(form["scope"][0])
        return 200, {}, json.dumps({"access_token": "token-" + uuid.uuid4().hex, "expires_in": 3600})

    def _score(self, request):
        """Moodle's score service: a timestamp not later than the stored one is refused (400), and
        scoreGiven is kept only when gradingProgress is FullyGraded."""
        status = next(self.answers, 200)
        if status == "timeout":
            raise requests.exceptions.ReadTimeout("the platform did not answer in time")
        if status != 200:
            return status, {}, "platform trouble"
        if request.headers["Content-Type"] != grades.SCORE_TYPE or not request.headers["Authorization"].startswith(
            "Bearer token-"
        ):
            return 415, {}, "wrong content type or no token"
        body = json.loads(request.body)
        key = (request.url.split("/scores")[0], body["userId"])
        if key in self.stored and body["timestamp"] <= self.stored[key][0]:
            return 400, {}, "This score is older than the one already stored"
        given = body.get("scoreGiven") if body.get("gradingProgress") == "FullyGraded" else None
        self.stored[key] = (body["timestamp"], given)
        self.scores.append((request.url, body))
        return 200, {}, ""

    def _list_lineitems(self, request):
        """GET line items, filtered by resource_link_id and tag as AGS defines (Moodle's query kept)."""
        self.lineitem_searches.append(request.url)
        query = parse_qs(urlsplit(request.url).query)
        found = [
            item
            for item in self.lineitems.values()
            if all(item.get(name) == query[key][0] for key, name in FILTERS.items() if key in query)
        ]
        return 200, {"Content-Type": "application/vnd.ims.lis.v2.lineitemcontainer+json"}, json.dumps(found)

    def _make_lineitem(self, request):
        status = next(self.lineitem_answers, 201)
        if status != 201:
            return status, {}, "the gradebook is locked"
        body = json.loads(request.body)
        self.lineitem_posts.append((request.url, request.headers["Content-Type"], body))
        if self.while_posting:
            overlapping, self.while_posting = self.while_posting, None
            overlapping()
        item = {**body, "id": f"{ISSUER}/mod/lti/services.php/2/lineitems/{len(self.lineitems) + 8}/lineitem?type_id=1"}
        self.lineitems[item["id"]] = item
        return 201, {"Content-Type": "application/vnd.ims.lis.v2.lineitem+json"}, json.dumps(item)

    def rotate(self, kid="platform-key-2"):
        """The platform's next key (Brightspace does this hourly); the old one leaves its key set."""
        self.published = {kid: self.rsa_keys["rotated"]}
        self.key, self.kid = self.rsa_keys["rotated"], kid

    def claims(self, nonce, *, sub="learner-1", roles=(LEARNER,), message=c.RESOURCE_LINK_REQUEST, **extra):
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "given_name": "Ayşe",
            "family_name": "Yılmaz",
            c.VERSION: "1.3.0",
            c.MESSAGE_TYPE: message,
            c.DEPLOYMENT_ID: DEPLOYMENT,
            c.ROLES: list(roles),
            c.TARGET_LINK_URI: TARGET,
            c.CONTEXT: {"id": "course-42", "label": "DDO101", "title": "Dijital Dönüşüm"},
            c.NRPS: {"context_memberships_url": MEMBERSHIPS, "service_versions": ["2.0"]},
            c.AGS_ENDPOINT: {"scope": [c.SCOPE_SCORE, c.SCOPE_LINEITEM], "lineitems": LINEITEMS},
        }
        if message == c.RESOURCE_LINK_REQUEST:
            payload[c.RESOURCE_LINK] = {"id": "link-1"}
            payload[c.AGS_ENDPOINT]["lineitem"] = LINEITEM
            payload[c.CUSTOM] = {"ddo_quiz": "ofisi-tani"}
        else:
            payload[c.DL_SETTINGS] = {
                "deep_link_return_url": ISSUER + "/mod/lti/contentitem_return.php",
                "accept_types": ["ltiResourceLink"],
                "accept_multiple": True,
                "data": "opaque-data",
            }
        payload.update(extra)
        return {k: v for k, v in payload.items() if v is not None}

    def sign(self, payload, key=None, kid="default"):
        headers = {} if kid is None else {"kid": self.kid if kid == "default" else kid}
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers=headers)

    def login(self, client, **extra):
        """The OIDC login initiation; returns (response, state, nonce) from the redirect to our auth URL."""
        params = {"iss": ISSUER, "login_hint": "hint", "target_link_uri": TARGET, "client_id": CLIENT_ID, **extra}
        response = client.post("/lti/login/", params)
        if response.status_code != 302:
            return response, None, None
        query = parse_qs(urlsplit(response["Location"]).query)
        return response, query["state"][0], query["nonce"][0]

    def launch(self, client, token=None, *, state=None, **claim_changes):
        """A whole launch: login, then the id_token posted back (``token(nonce)`` makes a custom one)."""
        _response, login_state, nonce = self.login(client)
        if token is None:
            token = self.sign(self.claims(nonce, **claim_changes))
        elif callable(token):
            token = token(nonce)
        return client.post("/lti/launch/", {"id_token": token, "state": state or login_state})


def run_score_tasks(task=None):
    """Run every queued score send (or ``task``) once, as the worker would when its time comes; returns how many ran."""
    task = task or grades.send_score
    rows = list(DBTaskResult.objects.filter(task_path=task.module_path, status="READY"))
    for row in rows:
        row.delete()
        task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    return len(rows)


@pytest.fixture
def named_quizzes(db):
    """The named quizzes alone (launches that never start an attempt need no content: faster)."""
    from django.core.management import call_command

    call_command("loaddata", "quizzes", verbosity=0)


@pytest.fixture
def registration(db):
    return Platform.objects.create(
        name="Okul Moodle",
        issuer=ISSUER,
        client_id=CLIENT_ID,
        deployment_ids=[DEPLOYMENT],
        auth_login_url=AUTH_URL,
        auth_token_url=TOKEN_URL,
        key_set_url=JWKS_URL,
    )


@pytest.fixture
def mock():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        yield mocked


@pytest.fixture
def platform(registration, rsa_keys, mock):
    return FakePlatform(registration, rsa_keys, mock)
