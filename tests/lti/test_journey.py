"""End to end through the test client: login, deep linking, a learner's launch and submit, the score posted."""

import html
import re

import jwt
from django.test import Client

from lti import claims as c
from lti.models import OutgoingScore, ScoreStatus
from quizzes.models import Attempt

from .conftest import INSTRUCTOR, LEARNER, LINEITEM, run_score_tasks


def chosen_items(client, platform, slugs):
    """A teacher's deep-linking launch, the chooser, and the signed answer the platform gets back."""
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], message=c.DEEP_LINKING_REQUEST)
    assert response.status_code == 302 and "/lti/deep-link/" in response["Location"]
    chooser = client.get(response["Location"])
    assert chooser.status_code == 200 and 'value="ofisi-tani"' in chooser.content.decode()
    answer = client.post(response["Location"], {"quiz": slugs})
    page = html.unescape(answer.content.decode())
    assert 'action="https://moodle.school.test/mod/lti/contentitem_return.php"' in page
    assert "form-action 'self' https://moodle.school.test" in answer["Content-Security-Policy"]
    token = re.search(r'name="JWT" value="([^"]+)"', page).group(1)
    published = Client().get("/.well-known/jwks.json").json()["keys"]
    jwk = next(k for k in published if k["kid"] == jwt.get_unverified_header(token)["kid"])
    return jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["RS256"], audience="https://moodle.school.test")


def test_a_teacher_adds_quizzes_with_gradebook_columns_through_deep_linking(content, client, platform):
    claims = chosen_items(client, platform, ["ofisi-tani", "terimler"])
    assert claims["iss"] == "ddo-client-1"
    assert claims[c.MESSAGE_TYPE] == "LtiDeepLinkingResponse" and claims[c.VERSION] == "1.3.0"
    assert claims[c.DEPLOYMENT_ID] == "deployment-1" and claims[c.DL_DATA] == "opaque-data"
    items = claims[c.DL_CONTENT_ITEMS]
    assert [i["type"] for i in items] == ["ltiResourceLink", "ltiResourceLink"]
    assert sorted(i["custom"]["ddo_quiz"] for i in items) == ["ofisi-tani", "terimler"]
    assert all(i["lineItem"]["scoreMaximum"] == 100 and i["url"].endswith("/lti/launch/") for i in items)


def test_the_chooser_refuses_an_empty_choice_and_other_users(content, client, platform):
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], message=c.DEEP_LINKING_REQUEST)
    assert client.post(response["Location"], {}).status_code == 400
    assert Client().get(response["Location"]).status_code == 404


def test_login_deep_link_launch_submit_and_the_score_reaches_the_gradebook(content, client, platform):
    items = chosen_items(client, platform, ["ofisi-tani"])[c.DL_CONTENT_ITEMS]
    learner = Client()
    # The platform made a resource link from the item: its launch carries the item's custom parameters.
    response = platform.launch(learner, sub="learner-1", roles=[LEARNER], **{c.CUSTOM: items[0]["custom"]})
    attempt = Attempt.objects.get(user__lti_link__sub="learner-1")
    assert response["Location"].endswith(f"/attempts/{attempt.public_id}/")
    answers = {f"q-{i}": "0" for i in range(len(attempt.questions))}
    submitted = learner.post(f"/tr/attempts/{attempt.public_id}/answers/", {"action": "submit", **answers})
    assert submitted.status_code == 302
    attempt.refresh_from_db()
    assert OutgoingScore.objects.get().status == ScoreStatus.WAITING  # written with the submit, sent by the worker
    assert platform.scores == []
    assert run_score_tasks() == 1
    (url, body) = platform.scores[0]
    assert url == LINEITEM.replace("?", "/scores?")
    assert body["userId"] == "learner-1" and body["scoreGiven"] == attempt.score
    assert body["scoreMaximum"] == attempt.max_score
    assert body["activityProgress"] == "Completed" and body["gradingProgress"] == "FullyGraded"
    assert platform.stored[(url.split("/scores")[0], "learner-1")][1] == attempt.score
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT


def test_a_teacher_adds_a_quiz_of_their_own_settings_and_its_launch_makes_that_assignment(content, client, platform):
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], message=c.DEEP_LINKING_REQUEST)
    answer = client.post(response["Location"], {"topic": "timeline", "length": "7", "difficulty": "hard"})
    token = re.search(r'name="JWT" value="([^"]+)"', html.unescape(answer.content.decode())).group(1)
    (item,) = jwt.decode(token, options={"verify_signature": False})[c.DL_CONTENT_ITEMS]
    assert item["custom"] == {"ddo_topic": "timeline", "ddo_length": "7", "ddo_difficulty": "hard"}
    assert item["lineItem"]["scoreMaximum"] == 100
    learner = Client()
    platform.launch(learner, sub="learner-1", roles=[LEARNER], **{c.CUSTOM: item["custom"]})
    attempt = Attempt.objects.get(user__lti_link__sub="learner-1")
    assignment = attempt.assignment
    assert (assignment.topic, assignment.length, assignment.difficulty) == ("timeline", 7, "hard")
    assert len(attempt.questions) == 7


def test_settings_outside_the_allowed_ones_are_refused(content, client, platform):
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], message=c.DEEP_LINKING_REQUEST)
    assert (
        client.post(response["Location"], {"topic": "timeline", "length": "500", "difficulty": "any"}).status_code
        == 400
    )
    client.logout()
    launch = platform.launch(
        client, sub="learner-1", roles=[LEARNER], **{c.CUSTOM: {"ddo_topic": "x", "ddo_length": "7"}}
    )
    assert launch.status_code == 400 and not Attempt.objects.exists()
