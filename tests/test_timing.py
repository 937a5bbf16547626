"""Timer arithmetic (quizzes/timing.py), without a database."""

import datetime

import pytest

from quizzes import timing

START = datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)


def at(seconds):
    return START + datetime.timedelta(seconds=seconds)


def test_untimed_is_the_default():
    assert timing.limit_seconds(None) is None
    assert timing.limit_seconds(0) is None
    assert timing.deadline_from(START, None) is None
    assert timing.seconds_left(None, START) is None
    assert not timing.is_expired(None, at(10**6)) and not timing.is_due(None, at(10**6))


def test_the_deadline_is_the_start_plus_the_limit():
    assert timing.limit_seconds(10) == 600
    assert timing.deadline_from(START, 600) == at(600)


@pytest.mark.parametrize(("percent", "seconds"), [(100, 600), (125, 750), (150, 900), (200, 1200), (1000, 6000)])
def test_an_accommodation_stretches_the_limit(percent, seconds):
    assert timing.limit_seconds(10, percent) == seconds


def test_an_accommodation_never_shortens_the_limit():
    assert timing.limit_seconds(10, 50) == 600
    assert timing.limit_seconds(10, None) == 600


def test_time_left_counts_down_and_stops_at_zero():
    deadline = at(600)
    assert timing.seconds_left(deadline, START) == 600
    assert timing.seconds_left(deadline, at(599.5)) == 0
    assert timing.seconds_left(deadline, at(900)) == 0


def test_answers_are_taken_within_the_grace_only():
    deadline = at(600)
    assert not timing.is_due(deadline, at(599)) and not timing.is_expired(deadline, at(599))
    assert timing.is_due(deadline, at(600)) and not timing.is_expired(deadline, at(600))
    assert not timing.is_expired(deadline, at(600 + 30))
    assert timing.is_expired(deadline, at(600 + 31))


def test_a_practice_timer_extends_by_one_limit_up_to_tenfold():
    deadline = at(600)
    for expected_factor in range(2, 11):
        deadline = timing.extended(START, deadline, 600, at(10))
        assert timing.factor(START, deadline, 600) == expected_factor
    assert deadline == at(6000)
    assert not timing.can_extend(START, deadline, 600)
    with pytest.raises(ValueError):
        timing.extended(START, deadline, 600, at(10))


def test_an_extension_in_the_grace_counts_from_now():
    assert timing.extended(START, at(600), 600, at(620)) == at(1220)


def test_no_timer_cannot_be_extended():
    assert not timing.can_extend(START, None, 600)
    assert not timing.can_extend(START, at(600), None)
    with pytest.raises(ValueError):
        timing.extended(START, None, 600, START)


@pytest.mark.parametrize(("seconds", "shown"), [(0, "0:00"), (59, "0:59"), (600, "10:00"), (3725, "1:02:05")])
def test_the_clock_reads_like_a_clock(seconds, shown):
    assert timing.clock(seconds) == shown


@pytest.mark.parametrize(("seconds", "minutes"), [(0, 0), (1, 1), (60, 1), (61, 2), (120, 2)])
def test_minutes_left_round_up(seconds, minutes):
    assert timing.minutes_left(seconds) == minutes
