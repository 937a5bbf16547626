"""The years a question offers or states: wrong years a learner cannot tell from right ones by the year alone.

A year nothing in the story happened in is never an answer, so offered as a
wrong year it gives itself away: wrong years are mostly years in which
something else happened, and always inside the story's years (2016–2025).
"""

from random import Random

from .questions import OPTIONS
from .wording import STORY_YEARS


def _years_near(rng, year, count, latest):
    """``count`` distinct years near ``year``, from a six-year window placed at random around it.

    Placing the window at random keeps the answer from always being the middle
    option; the window never passes ``latest`` (the content's last year), so
    no option is a year the story has not reached.
    """
    # Inside the story's years (or the content's, when an event lies outside them).
    first, last = min(STORY_YEARS[0], year), max(year, min(STORY_YEARS[1], latest))
    start = max(first, min(year - rng.randint(0, 5), last - 5))
    return rng.sample([y for y in range(start, min(start + 6, last + 1)) if y != year], count)


def _story_years(ix):
    """The years in which something in the story happened: an event, an organisation founded or closed."""
    years = {e.date.year for e in ix.content.events}
    return years | {d.year for o in ix.content.organisations for d in (o.founded_on, o.closed_on) if d}


def _wrong_year_options(rng, ix, year):
    """Three wrong years for a "which year" question, mostly years in which something else happened.

    A year nothing happened in is never an answer, so it would give itself away
    as wrong: two wrong years come from the story years nearest the answer
    (within five years of it), the third from the years near it (which may be
    one of the story's too).
    """
    first, last = min(STORY_YEARS[0], year), max(year, min(STORY_YEARS[1], ix.latest_year))
    nearby = [y for y in _story_years(ix) if y != year and first <= y <= last and abs(y - year) <= 5]
    story = sorted(nearby, key=lambda y: (abs(y - year), y))
    chosen = rng.sample(story[:4], min(OPTIONS - 2, len(story[:4])))
    near = [y for y in _years_near(rng, year, OPTIONS - 1, ix.latest_year) if y not in chosen]
    return [*chosen, *near][: OPTIONS - 1]


def year_options(rng, ix, year):
    """Shuffled options of a "which year" question: ``year`` and wrong years of the story or near it."""
    years = [year, *_wrong_year_options(rng, ix, year)]
    options = [{"key": f"year:{y}", "text": {"tr": str(y), "en": str(y)}} for y in years]
    rng.shuffle(options)
    return options


def wrong_years(ix, stated=lambda event: True):
    """The wrong year of each event's false year statement: the year of another event of the story.

    The events whose year can be stated (``stated``: not those whose title
    names it), in order, are each given the year of the event ``k`` places on
    (cyclically), for the ``k`` nearest half-way that never lands in an event's
    own year: every year then appears in false statements as often as in true
    ones, so a year alone tells nothing (a year nothing happened in would say
    "false"). Fixed by the content, so a key rebuilds the same statement.
    """
    events = [e for e in ix.chronological if stated(e)]
    years = [e.date.year for e in events]
    n = len(events)
    for k in sorted(range(1, n), key=lambda k: (abs(2 * k - n), k)):
        if all(years[i] != years[(i + k) % n] for i in range(n)):
            return {e.key: years[(i + k) % n] for i, e in enumerate(events)}
    # Too few years for a clean shift: the nearest year of another event, else a year near the event's own.
    found = {}
    for e in events:
        others = sorted({y for y in years if y != e.date.year}, key=lambda y: (abs(y - e.date.year), y))
        found[e.key] = others[0] if others else _year_near(e)
    return found


def _year_near(event):
    rng = Random(f"wrong-year:{event.key}")
    first, last = min(STORY_YEARS[0], event.date.year), max(STORY_YEARS[1], event.date.year)
    years = range(max(first, event.date.year - 3), min(last, event.date.year + 3) + 1)
    return rng.choice([y for y in years if y != event.date.year])
