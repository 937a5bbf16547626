"""What learners do with a quiz: attempts, with their questions frozen, and the answers given."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import NullIf
from django.utils.translation import gettext_lazy as _

from .content import Quiz
from .vocabulary import PRACTICE, QUIZ_TOPIC_CHOICES, CrossLanguage, QuizSettings


def score_percent(score, max_score):
    """The one percentage of the site: 100 · score / max score, unrounded (None without a score).

    Pages round it only when they write it (the ``percent`` filter), so means
    and medians are taken over the exact values.
    """
    if score is None or not max_score:
        return None
    return 100 * score / max_score


def score_percent_expression(prefix=""):
    """score_percent in SQL, for aggregates over attempts (NULL when there is no score)."""
    return Value(100.0) * F(f"{prefix}score") / NullIf(F(f"{prefix}max_score"), Value(0.0))


class Attempt(QuizSettings):
    """One sitting of a quiz, with its questions frozen when it started.

    ``questions`` holds the generated questions, both languages and the answer
    key, so later content edits never change this attempt or its score.
    """

    # An attempt may also be a practice of missed questions, or cross-language practice in one direction.
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=[*QUIZ_TOPIC_CHOICES, (PRACTICE, _("Practice")), *CrossLanguage.choices],
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    guest_key = models.CharField(max_length=64, blank=True, db_index=True)
    public_id = models.CharField(max_length=22, unique=True, editable=False)
    seed = models.BigIntegerField()
    quiz = models.ForeignKey(Quiz, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts")
    assignment = models.ForeignKey(
        "Assignment", on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    # 1 for a learner's first attempt at an assignment (item statistics count first attempts).
    number = models.PositiveSmallIntegerField(default=1)
    questions = models.JSONField()
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField(default=0)
    # Timed attempts (timing.py): the limit given at the start, in seconds (the quiz's or the assignment's,
    # stretched by a teacher's accommodation), and the deadline, fixed on the server then. A deadline of
    # None is untimed: never timed, or a practice timer the learner switched off.
    time_limit = models.PositiveIntegerField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "submitted_at"]),
            models.Index(fields=["assignment", "user", "number"]),
            # Teacher reports read the submitted attempts of a class's assignments, item analysis the first ones.
            models.Index(
                fields=["assignment", "number"],
                condition=models.Q(submitted_at__isnull=False),
                name="attempt_submitted_idx",
            ),
            # The worker's sweep reads the open timed attempts past their deadline (services/deadlines.py).
            models.Index(
                fields=["deadline"],
                condition=models.Q(submitted_at__isnull=True, deadline__isnull=False),
                name="attempt_open_deadline_idx",
            ),
        ]

    def __str__(self):
        return f"{self.topic} · {self.length} · {self.public_id}"

    def save(self, *args, **kwargs):
        if not self.public_id:
            self.public_id = secrets.token_urlsafe(16)
        super().save(*args, **kwargs)

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def percent(self):
        return score_percent(self.score, self.max_score)

    def shows_answers(self, now):
        """Right answers on the result page: always for a quiz, by the answer release of an assignment."""
        return self.assignment_id is None or self.assignment.shows_answers(self, now)

    def belongs_to(self, owner):
        """Whether ``owner`` (an ``owners.Owner``: an account or a guest key) may see and change this attempt."""
        if self.user_id is not None:
            return owner.user is not None and owner.user.pk == self.user_id
        return bool(self.guest_key) and owner.guest_key == self.guest_key


class Answer(models.Model):
    """A learner's response to one frozen question; graded when the attempt is submitted."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question_key = models.CharField(max_length=255, db_index=True)
    topic = models.CharField(max_length=20)
    response = models.JSONField(null=True, blank=True)
    # The option key chosen, for single-choice questions (distractor analysis).
    choice = models.CharField(max_length=255, blank=True)
    mark = models.FloatField(null=True, blank=True)
    language = models.CharField(max_length=5, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}: {self.question_key}"

    @property
    def is_correct(self):
        return self.mark is not None and self.mark >= 1
