"""What a learner does to an attempt: start it, save answers, submit it.

Each function does one thing a user asked for; views only check who is asking
and call these. Generation and grading stay pure (generation.py, grading.py).
"""

import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ..content import load_content
from ..generation import QuizSettings, generate_from_keys, generate_quiz
from ..grading import SINGLE_CHOICE_TYPES, grade_question, validate_response
from ..models import Answer, Attempt
from ..models.statistics import record_attempt


class AttemptClosed(Exception):
    """The attempt was submitted already; its answers can no longer change."""


class NoQuestions(Exception):
    """The content cannot produce any question for these settings."""


def new_seed():
    return secrets.randbits(31)


def _create_attempt(owner, questions, *, topic, difficulty, length, seed, quiz=None, assignment=None, number=1):
    if not questions:
        raise NoQuestions
    user, guest_key = owner
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user,
            guest_key="" if user else guest_key,
            topic=topic,
            difficulty=difficulty,
            length=length,
            seed=seed,
            quiz=quiz,
            assignment=assignment,
            number=number,
            questions=questions,
            max_score=float(len(questions)),
        )
        Answer.objects.bulk_create(
            Answer(attempt=attempt, position=i, question_key=q["key"], topic=q["topic"])
            for i, q in enumerate(questions)
        )
    return attempt


def start_attempt(owner, *, topic, length, difficulty="any", seed=None, quiz=None, assignment=None, number=1):
    """Generate the questions and freeze them, with both languages and the key, in a new attempt.

    ``owner`` is ``(user, None)`` or ``(None, guest_key)``.
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


def start_practice(owner, question_keys):
    """A quiz made of the given questions (the learner's most missed), rebuilt from today's content."""
    seed = new_seed()
    questions = generate_from_keys(load_content(), list(question_keys), seed)
    return _create_attempt(owner, questions, topic="practice", difficulty="any", length=len(questions), seed=seed)


@dataclass
class SaveResult:
    saved: int
    errors: dict  # position -> message


def save_answers(attempt, responses, language):
    """Store the learner's responses (position -> response in option keys).

    A response that does not fit its question (an option of another question,
    a wrong shape) is refused for that question alone; the others are saved and
    nothing saved before is lost.
    """
    errors = {}
    clean = {}
    for position, response in responses.items():
        if not 0 <= position < len(attempt.questions):
            errors[position] = "no such question"
            continue
        try:
            clean[position] = validate_response(attempt.questions[position], response)
        except ValueError as error:
            errors[position] = str(error)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().only("pk", "submitted_at").get(pk=attempt.pk)
        if locked.submitted_at is not None:
            raise AttemptClosed
        answers = list(attempt.answers.filter(position__in=clean.keys()))
        for answer in answers:
            question = attempt.questions[answer.position]
            answer.response = clean[answer.position]
            answer.choice = clean[answer.position] if question["type"] in SINGLE_CHOICE_TYPES else ""
            answer.language = language
            answer.saved_at = timezone.now()
        Answer.objects.bulk_update(answers, ["response", "choice", "language", "saved_at"])
    return SaveResult(saved=len(answers), errors=errors)


def submit_attempt(attempt):
    """Grade on the server and close the attempt. Submitting twice records once.

    Returns True when this call submitted it, False when it was submitted already.
    """
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.submitted_at is not None:
            return False
        answers = list(locked.answers.all())
        for answer in answers:
            answer.mark = grade_question(locked.questions[answer.position], answer.response)
        Answer.objects.bulk_update(answers, ["mark"])
        locked.score = sum(a.mark for a in answers)
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["score", "submitted_at"])
        record_attempt(locked, answers)
    attempt.refresh_from_db()
    return True


def claim_guest_attempts(user, guest_key):
    """Give a new or returning account the attempts this browser made as a guest."""
    if not guest_key:
        return 0
    return Attempt.objects.filter(user__isnull=True, guest_key=guest_key).update(user=user, guest_key="")
