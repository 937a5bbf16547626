"""Saving a learner's answers and submitting an attempt: one locked transaction each.

Below ``attempts`` (which starts attempts) and ``deadlines`` (the worker that closes them at
their deadline), so that both reach the one submit without importing each other.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .. import timing
from ..grading import grade_question, validate_response
from ..models import Answer, Attempt
from ..models.item_sums import record_attempt
from ..question_types import SINGLE_CHOICE_TYPES
from ..signals import attempt_submitted
from . import review


class AttemptClosed(Exception):
    """The attempt was submitted already; its answers can no longer change."""


class TimeUp(AttemptClosed):
    """The attempt's time (and its grace) ran out: it was closed with the answers saved before."""


@dataclass
class SaveResult:
    saved: int
    errors: dict = field(default_factory=dict)  # position -> message
    submitted: bool = False


def save_answers(attempt, responses, language, *, submit=False):
    """Store the learner's responses (position -> response in option keys); with ``submit``, grade and close.

    A response that does not fit its question (an option of another question,
    a wrong shape) is refused for that question alone; the others are saved and
    nothing saved before is lost, and the attempt is not submitted. Saving and
    grading are one transaction holding the attempt's row. Raises
    ``AttemptClosed`` when the attempt was submitted before this call got the row,
    and ``TimeUp`` when its deadline and grace had passed: then the attempt is
    submitted with the answers saved before and the posted ones are dropped.
    """
    errors, clean = {}, {}
    for position, response in responses.items():
        if not 0 <= position < len(attempt.questions):
            errors[position] = "no such question"
            continue
        try:
            clean[position] = validate_response(attempt.questions[position], response)
        except ValueError as error:
            errors[position] = str(error)
    submit = submit and not errors
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().only("pk", "submitted_at", "deadline").get(pk=attempt.pk)
        if locked.submitted_at is not None:
            raise AttemptClosed
        late = timing.is_expired(locked.deadline, timezone.now())
        if late:
            clean, submit = {}, True
        # Grading needs every answer; a save alone only the ones posted.
        answers = list(attempt.answers.all() if submit else attempt.answers.filter(position__in=clean.keys()))
        now = timezone.now()
        for answer in answers:
            if answer.position in clean:
                question = attempt.questions[answer.position]
                answer.response = clean[answer.position]
                answer.choice = answer.response if question["type"] in SINGLE_CHOICE_TYPES else ""
                answer.language = language
                answer.saved_at = now
            if submit:
                answer.mark = grade_question(attempt.questions[answer.position], answer.response)
        fields = ["response", "choice", "language", "saved_at"] + (["mark"] if submit else [])
        Answer.objects.bulk_update(answers, fields)
        if submit:
            attempt.score = sum(a.mark for a in answers)
            attempt.submitted_at = now
            Attempt.objects.filter(pk=attempt.pk).update(score=attempt.score, submitted_at=now)
            record_attempt(attempt, answers)
            review.record_attempt(attempt, answers, now)  # the learner's spaced-review cards
            if attempt.assignment_id is not None:  # e.g. lti/ sends the score to the school's platform
                attempt_submitted.send(sender=Attempt, attempt=attempt)
    if late:
        raise TimeUp
    return SaveResult(saved=len(clean), errors=errors, submitted=submit)


def submit_attempt(attempt):
    """Grade on the server and close the attempt with the answers saved so far. Submitting twice records once.

    Returns True when this call submitted it, False when it was submitted already.
    """
    try:
        return save_answers(attempt, {}, "", submit=True).submitted
    except TimeUp:
        return True
    except AttemptClosed:
        return False
