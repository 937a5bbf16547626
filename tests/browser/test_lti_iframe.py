"""An LTI launch in Chromium, inside an iframe of a course page on another origin (the fake platform, a
small HTTP server): OIDC login, the platform's auto-posted id_token, the quiz in the frame, the submit,
and the score at the platform's gradebook endpoint."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from lti import claims as c
from lti.models import Course, LtiUser, Platform
from quizzes.models import Attempt
from tests.factories import make_classroom, make_teacher
from tests.lti.conftest import LEARNER, public_jwk, run_score_tasks

from .test_student_journey import answer_everything

PORTS = range(18250, 18300)  # this project's servers stay in 18200-18299


class FakePlatformServer:
    """A course page framing the tool, the OIDC authorisation endpoint, the key set, token and scores."""

    def __init__(self, tool_url):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.tool_url = tool_url
        self.scores = []
        handler = self._handler()
        for port in PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
                break
            except OSError:
                continue
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def id_token(self, nonce):
        now = int(time.time())
        claims = {
            "iss": self.origin,
            "aud": "iframe-client",
            "sub": "learner-7",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "given_name": "Zeynep",
            c.VERSION: "1.3.0",
            c.MESSAGE_TYPE: c.RESOURCE_LINK_REQUEST,
            c.DEPLOYMENT_ID: "d1",
            c.ROLES: [LEARNER],
            c.CONTEXT: {"id": "course-1", "title": "Dijital Dönüşüm"},
            c.RESOURCE_LINK: {"id": "link-1"},
            c.CUSTOM: {"ddo_quiz": "ofisi-tani"},
            c.AGS_ENDPOINT: {"lineitem": f"{self.origin}/lineitems/1", "scope": [c.SCOPE_SCORE]},
        }
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "k1"})

    def _handler(self):
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, body, content_type="text/html; charset=utf-8"):
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/course":
                    login = (
                        platform.tool_url
                        + "/lti/login/?"
                        + urlencode(
                            {
                                "iss": platform.origin,
                                "login_hint": "learner-7",
                                "target_link_uri": platform.tool_url + "/lti/launch/",
                                "client_id": "iframe-client",
                            }
                        )
                    )
                    self.reply(f'<h1>Course</h1><iframe name="tool" src="{login}" width="1000" height="800"></iframe>')
                elif url.path == "/auth":  # the platform's side of OIDC: post the id_token back to the tool
                    fields = {"id_token": platform.id_token(query["nonce"]), "state": query["state"]}
                    inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
                    self.reply(
                        f'<form method="post" action="{query["redirect_uri"]}">{inputs}</form>'
                        "<script>document.forms[0].submit()</script>"
                    )
                elif url.path == "/jwks":
                    self.reply(json.dumps({"keys": [public_jwk(platform.key, "k1")]}), "application/json")

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                if self.path == "/token":
                    self.reply(json.dumps({"access_token": "t", "expires_in": 3600}), "application/json")
                elif self.path == "/lineitems/1/scores":
                    platform.scores.append((self.headers["Content-Type"], json.loads(body)))
                    self.reply("")

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def platform_server(site):
    # Nothing about cookies is configured: this Chromium blocks third-party cookies, and the tool's
    # partitioned cookies (lti/framing.py) are what keep the launch and the session inside the frame.
    server = FakePlatformServer(site)
    registration = Platform.objects.create(
        name="Fake",
        issuer=server.origin,
        client_id="iframe-client",
        deployment_ids=["d1"],
        auth_login_url=f"{server.origin}/auth",
        auth_token_url=f"{server.origin}/token",
        key_set_url=f"{server.origin}/jwks",
    )
    Course.objects.create(platform=registration, context_id="course-1", classroom=make_classroom(make_teacher()))
    yield server
    server.close()


def test_a_learner_launches_takes_and_submits_a_quiz_inside_the_platforms_iframe(page, platform_server):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{platform_server.origin}/course")
    frame = page.frame_locator("iframe[name=tool]")
    frame.locator("fieldset.question").first.wait_for()
    assert frame.locator("fieldset.question").count() == 5
    tool_frame = next(f for f in page.frames if "/attempts/" in f.url)
    answer_everything(tool_frame)
    frame.get_by_role("button", name="Gönder ve sonucumu gör").click()
    frame.locator("li.result").first.wait_for()
    attempt = Attempt.objects.get(user=LtiUser.objects.get(sub="learner-7").user)
    assert attempt.is_submitted
    assert run_score_tasks() == 1
    content_type, body = platform_server.scores[0]
    assert content_type == "application/vnd.ims.lis.v1.score+json"
    assert body["userId"] == "learner-7" and body["scoreGiven"] == attempt.score
