"""Flashcard decks from the published content, pure: glossary terms, departments, timeline events.

Each card has a key (``flash:<kind>:<slug>``, the key of its FSRS card), the
topic it counts in, and its two sides as ``Text`` (both languages); the page
picks the language of each side.
"""

from dataclasses import dataclass

from .values import Text

PREFIX = "flash:"


@dataclass(frozen=True)
class Flashcard:
    key: str
    topic: str
    front: Text
    back: Text
    date: object = None  # a timeline event's date, shown on the back
    precision: str = ""


# Deck name -> the kind in its card keys.
KINDS = {"terms": "term", "departments": "department", "events": "event"}


def deck_prefix(name):
    """The start of every card key of deck ``name``: ``flash:term:`` for the glossary terms."""
    return f"{PREFIX}{KINDS[name]}:"


def _terms(content):
    return [Flashcard(deck_prefix("terms") + t.key, "glossary", t.term, t.definition) for t in content.terms]


def _departments(content):
    return [Flashcard(deck_prefix("departments") + d.key, "departments", d.name, d.focus) for d in content.departments]


def _events(content):
    return [
        Flashcard(deck_prefix("events") + e.key, "timeline", e.title, e.description, e.date, e.precision)
        for e in content.events
    ]


# Deck name (in the URL) -> builder; the order of the deck menu.
DECKS = {"terms": _terms, "departments": _departments, "events": _events}


def deck(content, name):
    """The cards of deck ``name``; ValueError for a deck this site does not have."""
    if name not in DECKS:
        raise ValueError(f"no such deck: {name!r}")
    return DECKS[name](content)


def next_card(cards, due_keys, known_keys):
    """The card to show: the oldest due (``due_keys`` oldest first), else the first never seen, else None."""
    by_key = {c.key: c for c in cards}
    for key in due_keys:
        if key in by_key:
            return by_key[key]
    return next((c for c in cards if c.key not in known_keys), None)


@dataclass(frozen=True)
class Progress:
    """Where a card stands in its deck, and what is left of the deck for today besides it."""

    position: int  # 1-based, in the deck's order
    total: int
    due_again: int  # other cards due again by the end of today
    not_seen: int  # other cards never seen


def progress(cards, card, due_today_keys, known_keys):
    """``card``'s place in ``cards`` and what else is left today (due by tonight, or never seen)."""
    keys = [c.key for c in cards]
    others = set(keys) - {card.key}
    return Progress(
        position=keys.index(card.key) + 1,
        total=len(keys),
        due_again=len(others & set(due_today_keys)),
        not_seen=len(others - set(known_keys)),
    )


def sides(card, language, other_language, *, cross=False):
    """(front, back) strings: both in ``language``; with ``cross``, the front in the other language."""
    front = getattr(card.front, other_language if cross else language)
    return front, getattr(card.back, language)
