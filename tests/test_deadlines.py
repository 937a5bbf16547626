"""Closing timed attempts on the server at their deadline (quizzes/services/deadlines.py), below the worker:
the task enqueued at the start, what it does when it runs, and the sweep that catches a lost task."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quizzes import timing
from quizzes.models import Accommodation, Attempt, ReviewLog
from quizzes.owners import Owner
from quizzes.services import deadlines
from quizzes.services.attempts import save_answers, start_attempt, submit_attempt
from tests.factories import make_assignment, make_classroom
from tests.quiz_factories import make_quiz_attempt

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def expire(attempt, *, ago=MINUTE):
    """Put ``attempt``'s deadline (and its grace) ``ago`` in the past, as if its student had closed the page."""
    deadline = timezone.now() - timing.GRACE - ago
    Attempt.objects.filter(pk=attempt.pk).update(time_limit=600, deadline=deadline)
    attempt.refresh_from_db()
    return attempt


def closes_waiting(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY")


def test_starting_a_timed_attempt_enqueues_its_close_at_the_deadline_and_grace(teacher, student, content):
    classroom = make_classroom(teacher, [student])
    Accommodation.objects.create(classroom=classroom, student=student, time_percent=150)
    assignment = make_assignment(classroom, time_limit=20)
    attempt = start_attempt(Owner(user=student), topic="departments", length=5, assignment=assignment)
    (queued,) = closes_waiting(deadlines.close_attempt)
    assert queued.args_kwargs == {"args": [attempt.pk], "kwargs": {}}
    assert attempt.deadline - attempt.started_at > datetime.timedelta(minutes=29)  # 1.5 × 20 minutes
    assert attempt.deadline + timing.GRACE < queued.run_after <= attempt.deadline + timing.GRACE + MINUTE


def test_an_untimed_attempt_enqueues_nothing(student, content):
    start_attempt(Owner(user=student), topic="departments", length=5)
    assert not closes_waiting(deadlines.close_attempt).exists()


def test_the_close_submits_an_expired_attempt_with_the_answers_saved_before(student):
    attempt = make_quiz_attempt(student)
    save_answers(attempt, {0: "department:siber"}, "tr")
    expire(attempt)
    assert deadlines.close_attempt.call(attempt.pk) is True
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1.0
    assert attempt.answers.get(position=0).mark == 1.0


def test_closing_twice_records_once(student):
    attempt = expire(make_quiz_attempt(student))
    assert deadlines.close_attempt.call(attempt.pk) is True
    submitted_at = Attempt.objects.get(pk=attempt.pk).submitted_at
    assert deadlines.close_attempt.call(attempt.pk) is False
    assert Attempt.objects.get(pk=attempt.pk).submitted_at == submitted_at
    assert ReviewLog.objects.count() == 3  # one review per question, not two


def test_a_students_submit_before_the_close_records_once(student):
    attempt = make_quiz_attempt(student)
    save_answers(attempt, {0: "department:siber"}, "tr", submit=True)
    expire(attempt)
    assert deadlines.close_attempt.call(attempt.pk) is False
    assert ReviewLog.objects.count() == 3
    assert Attempt.objects.get(pk=attempt.pk).score == 1.0


def test_a_lengthened_timer_is_closed_at_its_new_deadline_not_before(student):
    attempt = make_quiz_attempt(student)
    later = timezone.now() + 5 * MINUTE
    Attempt.objects.filter(pk=attempt.pk).update(time_limit=600, deadline=later)
    assert deadlines.close_attempt.call(attempt.pk) is False
    assert not Attempt.objects.get(pk=attempt.pk).is_submitted
    (again,) = closes_waiting(deadlines.close_attempt)
    assert later + timing.GRACE < again.run_after <= later + timing.GRACE + MINUTE


def test_a_timer_switched_off_or_an_attempt_gone_is_left_alone(student):
    attempt = make_quiz_attempt(student)  # untimed: deadline None
    assert deadlines.close_attempt.call(attempt.pk) is False
    assert not Attempt.objects.get(pk=attempt.pk).is_submitted
    assert deadlines.close_attempt.call(attempt.pk + 1000) is False
    assert not closes_waiting(deadlines.close_attempt).exists()


def test_the_sweep_closes_every_expired_attempt_whose_task_was_lost(student, other_student):
    lost = [expire(make_quiz_attempt(student)), expire(make_quiz_attempt(other_student))]
    running = make_quiz_attempt(student)
    Attempt.objects.filter(pk=running.pk).update(time_limit=600, deadline=timezone.now() + MINUTE)
    DBTaskResult.objects.all().delete()  # the closing tasks were lost
    assert deadlines.sweep_expired_attempts.call() == 2
    assert all(Attempt.objects.get(pk=a.pk).is_submitted for a in lost)
    assert not Attempt.objects.get(pk=running.pk).is_submitted
    assert deadlines.sweep_expired_attempts.call() == 0


def test_the_sweep_comes_back_once_whoever_schedules_it(settings):
    settings.DEADLINE_SWEEP_SECONDS = 120
    before = timezone.now()
    deadlines.schedule_sweep()
    deadlines.schedule_sweep()  # a second worker starting
    deadlines.sweep_expired_attempts.call()
    (next_sweep,) = closes_waiting(deadlines.sweep_expired_attempts)
    assert next_sweep.run_after >= before


def test_the_sweep_schedules_its_next_run(settings):
    settings.DEADLINE_SWEEP_SECONDS = 120
    before = timezone.now()
    deadlines.sweep_expired_attempts.call()
    (next_sweep,) = closes_waiting(deadlines.sweep_expired_attempts)
    assert before + datetime.timedelta(seconds=120) <= next_sweep.run_after


def test_a_submitted_attempt_is_never_closed_again_by_the_sweep(student):
    attempt = make_quiz_attempt(student)
    assert submit_attempt(attempt) is True
    expire(attempt)
    assert deadlines.sweep_expired_attempts.call() == 0
    assert ReviewLog.objects.count() == 3


def test_the_sweep_deletes_old_successful_task_rows_and_keeps_failed_ones():
    old = timezone.now() - deadlines.KEEP_SUCCESSFUL - MINUTE
    for status in ("SUCCESSFUL", "FAILED"):
        deadlines.close_attempt.enqueue(0)
        DBTaskResult.objects.filter(status="READY").update(status=status, finished_at=old)
    deadlines.close_attempt.enqueue(0)
    DBTaskResult.objects.filter(status="READY").update(status="SUCCESSFUL", finished_at=timezone.now())
    deadlines.sweep_expired_attempts.call()
    assert sorted(DBTaskResult.objects.exclude(status="READY").values_list("status", flat=True)) == [
        "FAILED",
        "SUCCESSFUL",
    ]
