"""The item analysis formulas (Moodle's quiz statistics): pure functions over plain numbers (no Django, no numpy).

The definitions are those of Moodle's quiz statistics report, read from
``question/classes/statistics/questions/calculator.php`` (per item: facility,
discrimination index) and
``mod/quiz/report/statistics/classes/calculator.php`` (per test: coefficient of
internal consistency, error ratio, standard error); see
/work/shared/STATISTICS.md.

Notation, over the s attempts counted for an item:

* xᵢ: the mark an attempt got on item i (0..1 here: every item is worth 1);
* X: the attempt's total mark; Xᵢ = X − xᵢ, the mark on the rest of the test;
* V(·) and Cov(·,·): *sample* variance and covariance (divided by s − 1).

Everything returns ``None`` where the figure is undefined (too few attempts, a
variance of 0), so that pages can show "—" rather than a made-up number.

The report selectors (reports/items.py, reports/site_items.py) compute per-item sums
in SQL and pass them here as :class:`Moments` (moments_from_sums). Moodle's
discriminative efficiency needs every attempt's marks, sorted, rather than
sums, so it is not offered.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Sums of squares computed from raw sums (Σx² − (Σx)²/n) lose precision; a
# result this small relative to Σx² is rounding noise, and is treated as 0.
_RELATIVE_NOISE = 1e-10
# A discrimination this close to 0 (in %) is rounding noise too: it is shown
# as 0, so a zero covariance never turns into a "negative discrimination" flag.
_ZERO_DISCRIMINATION = 1e-9


@dataclass(frozen=True)
class Moments:
    """Sums over the attempts that contained one item (summed in SQL by reports.item_groups and item_sums).

    ``x`` is the item's mark (0..1) and ``y`` the attempt's score minus that
    mark: the rest of the test (Moodle's "other marks").
    """

    n: int
    sum_x: float
    sum_x2: float
    sum_y: float
    sum_y2: float
    sum_xy: float


def moments_from_sums(sums: dict) -> Moments:
    """:class:`Moments` from a row of SQL sums (a dict with n and sum_x … sum_xy); a missing or NULL sum is 0."""
    return Moments(
        n=sums.get("n") or 0,
        sum_x=sums.get("sum_x") or 0.0,
        sum_x2=sums.get("sum_x2") or 0.0,
        sum_y=sums.get("sum_y") or 0.0,
        sum_y2=sums.get("sum_y2") or 0.0,
        sum_xy=sums.get("sum_xy") or 0.0,
    )


# --- Helpers ---------------------------------------------------------------------------


def _centred_square_sum(n, total, total_of_squares):
    """Σ(v − mean)² from n, Σv and Σv²; rounding noise (including tiny negatives) becomes 0."""
    n = float(n)
    total = float(total)
    total_of_squares = float(total_of_squares)
    ss = total_of_squares - total * total / n
    if ss <= _RELATIVE_NOISE * abs(total_of_squares):
        return 0.0
    return ss


def _as_floats(values):
    return [float(v) for v in values]


# --- Descriptive statistics ------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    values = _as_floats(values)
    if not values:
        return None
    return math.fsum(values) / len(values)


def median(values: Iterable[float]) -> float | None:
    """Middle value (mean of the two middle values for an even count), or None for no values."""
    values = sorted(_as_floats(values))
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def variance_from_sums(n: int, sum_x: float, sum_x2: float) -> float | None:
    """Sample variance from SQL sums: (Σx² − (Σx)²/n) / (n − 1); None when n < 2.

    Rounding noise (a tiny or slightly negative result) is returned as 0.
    """
    if n is None or n < 2:
        return None
    return _centred_square_sum(n, sum_x, sum_x2) / (n - 1)


def score_histogram(percents: Iterable[float | None], bins: int = 10) -> list[int]:
    """Counts of scores (0..100 %) in ``bins`` equal-width bins over 0..100.

    Bin k holds [k·w, (k+1)·w) with w = 100 / bins, except that the last bin
    also holds 100 (so 90–100 for ten bins). ``bins`` is a number of bins, as
    reports.histogram passes it; the result always has exactly ``bins``
    counts. None is skipped; a score outside 0..100 (which a mark cannot
    produce) is counted in the nearest end bin rather than lost.
    """
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError("bins must be a positive number of bins")
    counts = [0] * bins
    for percent in percents:
        if percent is None or math.isnan(percent):
            continue
        index = math.floor(float(percent) * bins / 100)
        counts[min(max(index, 0), bins - 1)] += 1
    return counts


# --- Item statistics (question/classes/statistics/questions/calculator.php) ------------------


def facility_index(moments: Moments, max_mark: float = 1.0) -> float | None:
    """Facility index Fᵢ = 100 · mean(xᵢ) / maxmarkᵢ: the share of full marks, in %.

    Moodle: ``$stats->facility = $stats->markaverage / $stats->maxmark`` in
    question/classes/statistics/questions/calculator.php. None when no attempt
    contained the item (or the item is worth nothing).
    """
    if not moments.n or not max_mark:
        return None
    return 100 * float(moments.sum_x) / moments.n / max_mark


def discrimination_index(moments: Moments) -> float | None:
    """Discrimination index Dᵢ = 100 · Cov(xᵢ, Xᵢ) / √(V(xᵢ) · V(Xᵢ)), in %.

    The correlation of the item's mark with the mark on the rest of the test
    (not the top/bottom 27 % index). Moodle:
    ``100 * $stats->covariance / sqrt($stats->markvariance * $stats->othermarkvariance)``
    in question/classes/statistics/questions/calculator.php. From the sums::

        Sxx = Σx² − (Σx)²/n,  Syy = Σy² − (Σy)²/n,  Sxy = Σxy − Σx·Σy/n
        Dᵢ  = 100 · Sxy / √(Sxx · Syy)      (the n − 1 divisors cancel)

    None when n < 2 or either variance is 0 (everyone got the same mark on the
    item, or on the rest of the test), including variances that are 0 up to
    rounding. A value within rounding noise of 0 is returned as 0.0, and the
    result is kept within −100..100.
    """
    n = moments.n
    if not n or n < 2:
        return None
    sxx = _centred_square_sum(n, moments.sum_x, moments.sum_x2)
    syy = _centred_square_sum(n, moments.sum_y, moments.sum_y2)
    if sxx <= 0 or syy <= 0:
        return None
    sxy = float(moments.sum_xy) - float(moments.sum_x) * float(moments.sum_y) / n
    index = 100 * sxy / math.sqrt(sxx * syy)
    if abs(index) < _ZERO_DISCRIMINATION:
        return 0.0
    return min(max(index, -100.0), 100.0)


# The warning codes flag_item raises (reports/presentation.FLAG_LABELS words them), each named once.
TOO_EASY = "too_easy"
TOO_HARD = "too_hard"
NEGATIVE_DISCRIMINATION = "negative_discrimination"
WEAK_DISCRIMINATION = "weak_discrimination"


def flag_item(facility: float | None, discrimination: float | None, n: int, thresholds: dict) -> list[str]:
    """The warning codes for one item, facility flags first.

    * ``too_easy``: facility > thresholds["too_easy_above"];
    * ``too_hard``: facility < thresholds["too_hard_below"];
    * ``negative_discrimination``: discrimination < 0 (stronger learners miss it
      more often: usually a wrong key or an ambiguous question);
    * ``weak_discrimination``: 0 ≤ discrimination < thresholds["weak_discrimination_below"].

    A figure that is None raises no flag. The flags are raised whatever the
    number of answers ``n``: with generated quizzes a class meets each item a
    few times, and a teacher still wants to see a suspicious item. Below
    thresholds["min_trusted_count"] answers the report says, beside the flags,
    that the count is too small to trust (STATISTICS.md); ``n`` is kept in the
    signature so that rule can move here. Suggested thresholds
    (STATISTICS.md, settings.ITEM_FLAGS): 90, 20, 20.
    """
    flags = []
    if facility is not None:
        if facility > thresholds["too_easy_above"]:
            flags.append(TOO_EASY)
        if facility < thresholds["too_hard_below"]:
            flags.append(TOO_HARD)
    if discrimination is not None:
        if discrimination < 0:
            flags.append(NEGATIVE_DISCRIMINATION)
        elif discrimination < thresholds["weak_discrimination_below"]:
            flags.append(WEAK_DISCRIMINATION)
    return flags


def language_gap(facility_tr: float | None, facility_en: float | None) -> float | None:
    """Facility in English minus facility in Turkish, in points; None unless both are known."""
    if facility_tr is None or facility_en is None:
        return None
    return facility_en - facility_tr


def language_gap_is_large(gap: float | None, n_tr: int, n_en: int, thresholds: dict) -> bool:
    """Whether a language gap points to a translation that gives the answer away or hides it.

    Large: at least thresholds["language_gap_above"] points, with each language
    answered at least half of thresholds["min_trusted_count"] times (at least once).
    """
    if gap is None:
        return False
    enough = max(thresholds["min_trusted_count"] // 2, 1)
    return abs(gap) >= thresholds["language_gap_above"] and min(n_tr, n_en) >= enough


# --- Test statistics (mod/quiz/report/statistics/classes/calculator.php) -----------------------


def cronbach_alpha(item_variances: Sequence[float | None], total_variance: float | None) -> float | None:
    """Coefficient of internal consistency (Cronbach's alpha), in %.

    CIC = 100 · P/(P − 1) · (1 − Σᵢ V(xᵢ) / V(X)), with P the number of items,
    V(xᵢ) the variance of each item's mark and V(X) that of the total mark
    (mod/quiz/report/statistics/classes/calculator.php). Above 75 % is good,
    below 64 % poor. It only means something when every attempt saw the same
    items. None when P < 2, any variance is None, or V(X) is 0. It can be
    negative (items that do not measure the same thing).
    """
    item_variances = list(item_variances)
    p = len(item_variances)
    if p < 2 or total_variance is None or any(v is None for v in item_variances):
        return None
    if total_variance <= 0:
        return None
    return 100 * p / (p - 1) * (1 - math.fsum(float(v) for v in item_variances) / total_variance)


def error_ratio(cic: float | None) -> float | None:
    """Error ratio ER = 100 · √(1 − CIC/100), in % (mod/quiz/report/statistics/classes/calculator.php).

    The share of the score's spread that is noise rather than real
    differences. None when CIC is None. A CIC above 100 cannot happen except
    by rounding, and gives 0.
    """
    if cic is None:
        return None
    return 100 * math.sqrt(max(1 - cic / 100, 0.0))


def standard_error(er: float | None, sd_total: float | None) -> float | None:
    """Standard error SE = ER · SD(X) / 100, in marks (mod/quiz/report/statistics/classes/calculator.php).

    ``sd_total`` is the standard deviation of the attempts' total marks
    (√V(X), sample). None when either figure is None.
    """
    if er is None or sd_total is None:
        return None
    return er * sd_total / 100
