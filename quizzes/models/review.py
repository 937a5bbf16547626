"""Spaced review: a card per learner and question key (or flashcard), and the log of every review.

The card keeps the FSRS card's JSON form (``quizzes.spaced``); ``due`` and the
topic are copied out of it so pages can count and group without reading JSON.
The logs are kept so the scheduler's parameters can be fitted to this site's learners later.
"""

from django.conf import settings
from django.db import models

# Flashcard keys start with this; quiz question keys never do.
FLASH_PREFIX = "flash:"


class ReviewCard(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="review_cards"
    )
    guest_key = models.CharField(max_length=64, blank=True)
    # "u:<user id>" or "g:<guest key>": one plain unique (owner, key), so a submit can upsert its cards in one query.
    owner = models.CharField(max_length=70)
    key = models.CharField(max_length=255)
    topic = models.CharField(max_length=20)
    state = models.JSONField()
    due = models.DateTimeField()
    reviews = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due"]
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="one_card_per_owner_and_key")]
        indexes = [models.Index(fields=["owner", "due"]), models.Index(fields=["user", "topic"])]

    def __str__(self):
        return f"{self.key} · due {self.due:%Y-%m-%d %H:%M}"


class ReviewLog(models.Model):
    """One review of a card: the FSRS rating (1 Again … 4 Easy) and when; with the attempt when it was a quiz."""

    card = models.ForeignKey(ReviewCard, on_delete=models.CASCADE, related_name="logs")
    rating = models.PositiveSmallIntegerField()
    reviewed_at = models.DateTimeField()
    attempt = models.ForeignKey("Attempt", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["card", "reviewed_at"]

    def __str__(self):
        return f"{self.card_id}: {self.rating} at {self.reviewed_at:%Y-%m-%d %H:%M}"


def owner_key(user_id, guest_key):
    """The ``owner`` column of an account's or a guest's cards; None for a visitor with neither."""
    if user_id is not None:
        return f"u:{user_id}"
    return f"g:{guest_key}" if guest_key else None
