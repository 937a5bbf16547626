"""Which of two events came first, as far as anyone knows, and the events in an order that keeps it.

An event's date is known to a precision (year, month or day), so two dates
tell their order only when they differ at the coarser of the two precisions.
Where they cannot, an event may say which event it is known to follow
(``follows``, a key): an appointment to the office comes after the decree that
created it, even when only the appointment's year is known. Works on any
events with ``key`` (or ``slug``), ``date``, ``precision`` and ``follows``:
the generator's values and the timeline page's rows alike.
"""

RANK = ("year", "month", "day")


def _key(event):
    return getattr(event, "key", None) or getattr(event, "slug", "")


def _follows(event):
    follows = getattr(event, "follows", None)
    if follows is None or isinstance(follows, str):
        return follows or ""
    return _key(follows)  # a model row: the event it follows


def _cut(event, precision):
    d = event.date
    return (d.year,) if precision == "year" else (d.year, d.month) if precision == "month" else (d.year, d.month, d.day)


def by_dates(a, b):
    """-1/1 when ``a``'s date is surely before/after ``b``'s at the precision both have, else 0."""
    coarse = min(a.precision, b.precision, key=RANK.index)
    ca, cb = _cut(a, coarse), _cut(b, coarse)
    return 0 if ca == cb else (-1 if ca < cb else 1)


def _chain(event, events):
    """The events ``event`` is known to follow, nearest first (a cycle stops the walk)."""
    found, seen = [], {_key(event)}
    current = events.get(_follows(event))
    while current is not None and _key(current) not in seen:
        found.append(current)
        seen.add(_key(current))
        current = events.get(_follows(current))
    return found


def order(a, b, events):
    """-1/1 when ``a`` is known to come before/after ``b``, 0 when nobody knows; ``events`` by key."""
    dated = by_dates(a, b)
    if dated:
        return dated
    for first, second, sign in ((a, b, -1), (b, a, 1)):
        if any(c is first or _key(c) == _key(first) or by_dates(first, c) < 0 for c in _chain(second, events)):
            return sign
    return 0


def chronological(events, every=None):
    """The events in an order that keeps every known precedence; unknown orders by date, then key.

    An event that follows another sorts no earlier than the latest date of the
    events it follows, and after them on that date. ``every`` (all events by
    key) is where the events they follow are looked up; by default ``events``.
    """
    by_key = every if every is not None else {_key(e): e for e in events}

    def place(event):
        chain = _chain(event, by_key)
        return (max([event.date, *(c.date for c in chain)]), len(chain), event.date, _key(event))

    return sorted(events, key=place)


def unknown_order_periods(events):
    """For events in chronological order: the first event of each group whose order within a year or month
    nobody knows, with that period's precision ("year" or "month"), as {key: precision}."""
    by_key = {_key(e): e for e in events}
    groups = {}
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            coarse = min(a.precision, b.precision, key=RANK.index)
            if coarse != "day" and order(a, b, by_key) == 0:
                groups.setdefault(_cut(a, coarse), (a, coarse))
    return {_key(first): coarse for first, coarse in groups.values()}
