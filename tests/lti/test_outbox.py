"""The grade outbox: retries with backoff through outages, refusals shown to the teacher, Moodle's order."""

import datetime
import html

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lti import grades
from lti.models import Course, LtiUser, OutgoingScore, ResourceLink, ScoreStatus
from quizzes.models import Attempt
from quizzes.services import deadlines
from quizzes.services.attempts import submit_attempt
from quizzes.services.classes import start_assignment
from tests.factories import make_assignment, make_classroom, make_teacher, make_user

from .conftest import LINEITEM, LINEITEMS, run_score_tasks


@pytest.fixture
def lti_class(content, platform):
    """A course launched before: its class, one LTI assignment, and ``make_learners(n)``."""
    teacher = make_teacher()
    classroom = make_classroom(teacher)
    course = Course.objects.create(platform=platform.registration, context_id="course-42", classroom=classroom)
    assignment = make_assignment(classroom, max_attempts=3)
    link = ResourceLink.objects.create(
        course=course, resource_link_id="link-1", assignment=assignment, lineitem_url=LINEITEM
    )

    def make_learners(count):
        learners = []
        for number in range(count):
            user = make_user(f"learner{number}")
            LtiUser.objects.create(platform=platform.registration, sub=f"sub-{number}", user=user)
            classroom.memberships.create(student=user)
            learners.append(user)
        return learners

    return {"teacher": teacher, "course": course, "link": link, "assignment": assignment, "learners": make_learners}


def submit(user, assignment):
    attempt, _new = start_assignment(user, assignment.pk, timezone.now())
    assert submit_attempt(attempt)
    attempt.refresh_from_db()
    return attempt


def run_until_empty(limit=50):
    rounds = 0
    while run_score_tasks():
        rounds += 1
        assert rounds < limit
    return rounds


def test_a_platform_failing_half_its_requests_then_recovering_gets_every_score_exactly_once(lti_class, platform):
    learners = lti_class["learners"](20)
    # Outages of every kind, on every other request, for the first 40 requests: then it recovers.
    platform.answers = iter([503, 200, "timeout", 200, 502, 200, 500, 200] * 5)
    attempts = [submit(user, lti_class["assignment"]) for user in learners]
    rounds = run_until_empty()
    received = sorted(body["userId"] for _url, body in platform.scores)
    assert received == sorted(f"sub-{n}" for n in range(20))  # each exactly once
    assert {s.status for s in OutgoingScore.objects.all()} == {ScoreStatus.SENT}
    assert {body["scoreGiven"] for _url, body in platform.scores} == {a.score for a in attempts}
    assert rounds >= 2 and OutgoingScore.objects.filter(tries__gt=1).count() >= 10


def test_a_failed_send_is_tried_again_later_with_a_growing_delay(lti_class, platform):
    (learner,) = lti_class["learners"](1)
    platform.answers = iter([503, 503, 503])
    submit(learner, lti_class["assignment"])
    delays = []
    for _round in range(3):
        before = timezone.now()
        run_score_tasks()
        row = DBTaskResult.objects.get(task_path=grades.send_score.module_path, status="READY")
        delays.append((row.run_after - before).total_seconds())
    assert [round(d / 30) for d in delays] == [1, 2, 4]  # 30 s, 1 min, 2 min
    score = OutgoingScore.objects.get()
    assert score.tries == 3 and "503" in score.last_error and score.status == ScoreStatus.WAITING
    run_score_tasks()
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT


def test_a_refused_score_is_not_retried_and_the_teacher_sees_it_and_can_send_it_again(lti_class, platform, client):
    (learner,) = lti_class["learners"](1)
    platform.answers = iter([422])
    submit(learner, lti_class["assignment"])
    assert run_until_empty() == 1  # tried once; no retry queued
    score = OutgoingScore.objects.get()
    assert score.status == ScoreStatus.REFUSED and score.last_error.startswith("422")
    client.force_login(lti_class["teacher"])
    page = html.unescape(client.get(f"/en/lti/courses/{lti_class['course'].pk}/").content.decode())
    assert "refused by the platform" in page and "platform trouble" in page
    client.post(f"/en/lti/courses/{lti_class['course'].pk}/scores/{score.pk}/resend/")
    run_until_empty()
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT and len(platform.scores) == 1


def test_another_teacher_cannot_see_the_course_page(lti_class, client):
    client.force_login(make_teacher("baska"))
    assert client.get(f"/en/lti/courses/{lti_class['course'].pk}/").status_code == 404


def test_a_learners_scores_reach_moodle_in_order_even_when_the_first_was_held_up(lti_class, platform):
    (learner,) = lti_class["learners"](1)
    platform.answers = iter([503])  # the first attempt's score meets an outage
    first = submit(learner, lti_class["assignment"])
    second = submit(learner, lti_class["assignment"])
    run_until_empty()
    bodies = [body for _url, body in platform.scores]
    assert [b["scoreGiven"] for b in bodies] == [first.score, second.score]
    assert bodies[0]["timestamp"] < bodies[1]["timestamp"]  # Moodle refuses one not later than the last
    assert {s.status for s in OutgoingScore.objects.all()} == {ScoreStatus.SENT}


def test_timestamps_always_increase_even_for_attempts_submitted_at_the_same_instant(lti_class, platform, monkeypatch):
    (learner,) = lti_class["learners"](1)
    instant = timezone.now()
    monkeypatch.setattr("quizzes.services.attempts.timezone.now", lambda: instant)
    first, second = submit(learner, lti_class["assignment"]), submit(learner, lti_class["assignment"])
    assert first.submitted_at == second.submitted_at == instant
    stamps = list(OutgoingScore.objects.order_by("pk").values_list("timestamp", flat=True))
    assert stamps[0] == instant and stamps[1] > stamps[0]
    run_until_empty()
    assert len(platform.scores) == 2  # Moodle took both


def test_the_deadline_closing_an_attempt_sends_its_score(lti_class, platform):
    (learner,) = lti_class["learners"](1)
    assignment = lti_class["assignment"]
    assignment.time_limit = 1
    assignment.save()
    attempt, _new = start_assignment(learner, assignment.pk, timezone.now())
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=5))
    assert deadlines.close_attempt.call(attempt.pk)
    run_until_empty()
    assert [body["userId"] for _url, body in platform.scores] == ["sub-0"]


def test_attempts_outside_lti_send_nothing(content, student):
    from quizzes.owners import Owner
    from quizzes.services.attempts import start_attempt

    attempt = start_attempt(Owner(user=student), topic="departments", length=3)
    submit_attempt(attempt)
    assert (
        not OutgoingScore.objects.exists()
        and not DBTaskResult.objects.filter(task_path=grades.send_score.module_path).exists()
    )


def test_scores_that_waited_for_a_refused_column_go_in_order_once_a_later_score_makes_it(lti_class, platform):
    ResourceLink.objects.filter(pk=lti_class["link"].pk).update(lineitem_url="", lineitems_url=LINEITEMS)
    (learner,) = lti_class["learners"](1)
    platform.lineitem_answers = iter([403, 403])  # the column is refused twice, then made
    attempts = [submit(learner, lti_class["assignment"])]
    run_until_empty()
    attempts.append(submit(learner, lti_class["assignment"]))
    run_until_empty()
    assert [s.status for s in OutgoingScore.objects.all()] == [ScoreStatus.WAITING] * 2 and not platform.scores
    attempts.append(submit(learner, lti_class["assignment"]))  # its send makes the column: all three go
    run_until_empty()
    assert [body["scoreGiven"] for _url, body in platform.scores] == [a.score for a in attempts]
    assert {s.status for s in OutgoingScore.objects.all()} == {ScoreStatus.SENT} and len(platform.lineitem_posts) == 1
