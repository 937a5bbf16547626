"""Spaced review with FSRS, pure: answers and flashcard ratings become card updates.

The one place the scheduler is configured (``SCHEDULER``). Cards travel as the
FSRS card's JSON form (a dict), times as aware UTC datetimes. Nothing of Django.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

# Learning steps short enough for a lesson; no fuzz, so a card's next due time follows from its history alone.
SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
    relearning_steps=(timedelta(minutes=10),),
    maximum_interval=3650,
    enable_fuzzing=False,
)

# A flashcard's rating buttons, in order: the form posts the name.
FLASH_RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}


@dataclass(frozen=True)
class Update:
    """A card after one review: its new state, when it is due, and the log line of the review."""

    state: dict
    due: datetime
    rating: int
    reviewed_at: datetime


def _utc(moment):
    if moment.tzinfo is None:
        raise ValueError("times must be aware")
    return moment.astimezone(UTC)


def rating_for_mark(mark):
    """A quiz answer: fully right is Good; anything else (wrong, part right, unanswered) is Again."""
    return Rating.Good if mark is not None and mark >= 1 else Rating.Again


def rating_for_flash(name):
    """The learner's own rating of a flashcard, by button name; ValueError for any other name."""
    try:
        return FLASH_RATINGS[name]
    except KeyError:
        raise ValueError(f"no such rating: {name!r}") from None


def review(state, rating, now):
    """The card ``state`` (None for a new card) reviewed with ``rating`` at ``now``."""
    now = _utc(now)
    card = Card.from_dict(state) if state else Card(card_id=0, due=now)
    card, _log = SCHEDULER.review_card(card, Rating(rating), now)
    return Update(state=card.to_dict(), due=card.due, rating=int(rating), reviewed_at=now)


def is_learning(state):
    """True for a card still in its (re)learning steps: new, or answered wrong since its last interval."""
    return not state or state.get("state") != int(State.Review)


def recall(state, at):
    """The predicted probability (0–1) that the learner recalls the card at ``at``; 0 for a card never reviewed."""
    if not state:
        return 0.0
    return float(SCHEDULER.get_card_retrievability(Card.from_dict(state), _utc(at)))
