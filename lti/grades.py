"""Grades back to the platform (LTI AGS) through a durable outbox.

A submitted attempt at an LTI assignment writes an ``OutgoingScore`` row and enqueues its send in
the submit's own transaction (django-tasks' database backend): no submit without its score, no
score without its send. The send runs in the worker. A timeout, a refused connection or a 5xx is
tried again later with a growing delay (django-tasks has no retries of its own: the task enqueues
itself again with a later ``run_after``); a 4xx is recorded, shown to the teacher, and not tried
again. A learner's scores reach the platform in the order of their timestamps, each later than the
one before (Moodle refuses one that is not).
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from . import claims as c
from . import http, lineitems, tokens
from .models import LtiUser, OutgoingScore, Problem, ResourceLink, ScoreStatus

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
FIRST_DELAY = datetime.timedelta(seconds=30)
LONGEST_DELAY = datetime.timedelta(hours=1)
CLAIM = datetime.timedelta(minutes=2)  # longer than an HTTP call's timeouts
STEP = datetime.timedelta(milliseconds=1)


def backoff(tries):
    return min(FIRST_DELAY * 2 ** max(tries - 1, 0), LONGEST_DELAY)


def queue_score_for(sender, attempt, **kwargs):
    """attempt_submitted's receiver: the score row and its send, in the submit's transaction."""
    link = ResourceLink.objects.select_related("course").filter(assignment_id=attempt.assignment_id).first()
    if link is None or not (link.lineitem_url or link.lineitems_url):  # no column, and none can be made
        return
    learner = LtiUser.objects.filter(user_id=attempt.user_id, platform_id=link.course.platform_id).first()
    if learner is None:
        return
    last = OutgoingScore.objects.filter(resource_link=link, sub=learner.sub).aggregate(last=Max("timestamp"))["last"]
    stamp = attempt.submitted_at if last is None else max(attempt.submitted_at, last + STEP)
    score = OutgoingScore.objects.create(
        resource_link=link,
        attempt=attempt,
        sub=learner.sub,
        score_given=attempt.score or 0,
        score_maximum=attempt.max_score or 1,
        timestamp=stamp,
    )
    send_score.enqueue(score.pk)


def score_body(score):
    return {
        "userId": score.sub,
        "scoreGiven": score.score_given,
        "scoreMaximum": score.score_maximum,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": score.timestamp.isoformat(timespec="milliseconds"),
    }


def scores_url(lineitem_url):
    """The line item's scores endpoint: '/scores' after its path, its query string kept."""
    path, sep, query = lineitem_url.partition("?")
    return f"{path.rstrip('/')}/scores{sep}{query}"


def _claim(score, now):
    """Take the row for this sender; False if it is sent, refused, or another sender holds it."""
    claimed = OutgoingScore.objects.filter(pk=score.pk, status=ScoreStatus.WAITING).exclude(claimed_until__gt=now)
    return claimed.update(claimed_until=now + CLAIM) == 1


def _earlier_waiting(score):
    return (
        OutgoingScore.objects.filter(
            resource_link_id=score.resource_link_id,
            sub=score.sub,
            status=ScoreStatus.WAITING,
            timestamp__lt=score.timestamp,
        )
        .order_by("timestamp")
        .first()
    )


def _try_later(score, now, error):
    score.tries += 1
    score.next_try_at = now + backoff(score.tries)
    problem = getattr(error, "problem", Problem.COLUMN_BUSY)  # (lineitems.Busy has no answer)
    OutgoingScore.objects.filter(pk=score.pk).update(
        tries=score.tries,
        next_try_at=score.next_try_at,
        claimed_until=None,
        last_error=str(error)[:500],
        problem=problem,
    )
    send_score.using(run_after=score.next_try_at).enqueue(score.pk)


@task()
def send_score(score_id):
    """Post one score to its line item; returns its status afterwards."""
    score = (
        OutgoingScore.objects.select_related("resource_link__course__platform", "resource_link__assignment")
        .filter(pk=score_id)
        .first()
    )
    now = timezone.now()
    if score is None or not _claim(score, now):
        return score and score.status
    link, platform = score.resource_link, score.resource_link.course.platform
    had_column, making_column = bool(link.lineitem_url), True
    try:
        # A link launched without a column gets it first (made at its launch, unless that failed).
        lineitems.obtain(link, now)
        if not had_column:
            queue_waiting_scores(link.pk, now)  # this send made it: the scores that waited for it go too
        making_column = False
        earlier = _earlier_waiting(score)  # (after the column: one waiting for it goes once this send made it)
        if earlier is not None:  # the learner's older score goes first
            with transaction.atomic():
                OutgoingScore.objects.filter(pk=score.pk).update(claimed_until=None)
                send_score.using(run_after=max(earlier.next_try_at or now, now) + STEP).enqueue(score.pk)
            return ScoreStatus.WAITING
        token = tokens.access_token(platform, c.SCOPE_SCORE)
        http.call(
            "POST",
            scores_url(link.lineitem_url),
            json=score_body(score),
            headers={"Authorization": f"Bearer {token}", "Content-Type": SCORE_TYPE},
        )
    except (http.PlatformUnreachable, lineitems.Busy) as error:
        with transaction.atomic():
            _try_later(score, now, error)
        return ScoreStatus.WAITING
    except http.PlatformRefused as error:
        if error.status == 401 and score.tries < 3:
            if not making_column:  # (lineitems.obtain forgets its own token)
                tokens.forget(platform, c.SCOPE_SCORE)  # an expired token: a new one next time
            with transaction.atomic():
                _try_later(score, now, error)
            return ScoreStatus.WAITING
        if making_column:
            _wait_for_column(score, error)
            return ScoreStatus.WAITING
        OutgoingScore.objects.filter(pk=score.pk).update(
            status=ScoreStatus.REFUSED,
            tries=score.tries + 1,
            claimed_until=None,
            last_error=str(error)[:500],
            problem=error.problem,
        )
        return ScoreStatus.REFUSED
    OutgoingScore.objects.filter(pk=score.pk).update(
        status=ScoreStatus.SENT,
        tries=score.tries + 1,
        claimed_until=None,
        sent_at=timezone.now(),
        last_error="",
        problem="",
    )
    return ScoreStatus.SENT


def _wait_for_column(score, error):
    """The platform refused to make the score's column: the score waits, queued again only once the column is
    made (by the next score's send, or the teacher's "Ask again"), not tried again and again meanwhile."""
    with transaction.atomic():
        OutgoingScore.objects.filter(pk=score.pk).update(
            tries=score.tries + 1,
            next_try_at=None,
            claimed_until=None,
            last_error=str(error)[:500],
            problem=Problem.NO_COLUMN,
        )
        # Made by another worker between our try and now: it could not queue this score (we held it).
        if ResourceLink.objects.filter(pk=score.resource_link_id).exclude(lineitem_url="").exists():
            send_score.enqueue(score.pk)


def queue_waiting_scores(link_id, now):
    """The link's column was just made: queue the sends of its scores that waited for it (and of any refused
    earlier, which only the column could have refused: a score is posted to its column). Returns how many."""
    with transaction.atomic():
        scores = OutgoingScore.objects.filter(resource_link_id=link_id)
        scores.filter(status=ScoreStatus.REFUSED).update(status=ScoreStatus.WAITING, next_try_at=None)
        waiting = list(
            scores.filter(status=ScoreStatus.WAITING).exclude(claimed_until__gt=now).values_list("pk", flat=True)
        )
        for pk in waiting:
            send_score.enqueue(pk)
    return len(waiting)


# A column that failed for an outage is tried again this many times on its own; after that (or after a
# 4xx) the next score's send or the teacher's "Ask again" (lti/views.make_lineitem) tries again.
LINEITEM_TRIES = 8


@task()
def create_lineitem(link_id, tries=0):
    """Make the gradebook column of a link launched without one (lti/lineitems.py); returns its URL or ""."""
    link = ResourceLink.objects.select_related("course__platform", "assignment").filter(pk=link_id).first()
    if link is None or link.lineitem_url or not link.lineitems_url:
        return link.lineitem_url if link else ""
    now = timezone.now()
    try:
        url = lineitems.obtain(link, now)
    except lineitems.Busy:
        return ""  # the worker holding it finishes, or fails and schedules its own retry
    except http.PlatformUnreachable:
        if tries + 1 < LINEITEM_TRIES:
            create_lineitem.using(run_after=now + backoff(tries + 1)).enqueue(link_id, tries + 1)
        return ""
    except http.PlatformRefused:
        return ""  # kept on the link and shown to the teacher
    queue_waiting_scores(link.pk, now)
    return url
