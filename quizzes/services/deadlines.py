"""Timed attempts closed on the server at their deadline, with nobody on the page (django-tasks).

A timed attempt enqueues its close when it starts, to run after its deadline and grace
(``timing.GRACE``): the task row is written in the attempt's own transaction (the database
backend), so an attempt never exists without its close. The worker (``manage.py run_worker``)
runs it then and submits the attempt with the answers saved before, through the same locked
submit the learner's page uses: closing twice, or a learner's submit meeting the close, records
once. A practice timer the learner lengthened is closed at its new deadline; one switched off,
never. A sweep every ``DEADLINE_SWEEP_SECONDS`` closes whatever a lost task left open (a worker
that died mid-task leaves its row "running" for ever), and deletes the rows of old successful tasks.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .. import timing
from ..models import Attempt
from .submission import submit_attempt

# A task runs once its time has passed; one second more keeps "after the grace" strict (timing.is_expired).
MARGIN = datetime.timedelta(seconds=1)
# At most this many attempts a sweep closes; the next sweep takes the rest.
SWEEP_BATCH = 500
# The sweep also deletes the rows of tasks that succeeded this long ago (failed ones stay, for admin).
KEEP_SUCCESSFUL = datetime.timedelta(days=14)


def schedule_close(attempt):
    """Enqueue the close of a timed attempt for after its deadline and grace (nothing for an untimed one)."""
    if attempt.deadline is not None:
        close_attempt.using(run_after=attempt.deadline + timing.GRACE + MARGIN).enqueue(attempt.pk)


@task()
def close_attempt(attempt_id):
    """Submit the attempt if its time ran out; True when this run closed it."""
    attempt = Attempt.objects.filter(pk=attempt_id, submitted_at__isnull=True).first()
    if attempt is None or attempt.deadline is None:
        return False  # submitted already, deleted, or its timer switched off
    if not timing.is_expired(attempt.deadline, timezone.now()):
        schedule_close(attempt)  # the learner lengthened their practice timer
        return False
    return submit_attempt(attempt)


def expired_attempts(now):
    """Open attempts whose deadline and grace have passed (the partial index attempt_open_deadline_idx)."""
    return Attempt.objects.filter(submitted_at__isnull=True, deadline__lt=now - timing.GRACE).order_by("deadline")


def _sweep_waiting():
    return DBTaskResult.objects.filter(task_path=sweep_expired_attempts.module_path, status="READY")


def schedule_sweep(delay=None):
    """Make sure one sweep is waiting (a worker starting, or a sweep ending, calls this)."""
    with transaction.atomic():
        if not _sweep_waiting().exists():
            run_after = timezone.now() + (delay or datetime.timedelta())
            sweep_expired_attempts.using(run_after=run_after).enqueue()


@task()
def sweep_expired_attempts():
    """Close every expired attempt still open (its task lost or late), prune old task rows, then come back;
    how many attempts it closed."""
    now = timezone.now()
    closed = sum(submit_attempt(attempt) for attempt in expired_attempts(now)[:SWEEP_BATCH])
    DBTaskResult.objects.successful().filter(finished_at__lt=now - KEEP_SUCCESSFUL).delete()
    schedule_sweep(datetime.timedelta(seconds=settings.DEADLINE_SWEEP_SECONDS))
    return closed
