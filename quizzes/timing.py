"""Timer arithmetic for timed quizzes (WCAG 2.2.1 Timing Adjustable): pure, no Django.

An attempt is untimed unless its named quiz or assignment sets a limit. Its
deadline is fixed on the server when it starts; a learner in practice may
lengthen it (one more base limit per press, up to ``MAX_FACTOR`` times the base)
or switch it off; a teacher's accommodation stretches a student's limit in
assignments. Answers are still taken for ``GRACE`` after the deadline (the page's
own submit at zero may be on its way); after that the attempt is closed with what
was saved.
"""

import datetime

GRACE = datetime.timedelta(seconds=30)
# A learner may extend a practice timer to ten times its limit (WCAG 2.2.1 asks for at least tenfold).
MAX_FACTOR = 10
# The screen reader hears, politely, when half the time has passed and when this much is left,
# whatever the limit (a one- or two-minute limit included).
LAST_MINUTE = datetime.timedelta(minutes=1)
# A teacher's accommodation, in percent of the limit (100: none).
ACCOMMODATION_PERCENTS = (125, 150, 200, 300, 1000)  # models/accommodations.py names them


def limit_seconds(minutes, accommodation_percent=100):
    """The time an attempt gets, in whole seconds, or None when it is untimed (no limit, or 0)."""
    if not minutes:
        return None
    return minutes * 60 * max(accommodation_percent or 100, 100) // 100


def deadline_from(started_at, seconds):
    """When an attempt that started at ``started_at`` with ``seconds`` (None: untimed) must end."""
    return None if seconds is None else started_at + datetime.timedelta(seconds=seconds)


def seconds_left(deadline, now):
    """Whole seconds until the deadline (never negative); None without a deadline."""
    if deadline is None:
        return None
    return max(0, int((deadline - now).total_seconds()))


def is_expired(deadline, now):
    """Whether the deadline and its grace have passed: no answer is taken any more."""
    return deadline is not None and now > deadline + GRACE


def is_due(deadline, now):
    """Whether the deadline itself has passed (answers posted now, within the grace, submit the attempt)."""
    return deadline is not None and now >= deadline


# The start time and the deadline are read from the clock a moment apart.
SLACK = datetime.timedelta(seconds=1)


def half_time_left(started_at, deadline):
    """The seconds left at half time (half the attempt's whole time, extensions included)."""
    return round((deadline - started_at).total_seconds()) // 2  # the two are read from the clock a moment apart


def can_extend(started_at, deadline, seconds):
    """Whether one more base limit still keeps the attempt within ``MAX_FACTOR`` times the limit."""
    if deadline is None or not seconds:
        return False
    return (
        deadline + datetime.timedelta(seconds=seconds)
        <= started_at + datetime.timedelta(seconds=seconds * MAX_FACTOR) + SLACK
    )


def extended(started_at, deadline, seconds, now):
    """The deadline after one more base limit; from now if the timer ran out (within the grace).

    Raises ValueError when there is no timer or the tenfold is reached.
    """
    if not can_extend(started_at, deadline, seconds):
        raise ValueError("this timer cannot be extended")
    return max(deadline, now) + datetime.timedelta(seconds=seconds)


def factor(started_at, deadline, seconds):
    """How many times the base limit the attempt has now (1 unextended), rounded down."""
    if deadline is None or not seconds:
        return None
    return int((deadline - started_at + SLACK).total_seconds()) // seconds


def clock(seconds):
    """A countdown as the page shows it: "m:ss", or "h:mm:ss" from an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def minutes_left(seconds):
    """Whole minutes left, rounded up (what the page tells a screen reader: "3 minutes left")."""
    return -(-max(0, seconds) // 60)
