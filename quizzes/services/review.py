"""Spaced review writes: cards updated from a submitted attempt or a rated flashcard, guest claims.

A review quiz is started like any practice (``attempts.start_review``), from the
due questions ``reports.review.due_questions`` reads.

The scheduling itself is pure (``quizzes.spaced``); here the cards are read and
written in bulk, a fixed number of queries whatever the quiz length.
"""

from django.db import transaction
from django.utils import timezone

from .. import spaced
from ..models import ReviewCard, ReviewLog, owner_key


def _owner_fields(user_id, guest_key):
    """The card columns naming an owner, or None for a visitor with neither account nor guest key."""
    owner = owner_key(user_id, guest_key)
    if owner is None:
        return None
    return {"owner": owner, "user_id": user_id, "guest_key": "" if user_id is not None else guest_key}


def _fields_of(owner):
    return _owner_fields(owner.user.pk if owner.user is not None else None, owner.guest_key)


def _apply(owner, reviews, now, attempt=None):
    """Review each (key, topic, rating) in order and save the cards and their logs: three queries.

    The cards are upserted on (owner, key), so two submits racing to create the same card both land.
    """
    keys = {key for key, _topic, _rating in reviews}
    states = {
        key: (state, n)
        for key, state, n in ReviewCard.objects.filter(owner=owner["owner"], key__in=keys).values_list(
            "key", "state", "reviews"
        )
    }
    cards, updates = {}, []
    for key, topic, rating in reviews:
        card = cards.get(key)
        if card is None:
            state, n = states.get(key, ({}, 0))
            card = cards[key] = ReviewCard(**owner, key=key, topic=topic, state=state, due=now, reviews=n)
        update = spaced.review(card.state, rating, now)
        card.state, card.due, card.updated_at = update.state, update.due, now
        card.reviews += 1
        updates.append((card, update))
    ReviewCard.objects.bulk_create(
        cards.values(),
        update_conflicts=True,
        unique_fields=["owner", "key"],
        update_fields=["state", "due", "reviews", "updated_at"],
    )
    ReviewLog.objects.bulk_create(
        ReviewLog(card=card, rating=u.rating, reviewed_at=u.reviewed_at, attempt=attempt) for card, u in updates
    )


def record_attempt(attempt, answers, now):
    """A submitted attempt's graded answers update its owner's cards: right is Good, wrong is Again.

    Called inside the submit's transaction; three queries, whatever the quiz length.
    """
    owner = _owner_fields(attempt.user_id, attempt.guest_key)
    if owner is None or not answers:
        return
    reviews = [
        (a.question_key, a.topic, spaced.rating_for_mark(a.mark)) for a in sorted(answers, key=lambda a: a.position)
    ]
    _apply(owner, reviews, now, attempt=attempt)


def rate_flashcard(owner, card, rating_name, now=None):
    """The learner rated flashcard ``card`` (a ``flashcards.Flashcard``) Again, Hard, Good or Easy.

    ValueError for a rating that is not one of the four, or a visitor without a guest key (nothing is saved).
    """
    rating = spaced.rating_for_flash(rating_name)
    fields = _fields_of(owner)
    if fields is None:
        raise ValueError("no owner")
    with transaction.atomic():
        _apply(fields, [(card.key, card.topic, rating)], now or timezone.now())


def claim_guest_cards(user, guest_key):
    """A guest's cards become the account's; where the account has that key already, its own card stays."""
    if not guest_key:
        return 0
    guest_cards = ReviewCard.objects.filter(owner=owner_key(None, guest_key))
    account = owner_key(user.pk, None)
    taken = ReviewCard.objects.filter(owner=account, key__in=guest_cards.values("key")).values("key")
    guest_cards.filter(key__in=taken).delete()
    return guest_cards.update(owner=account, user=user, guest_key="")


__all__ = ["claim_guest_cards", "rate_flashcard", "record_attempt"]
