"""Pure scoring of the live game: answers timed on the server in, points, streaks and standings out.

A right answer earns ``round(P × (1 − (t/T)/2))`` (as the best-known classroom game does): the full
``P`` at once, half of it at the last moment, where ``t`` is the time the server took the answer after
the question opened and ``T`` the player's own limit. A streak of right answers adds a bonus that grows
by ``STREAK_STEP`` per answer and stops at ``STREAK_CAP``. With ``accuracy_only`` every right answer is
worth ``P``, whatever the time, and streaks add nothing.

A class's extra time (WCAG 2.2.1) stretches a player's limit: 150 % gives 1.5 × T, 200 % 2 × T; the
tenfold accommodation makes the player untimed (their question stays open until the host moves on, and
an answer after T still earns half). Nothing here imports Django: the store keeps only the raw answers
(option and elapsed seconds), and every standing is recomputed from them, so a process that dies between
two messages loses no point and a reconnecting player gets the same score and streak.
"""

from dataclasses import dataclass

POINTS = 1000
STREAK_STEP = 100
STREAK_CAP = 500
# The accommodation (in percent of the time limit) from which a player is untimed in the game.
UNTIMED_PERCENT = 1000


def player_limit(seconds, time_percent=100):
    """The player's seconds for a question of ``seconds``, or None when the player is untimed."""
    percent = max(time_percent or 100, 100)
    if percent >= UNTIMED_PERCENT:
        return None
    return seconds * percent / 100


def answer_points(elapsed, limit, base_seconds, *, accuracy_only=False):
    """The points of a right answer given ``elapsed`` seconds after the question opened.

    ``limit`` is the player's own (None: untimed, measured against the base ``base_seconds`` and
    never under half the points).
    """
    if accuracy_only:
        return POINTS
    span = limit if limit is not None else base_seconds
    share = min(max(elapsed, 0.0) / span, 1.0) if span else 0.0
    return round(POINTS * (1 - share / 2))


def streak_bonus(streak):
    """The bonus of the ``streak``-th right answer in a row (the first earns none)."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_CAP)


@dataclass
class Standing:
    total: int = 0
    streak: int = 0
    right: int = 0
    answered: int = 0
    last_points: int = 0
    last_right: bool | None = None  # None: no answer to the last closed question


@dataclass(frozen=True)
class Round:
    """One closed question: its right option, its base seconds, whether the host skipped it, and the
    answers (player id -> (option, elapsed seconds, ...))."""

    answer: str
    seconds: float
    answers: dict
    skipped: bool = False


def standings(players, rounds, *, accuracy_only=False):
    """Every player's standing after ``rounds`` (in order); ``players`` maps ids to accommodation percents.

    A skipped question counts for nobody and keeps every streak; a question left unanswered ends the
    player's streak.
    """
    table = {pid: Standing() for pid in players}
    for played in rounds:
        if played.skipped:
            continue
        for pid, standing in table.items():
            given = played.answers.get(pid)
            standing.last_points = 0
            if given is None:
                standing.streak, standing.last_right = 0, None
                continue
            option, elapsed = given[0], given[1]
            standing.answered += 1
            if option != played.answer:
                standing.streak, standing.last_right = 0, False
                continue
            standing.streak += 1
            standing.right += 1
            limit = player_limit(played.seconds, players[pid])
            points = answer_points(elapsed, limit, played.seconds, accuracy_only=accuracy_only)
            if not accuracy_only:
                points += streak_bonus(standing.streak)
            standing.total += points
            standing.last_points, standing.last_right = points, True
    return table


def ranking(table):
    """Player ids from first to last: by total, then by right answers; ties keep the join order."""
    order = {pid: i for i, pid in enumerate(table)}
    return sorted(table, key=lambda pid: (-table[pid].total, -table[pid].right, order[pid]))


def distribution(options, answers):
    """How many players chose each option (in the options' order), for the projector after a question."""
    counts = dict.fromkeys(options, 0)
    for given in answers.values():
        if given[0] in counts:
            counts[given[0]] += 1
    return [counts[key] for key in options]
