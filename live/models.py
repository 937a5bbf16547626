"""A live game as the database keeps it: who hosts it, what it asks, and how each player finished.

The game's moment-to-moment state (the current question, who answered what and when) lives in the
store (``store.py``: Redis in production, memory in the embedded default) while it runs; when it ends,
``services.finish_game`` writes each player's standing here and their answers as quizzes' attempts.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from quizzes.models import Assignment, Attempt, Classroom, Quiz
from quizzes.models.vocabulary import QuizSettings

CODE_DIGITS = 6


def new_game_code():
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


class LiveGame(QuizSettings):
    """One game: its questions frozen when the host made it (both languages and the key, as attempts keep them)."""

    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_games")
    code = models.CharField(_("game code"), max_length=CODE_DIGITS, unique=True)
    quiz = models.ForeignKey(Quiz, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    assignment = models.ForeignKey(Assignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The class whose extra-time settings apply (an assignment's, or one the host chose).
    classroom = models.ForeignKey(Classroom, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    seed = models.BigIntegerField()
    questions = models.JSONField()
    seconds = models.PositiveSmallIntegerField(_("seconds per question"), default=20)
    accuracy_only = models.BooleanField(_("accuracy only (no points for speed)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.code} ({self.topic})"


class LivePlayer(models.Model):
    """How one player finished a game, written when it ended; their answers are in ``attempt``."""

    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="players")
    number = models.PositiveIntegerField()  # the order of joining, as the store numbered them
    name = models.CharField(max_length=150)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    language = models.CharField(max_length=5)
    time_percent = models.PositiveSmallIntegerField(default=100)
    score = models.PositiveIntegerField(default=0)
    right = models.PositiveSmallIntegerField(default=0)
    answered = models.PositiveSmallIntegerField(default=0)
    rank = models.PositiveIntegerField()
    attempt = models.OneToOneField(Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["game", "rank"]
        constraints = [models.UniqueConstraint(fields=["game", "number"], name="one_live_player_per_number")]

    def __str__(self):
        return f"{self.game_id}/{self.number}: {self.name}"
