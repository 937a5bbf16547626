"""quizzes/item_formulas.py on examples computed by hand (no database).

Conventions as in Moodle's quiz statistics: x = an item's mark (0..1),
y = the attempt's score minus that mark (the rest of the test), sample
variances and covariances (divide by n − 1).
"""

import dataclasses
import math
import statistics as pystats

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import item_formulas as stats

# The suggested thresholds (STATISTICS.md; settings.ITEM_FLAGS has the same values).
THRESHOLDS = {"too_easy_above": 90, "too_hard_below": 20, "weak_discrimination_below": 20, "min_trusted_count": 10}


def column(marks, item):
    return [row[item] for row in marks]


def moments_of(pairs):
    """The item's Moments from raw (x, y) pairs, as SQL sums them (stats.moments_from_sums reads the sums)."""
    pairs = [(float(x), float(y)) for x, y in pairs]
    return stats.moments_from_sums(
        {
            "n": len(pairs),
            "sum_x": math.fsum(x for x, _y in pairs),
            "sum_x2": math.fsum(x * x for x, _y in pairs),
            "sum_y": math.fsum(y for _x, y in pairs),
            "sum_y2": math.fsum(y * y for _x, y in pairs),
            "sum_xy": math.fsum(x * y for x, y in pairs),
        }
    )


def item_pairs(marks, item):
    """(x, y) per attempt: the item's mark and the mark on the rest of the test."""
    return [(row[item], sum(row) - row[item]) for row in marks]


# --- The four-attempt example (same data as tests/test_reports.py) ---------------------------
#
#        q1 q2 q3   X
#   S1    1  1  1   3
#   S2    1  1  0   2
#   S3    1  0  0   1
#   S4    0  0  1   1
TINY = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 0, 1)]


def test_tiny_moments_are_the_sums_of_the_pairs():
    # q1: pairs (x, y) = (1, 2) (1, 1) (1, 0) (0, 1)
    #   Σx = 3, Σx² = 3, Σy = 4, Σy² = 4 + 1 + 0 + 1 = 6, Σxy = 2 + 1 + 0 + 0 = 3.
    assert moments_of(item_pairs(TINY, 0)) == stats.Moments(4, 3, 3, 4, 6, 3)
    # The positional order of the fields, as the tests write Moments.
    assert [f.name for f in dataclasses.fields(stats.Moments)] == ["n", "sum_x", "sum_x2", "sum_y", "sum_y2", "sum_xy"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        stats.Moments(4, 3, 3, 4, 6, 3).n = 5


def test_tiny_facility():
    # q1: 3 of 4 full marks → 75 %; q2: 2/4 → 50 %; q3: 2/4 → 50 %.
    facilities = [stats.facility_index(moments_of(item_pairs(TINY, i))) for i in range(3)]
    assert facilities == [pytest.approx(75), pytest.approx(50), pytest.approx(50)]
    assert stats.facility_index(stats.Moments(0, 0, 0, 0, 0, 0)) is None


def test_tiny_discrimination_by_hand():
    # With Sxx = Σx² − (Σx)²/n, Syy = Σy² − (Σy)²/n, Sxy = Σxy − ΣxΣy/n, D = 100 · Sxy / √(Sxx·Syy).
    #
    # q1: Σx = 3, Σx² = 3, Σy = 4, Σy² = 6, Σxy = 3
    #     Sxx = 3 − 9/4 = 0.75, Syy = 6 − 16/4 = 2, Sxy = 3 − 12/4 = 0 → D = 0.
    q1 = stats.Moments(4, 3, 3, 4, 6, 3)
    assert stats.discrimination_index(q1) == 0
    # q2: pairs (1, 2) (1, 1) (0, 1) (0, 1): Σx = 2, Σx² = 2, Σy = 5, Σy² = 7, Σxy = 3
    #     Sxx = 2 − 4/4 = 1, Syy = 7 − 25/4 = 0.75, Sxy = 3 − 10/4 = 0.5
    #     D = 100 · 0.5 / √0.75 = 100/√3 ≈ 57.735
    #     (= test_reports: Cov = 1/6, V(x) = 1/3, V(y) = 1/4 → 100 · (1/6) / √(1/12)).
    q2 = moments_of(item_pairs(TINY, 1))
    assert q2 == stats.Moments(4, 2, 2, 5, 7, 3)
    assert stats.discrimination_index(q2) == pytest.approx(100 / math.sqrt(3))
    assert stats.discrimination_index(q2) == pytest.approx(100 * (1 / 6) / math.sqrt(1 / 12))
    assert stats.discrimination_index(q2) == pytest.approx(57.735, abs=1e-3)
    # q3: pairs (1, 2) (0, 2) (0, 1) (1, 0): Σx = 2, Σx² = 2, Σy = 5, Σy² = 9, Σxy = 2
    #     Sxx = 1, Syy = 9 − 25/4 = 2.75, Sxy = 2 − 10/4 = −0.5
    #     D = 100 · (−0.5) / √2.75 = −50/√2.75 ≈ −30.151 (= test_reports).
    q3 = moments_of(item_pairs(TINY, 2))
    assert q3 == stats.Moments(4, 2, 2, 5, 9, 2)
    assert stats.discrimination_index(q3) == pytest.approx(-50 / math.sqrt(2.75))
    assert stats.discrimination_index(q3) == pytest.approx(-30.151, abs=1e-3)


def test_tiny_alpha_error_ratio_and_standard_error():
    # Item variances: q1 1 1 1 0 → Σ(x − ¾)² = 3·(1/16) + 9/16 = ¾ → V = ¼;
    #                 q2 1 1 0 0 and q3 1 0 0 1 → Σ(x − ½)² = 1 → V = ⅓ each.  ΣV(xᵢ) = ¼ + ⅔ = 11/12.
    # Totals X = 3 2 1 1: mean 1.75, Σ(X − 1.75)² = 1.5625 + 0.0625 + 0.5625 + 0.5625 = 2.75 → V(X) = 11/12.
    # CIC = 100 · 3/2 · (1 − (11/12)/(11/12)) = 0; ER = 100 · √1 = 100; SE = 100 · √(11/12) / 100 ≈ 0.957.
    item_variances = [pystats.variance(column(TINY, i)) for i in range(3)]
    assert item_variances == [pytest.approx(1 / 4), pytest.approx(1 / 3), pytest.approx(1 / 3)]
    totals = [sum(row) for row in TINY]
    total_variance = stats.variance_from_sums(len(totals), sum(totals), sum(t * t for t in totals))
    assert total_variance == pytest.approx(11 / 12)  # (15 − 49/4) / 3
    cic = stats.cronbach_alpha(item_variances, total_variance)
    assert cic == pytest.approx(0, abs=1e-9)
    er = stats.error_ratio(cic)
    assert er == pytest.approx(100)
    assert stats.standard_error(er, math.sqrt(total_variance)) == pytest.approx(math.sqrt(11 / 12))
    assert stats.standard_error(er, math.sqrt(total_variance)) == pytest.approx(0.957, abs=1e-3)


def test_tiny_flags():
    # Four answers are few (the report says so beside the figures), but a suspicious item is still flagged:
    # q1 (75 %, D = 0) is weak, q2 (50 %, D = 57.7) is fine, q3 (D = −30.2) discriminates negatively.
    facility, discrimination = 50, -50 / math.sqrt(2.75)
    assert stats.flag_item(75, 0.0, 4, THRESHOLDS) == ["weak_discrimination"]
    assert stats.flag_item(50, 100 / math.sqrt(3), 4, THRESHOLDS) == []
    assert stats.flag_item(facility, discrimination, 4, THRESHOLDS) == ["negative_discrimination"]


# --- A consistent (Guttman) pattern: alpha 75 % ---------------------------------------------------
#
#        q1 q2 q3   X
#   S1    1  1  1   3
#   S2    1  1  0   2
#   S3    1  0  0   1
#   S4    0  0  0   0
GUTTMAN = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 0, 0)]


def test_guttman_alpha_error_ratio_and_standard_error():
    # V(q1) = ¼ (1 1 1 0), V(q2) = ⅓ (1 1 0 0), V(q3) = ¼ (1 0 0 0) → ΣV = 5/6.
    # X = 3 2 1 0: mean 1.5, Σ(X − 1.5)² = 2.25 + 0.25 + 0.25 + 2.25 = 5 → V(X) = 5/3.
    # CIC = 100 · 3/2 · (1 − (5/6)/(5/3)) = 150 · ½ = 75 %.
    # ER = 100 · √(1 − 0.75) = 50 %.  SE = 50 · √(5/3) / 100 = √(5/3)/2 ≈ 0.645.
    # Marks are 0 or 1, so Σx² = Σx: e.g. q2 (Σx = 2) → (2 − 4/4) / 3 = ⅓.
    item_variances = [stats.variance_from_sums(4, sum(column(GUTTMAN, i)), sum(column(GUTTMAN, i))) for i in range(3)]
    assert item_variances == [pytest.approx(1 / 4), pytest.approx(1 / 3), pytest.approx(1 / 4)]
    cic = stats.cronbach_alpha(item_variances, 5 / 3)
    assert cic == pytest.approx(75)
    assert stats.error_ratio(cic) == pytest.approx(50)
    assert stats.standard_error(stats.error_ratio(cic), math.sqrt(5 / 3)) == pytest.approx(math.sqrt(5 / 3) / 2)
    assert stats.standard_error(50, math.sqrt(5 / 3)) == pytest.approx(0.645, abs=1e-3)


def test_guttman_middle_item():
    # q2: x = 1 1 0 0, y = 2 1 1 0: deviations (½ ½ −½ −½) · (1 0 0 −1) = ½ + ½ = 1 → Cov = ⅓;
    #     V(x) = ⅓, V(y) = (1 + 0 + 0 + 1)/3 = ⅔ → D = 100 · ⅓ / √(2/9) = 100/√2 ≈ 70.71.
    pairs = item_pairs(GUTTMAN, 1)
    assert pairs == [(1, 2), (1, 1), (0, 1), (0, 0)]
    assert stats.discrimination_index(moments_of(pairs)) == pytest.approx(100 / math.sqrt(2))


# --- Special items -----------------------------------------------------------------------------


def test_a_perfectly_discriminating_item():
    # Three identical items, S1 S2 all right, S3 S4 all wrong: x = 1 1 0 0, y = 2 2 0 0.
    # Sxx = 2 − 4/4 = 1, Syy = 8 − 16/4 = 4, Sxy = 4 − 8/4 = 2 → D = 100 · 2 / √4 = 100.
    pairs = [(1, 2), (1, 2), (0, 0), (0, 0)]
    assert moments_of(pairs) == stats.Moments(4, 2, 2, 4, 8, 4)
    assert stats.discrimination_index(moments_of(pairs)) == pytest.approx(100)
    # Twelve such attempts: trusted, 50 % facility, no flag.
    assert stats.flag_item(50, 100, 12, THRESHOLDS) == []


def test_an_item_everyone_gets_right():
    # x = 1 for all 12 attempts, y varies: Sxx = 12 − 144/12 = 0 → discrimination undefined.
    pairs = [(1, y) for y in (0, 1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 0)]
    moments = moments_of(pairs)
    assert stats.facility_index(moments) == pytest.approx(100)
    assert stats.discrimination_index(moments) is None
    # 100 % > 90 %: too easy, and nothing said about discrimination (None raises no flag)…
    assert stats.flag_item(100, None, 12, THRESHOLDS) == ["too_easy"]
    assert stats.flag_item(99, None, 4, THRESHOLDS) == ["too_easy"]
    assert stats.flag_item(90, None, 12, THRESHOLDS) == []  # the threshold itself is not "above"


def test_a_constant_rest_of_test_gives_no_discrimination():
    # Every attempt scored the same on the other items: V(y) = 0.
    assert stats.discrimination_index(moments_of([(1, 3), (0, 3), (1, 3)])) is None


def test_variances_zero_up_to_rounding_are_zero():
    # Marks of ⅓ everywhere: Σx² − (Σx)²/n is a tiny nonzero number in floating point.
    pairs = [(1 / 3, y) for y in (0.0, 1.0, 2.0)]
    moments = moments_of(pairs)
    assert stats.discrimination_index(moments) is None
    # 0.1 three times: 0.03 − 0.3²/3 comes out slightly negative; it is 0, never negative.
    assert stats.variance_from_sums(3, sum([0.1] * 3), sum([0.01] * 3)) == 0


def test_negative_discrimination():
    # Stronger learners miss it: x = 1 1 0 0, y = 0 0 2 2 → Sxy = 0 − 2·4/4 = −2, Sxx = 1, Syy = 4 → −100.
    moments = moments_of([(1, 0), (1, 0), (0, 2), (0, 2)])
    assert stats.discrimination_index(moments) == pytest.approx(-100)
    assert stats.flag_item(50, -100, 20, THRESHOLDS) == ["negative_discrimination"]


def test_too_few_attempts():
    assert stats.discrimination_index(moments_of([(1, 2)])) is None
    assert stats.discrimination_index(stats.Moments(0, 0, 0, 0, 0, 0)) is None
    assert stats.variance_from_sums(1, 1, 1) is None
    assert stats.variance_from_sums(0, 0, 0) is None


# --- Flags at the boundaries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facility", "discrimination", "expected"),
    [
        (90, 50, []),  # exactly 90: not above
        (90.1, 50, ["too_easy"]),
        (20, 50, []),  # exactly 20: not below
        (19.9, 50, ["too_hard"]),
        (50, 20, []),  # exactly 20: not weak
        (50, 19.9, ["weak_discrimination"]),
        (50, 0, ["weak_discrimination"]),  # 0 is weak, not negative
        (50, -0.1, ["negative_discrimination"]),  # negative only, not also weak
        (5, -30, ["too_hard", "negative_discrimination"]),
        (95, 10, ["too_easy", "weak_discrimination"]),
        (None, None, []),
        (None, -5, ["negative_discrimination"]),
    ],
)
def test_flag_boundaries(facility, discrimination, expected):
    assert stats.flag_item(facility, discrimination, 30, THRESHOLDS) == expected


@pytest.mark.parametrize(
    ("tr", "en", "n_tr", "n_en", "large"),
    [
        (50, 70, 5, 5, True),  # exactly the threshold, each language answered half the trusted count
        (70, 50, 5, 5, True),  # either direction
        (50, 69.9, 5, 5, False),
        (50, 90, 4, 30, False),  # too few answers in Turkish to tell
        (None, 90, 0, 30, False),
    ],
)
def test_a_large_language_gap_is_one_rule_with_its_threshold_in_the_settings(tr, en, n_tr, n_en, large):
    from django.conf import settings

    thresholds = {**THRESHOLDS, "language_gap_above": 20}
    gap = stats.language_gap(tr, en)
    assert stats.language_gap_is_large(gap, n_tr, n_en, thresholds) is large
    assert settings.ITEM_FLAGS["language_gap_above"] == 20


# --- Test-level figures: undefined cases ------------------------------------------------------------


def test_alpha_undefined():
    assert stats.cronbach_alpha([0.25], 1.0) is None  # one item
    assert stats.cronbach_alpha([], 1.0) is None
    assert stats.cronbach_alpha([0.25, None], 1.0) is None  # an item seen once
    assert stats.cronbach_alpha([0.25, 0.25], 0) is None  # every total the same
    assert stats.cronbach_alpha([0.25, 0.25], None) is None
    assert stats.error_ratio(None) is None
    assert stats.standard_error(None, 1.0) is None
    assert stats.standard_error(50, None) is None


def test_alpha_can_be_negative():
    # Two items that trade off: x₁ = 1 0, x₂ = 0 1 → V = ½ each; X = 1 1 → V(X) = 0 → undefined.
    assert stats.cronbach_alpha([0.5, 0.5], 0.0) is None
    # x₁ = 1 0 1 0, x₂ = 0 1 0 0: V(x₁) = 1/3, V(x₂) = 1/4; X = 1 1 1 0 → V(X) = 1/4.
    # CIC = 100 · 2 · (1 − (7/12)/(1/4)) = 200 · (1 − 7/3) = −266.7 %; ER = 100 · √(1 + 8/3).
    cic = stats.cronbach_alpha([1 / 3, 1 / 4], 1 / 4)
    assert cic == pytest.approx(-800 / 3)
    assert stats.error_ratio(cic) == pytest.approx(100 * math.sqrt(11 / 3))


# --- Descriptive statistics and the histogram --------------------------------------------------------


def test_mean_and_median():
    assert stats.mean([]) is None
    assert stats.median([]) is None
    assert stats.mean([1, 2, 3, 4]) == pytest.approx(2.5)
    assert stats.median([3, 1, 2]) == 2  # odd: the middle one
    assert stats.median([4, 1, 3, 2]) == pytest.approx(2.5)  # even: mean of 2 and 3
    assert stats.median([7]) == 7
    # The overview's assignment in tests/test_reports.py: 100, 66.7, 33.3, 100.
    scores = [100, 200 / 3, 100 / 3, 100]
    assert stats.mean(scores) == pytest.approx(75)
    assert stats.median(scores) == pytest.approx((200 / 3 + 100) / 2)


def test_histogram_edges():
    # Ten bins 0–9, 10–19, …, 90–100: 0 and 9.5 in the first, 10 in the second, 99 and 100 in the last.
    assert stats.score_histogram([0, 9.5, 10, 55, 99, 100], bins=10) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert stats.score_histogram([100], bins=10) == [0] * 9 + [1]
    assert stats.score_histogram([0], bins=10) == [1] + [0] * 9
    assert stats.score_histogram([], bins=10) == [0] * 10
    assert stats.score_histogram([0, 25, 50, 75, 100, None], bins=4) == [1, 1, 1, 2]
    assert stats.score_histogram([55]) == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]  # ten bins by default
    # Out of range (cannot come from marks): kept in the end bins rather than lost.
    assert stats.score_histogram([-5, 105], bins=10) == [1] + [0] * 8 + [1]
    with pytest.raises(ValueError):
        stats.score_histogram([50], bins=0)


# --- Properties on random data ------------------------------------------------------------------------

marks = st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])
rests = st.integers(min_value=0, max_value=60).map(lambda v: v / 2)  # 0..30 marks in half-marks
attempts = st.lists(st.tuples(marks, rests), min_size=2, max_size=80)


@given(attempts)
def test_discrimination_from_sums_is_pearsons_correlation(pairs):
    xs = [x for x, _y in pairs]
    ys = [y for _x, y in pairs]
    result = stats.discrimination_index(moments_of(pairs))
    if len(set(xs)) == 1 or len(set(ys)) == 1:
        assert result is None
        return
    assert result == pytest.approx(100 * pystats.correlation(xs, ys), abs=1e-7)


@given(st.lists(st.floats(min_value=0, max_value=100), max_size=200), st.integers(min_value=1, max_value=20))
def test_histogram_counts_every_score_once(percents, bins):
    counts = stats.score_histogram(percents, bins=bins)
    assert len(counts) == bins
    assert sum(counts) == len(percents)


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=2, max_size=50))
def test_variance_from_sums_matches_the_two_pass_variance(values):
    expected = pystats.variance(values)
    found = stats.variance_from_sums(len(values), math.fsum(values), math.fsum(v * v for v in values))
    assert found >= 0
    assert found == pytest.approx(expected, rel=1e-6, abs=1e-6 * max(1.0, max(v * v for v in values)))
