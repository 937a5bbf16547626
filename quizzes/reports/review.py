"""Spaced review, read side: what is due for a learner, and what a class is about to forget.

Selectors return data only. Predicted recall is FSRS's retrievability (``quizzes.spaced.recall``),
averaged over a topic's cards a week ahead: right after a review it is 100 % for any card, so
"now" would call a card just failed mastered. Cards still in their (re)learning steps are counted
as learning. Both pages read the cards in one query.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.utils import timezone

from .. import spaced
from ..models import FLASH_PREFIX, Answer, Attempt, ReviewCard, held_back_attempts, topic_order
from ..owners import attempts_owned_by

WEEK = timedelta(days=7)
REVIEW_LENGTH = 10
# Cards that come due within this long after the next one are counted with it ("3 questions in 1 minute").
NEXT_DUE_WINDOW = timedelta(minutes=1)


@dataclass(frozen=True)
class TopicRecall:
    topic: str
    cards: int
    recall_now: float  # percent, 0–100
    recall_week: float | None = None  # percent, a week from now
    learners: int = 0
    learning: int = 0  # cards still in their (re)learning steps


@dataclass(frozen=True)
class ReviewSummary:
    cards: int
    due_now: int
    due_questions: int  # due now and not flashcards: what the review quiz would ask
    due_today: int
    due_week: int
    topics: list
    next_due: datetime | None = None  # when nothing is due: when the next question card is
    next_due_count: int = 0  # how many question cards come due then (within NEXT_DUE_WINDOW)


def _end_of_today(now):
    """Midnight at the end of today where the site is (Istanbul)."""
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)


def _mean(values):
    return 100 * sum(values) / len(values) if values else None


def learner_summary(owner, now=None):
    """The owner's cards: how many are due now, by the end of today, within a week; mean recall per topic."""
    now = now or timezone.now()
    owner_column = owner.key
    rows = (
        list(ReviewCard.objects.filter(owner=owner_column).values_list("key", "topic", "state", "due"))
        if owner_column
        else []
    )
    end_of_today, week = _end_of_today(now), now + WEEK
    by_topic = {}
    for _key, topic, state, _due in rows:
        by_topic.setdefault(topic, []).append(state)
    later = sorted(due for key, _topic, _state, due in rows if due > now and not key.startswith(FLASH_PREFIX))
    return ReviewSummary(
        cards=len(rows),
        due_now=sum(1 for *_rest, due in rows if due <= now),
        due_questions=sum(1 for key, *_rest, due in rows if due <= now and not key.startswith(FLASH_PREFIX)),
        due_today=sum(1 for *_rest, due in rows if due < end_of_today),
        due_week=sum(1 for *_rest, due in rows if due <= week),
        topics=[_topic_recall(t, s, now) for t, s in sorted(by_topic.items(), key=lambda i: topic_order(i[0]))],
        next_due=later[0] if later else None,
        next_due_count=sum(1 for due in later if due <= later[0] + NEXT_DUE_WINDOW),
    )


def _topic_recall(topic, states, now):
    return TopicRecall(
        topic=topic,
        cards=len(states),
        recall_now=_mean([spaced.recall(s, now) for s in states]),
        recall_week=_mean([spaced.recall(s, now + WEEK) for s in states]),
        learning=sum(1 for s in states if spaced.is_learning(s)),
    )


def class_recall(classroom, now=None):
    """Per topic, over the cards of the class's students: cards still learning, mean recall in a week (one query)."""
    now = now or timezone.now()
    rows = ReviewCard.objects.filter(user__memberships__classroom=classroom).values_list("topic", "user_id", "state")
    by_topic = {}
    for topic, user_id, state in rows:
        entry = by_topic.setdefault(topic, ([], set()))
        entry[0].append(state)
        entry[1].add(user_id)
    return [
        replace(_topic_recall(t, states, now), learners=len(users))
        for t, (states, users) in sorted(by_topic.items(), key=lambda item: topic_order(item[0]))
    ]


@dataclass(frozen=True)
class DeckState:
    due: list  # keys due now, oldest first
    seen: set  # keys reviewed at least once
    due_today: set  # keys due by the end of today (those due now included)


def deck_state(owner, prefix, now=None):
    """The owner's cards whose keys start with ``prefix`` (a flashcard deck): what is due now, seen, due today."""
    now = now or timezone.now()
    owner_column = owner.key
    if owner_column is None:
        return DeckState([], set(), set())
    rows = list(
        ReviewCard.objects.filter(owner=owner_column, key__startswith=prefix).order_by("due").values_list("key", "due")
    )
    end_of_today = _end_of_today(now)
    return DeckState(
        due=[key for key, due in rows if due <= now],
        seen={key for key, _due in rows},
        due_today={key for key, due in rows if due < end_of_today},
    )


def _latest_frozen(owner, keys, now):
    """The frozen question of each key in the owner's latest submitted attempt that asked it, leaving out
    attempts whose right answers an assignment still holds back (four queries)."""
    owned = attempts_owned_by(owner)
    rows = (
        Answer.objects.filter(attempt__in=owned.filter(submitted_at__isnull=False))
        .exclude(attempt_id__in=held_back_attempts(owned, now))
        .filter(question_key__in=keys)
        .order_by("-attempt__started_at", "-attempt_id")
        .values_list("question_key", "attempt_id", "position")
    )
    where = {}
    for key, attempt_id, position in rows:
        where.setdefault(key, (attempt_id, position))
    frozen = dict(Attempt.objects.filter(pk__in={a for a, _ in where.values()}).values_list("pk", "questions"))
    return {key: frozen[a][p] for key, (a, p) in where.items() if p < len(frozen[a])}


def due_questions(owner, now=None, length=REVIEW_LENGTH):
    """The owner's due question cards, oldest due first, each the question as it was last asked (a review quiz's)."""
    now = now or timezone.now()
    if owner.key is None:
        return []
    due = list(
        ReviewCard.objects.filter(owner=owner.key, due__lte=now)
        .exclude(key__startswith=FLASH_PREFIX)
        .order_by("due", "pk")
        .values_list("key", flat=True)[:length]
    )
    frozen = _latest_frozen(owner, due, now) if due else {}
    return [frozen[key] for key in due if key in frozen]
