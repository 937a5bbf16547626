"""What a learner does to an attempt: start it, save answers, submit it, keep it on signing up.

Each function does one thing a user asked for; views only check who is asking
and call these. Generation and grading stay pure (generation/, grading.py).
Writes to an attempt's answers hold the attempt's row (``select_for_update`` on
PostgreSQL; on SQLite every transaction takes the write lock when it begins, see
``transaction_mode`` in settings), so an autosave never slips in between the
answers a submit carries and their grading.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from .. import timing
from ..content import load_content
from ..generation import QuizSettings, generate_from_keys, generate_quiz
from ..models import ANY, PRACTICE, Answer, Attempt, accommodation_percent
from ..models.item_sums import claim_guest_answers
from . import deadlines, review
from .submission import AttemptClosed, SaveResult, TimeUp, save_answers, submit_attempt  # noqa: F401 (the callers' one door)


class TimerFixed(Exception):
    """This timer cannot change: an assignment's (the teacher gives extra time), none, or at its tenfold."""


class NoQuestions(Exception):
    """The content cannot produce any question for these settings."""


def new_seed():
    return secrets.randbits(31)


def _time_limit(owner, quiz, assignment):
    """The seconds a new attempt gets (None: untimed): the assignment's limit, stretched by the
    student's accommodation in that class (one query, only for a timed assignment), or the named quiz's."""
    if assignment is not None:
        if not assignment.time_limit or owner.user is None:
            return timing.limit_seconds(assignment.time_limit)
        return timing.limit_seconds(
            assignment.time_limit, accommodation_percent(assignment.classroom_id, owner.user.pk)
        )
    return timing.limit_seconds(quiz.time_limit if quiz is not None else None)


def _create_attempt(owner, questions, **fields):
    """A new attempt of ``owner`` on the frozen ``questions``; ``fields`` are the ``Attempt`` columns the
    caller chooses (topic, difficulty, length, seed, and quiz, assignment, number where they apply)."""
    if not questions:
        raise NoQuestions
    time_limit = _time_limit(owner, fields.get("quiz"), fields.get("assignment"))
    with transaction.atomic():
        attempt = Attempt.objects.create(
            **fields,
            user=owner.user,
            guest_key="" if owner.user is not None else owner.guest_key,
            questions=questions,
            max_score=float(len(questions)),
            time_limit=time_limit,
            # Fixed here, on the server: a reload, a language switch or a second device keeps it.
            deadline=timing.deadline_from(timezone.now(), time_limit),
        )
        Answer.objects.bulk_create(
            Answer(attempt=attempt, position=i, question_key=q["key"], topic=q["topic"])
            for i, q in enumerate(questions)
        )
        # In the same transaction: a timed attempt never exists without its close at the deadline.
        deadlines.schedule_close(attempt)
    return attempt


def start_attempt(owner, *, topic, length, difficulty=ANY, seed=None, quiz=None, assignment=None, number=1):
    """Generate the questions and freeze them, with both languages and the key, in a new attempt.

    ``owner`` is an ``owners.Owner`` (an account or a guest key).
    """
    seed = new_seed() if seed is None else seed
    questions = generate_quiz(load_content(), QuizSettings(topic=topic, length=length, difficulty=difficulty), seed)
    return _create_attempt(
        owner,
        questions,
        topic=topic,
        difficulty=difficulty,
        length=length,
        seed=seed,
        quiz=quiz,
        assignment=assignment,
        number=number,
    )


def start_practice(owner, question_keys, *, assignment=None, number=1):
    """A quiz made of the given questions (the learner's most missed, or the ones an assignment gives them),
    rebuilt from today's content."""
    seed = new_seed()
    questions = generate_from_keys(load_content(), list(question_keys), seed)
    return _create_attempt(
        owner,
        questions,
        topic=PRACTICE,
        difficulty=ANY,
        length=len(questions),
        seed=seed,
        assignment=assignment,
        number=number,
    )


def start_review(owner, questions):
    """A review quiz of the owner's due questions (``reports.review.due_questions``), as they were last asked.

    Raises ``NoQuestions`` when nothing is due. Submitting it updates the cards like any quiz.
    """
    return _create_attempt(
        owner, questions, topic=PRACTICE, difficulty=ANY, length=max(len(questions), 1), seed=new_seed()
    )


def close_if_late(attempt, now):
    """Submit an open attempt whose deadline and grace have passed, with what was saved.

    Reads only the loaded attempt unless it is late; True when it closed it here.
    """
    if attempt.submitted_at is not None or not timing.is_expired(attempt.deadline, now):
        return False
    return submit_attempt(attempt)


def change_timer(attempt, action):
    """In practice, the learner's own timer: ``extend`` it by one more limit (up to tenfold) or switch it ``off``.

    Raises ``AttemptClosed`` (``TimeUp`` when it ran out: then it is closed here) and
    ``TimerFixed`` for an assignment's timer, an untimed attempt, or one at its tenfold.
    """
    late = False
    with transaction.atomic():
        locked = (
            Attempt.objects.select_for_update()
            .only("pk", "submitted_at", "deadline", "time_limit", "started_at", "assignment")
            .get(pk=attempt.pk)
        )
        if locked.submitted_at is not None:
            raise AttemptClosed
        now = timezone.now()
        if timing.is_expired(locked.deadline, now):
            late = True
        elif locked.assignment_id is not None or locked.deadline is None:
            raise TimerFixed
        elif action == "off":
            locked.deadline = None
        else:
            try:
                locked.deadline = timing.extended(locked.started_at, locked.deadline, locked.time_limit, now)
            except ValueError:
                raise TimerFixed from None
        if not late:
            Attempt.objects.filter(pk=locked.pk).update(deadline=locked.deadline)
            attempt.deadline = locked.deadline
    if late:
        submit_attempt(attempt)
        raise TimeUp


def claim_guest_attempts(user, guest_key):
    """Give a new or returning account the attempts this browser made as a guest."""
    if not guest_key:
        return 0
    with transaction.atomic():
        claim_guest_answers(user.pk, guest_key)  # the learner's first answers stay counted once
        review.claim_guest_cards(user, guest_key)
        return Attempt.objects.filter(user__isnull=True, guest_key=guest_key).update(user=user, guest_key="")
