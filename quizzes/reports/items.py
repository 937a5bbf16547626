"""Item analysis: how each question did over a class's first attempts, as Moodle's quiz statistics define it.

Three queries whatever the number of answers: the class's assignments, one
GROUP BY over the answers per question key and chosen option, and one frozen
question per key; a fourth sums the attempt scores for Cronbach's alpha. The
formulas (facility, discrimination, alpha) live in item_formulas.py and take
plain numbers.

Rows carry codes and frozen texts ({"tr", "en"}); reports/presentation.py and
the templates turn them into words in the page's language.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, Min, Q, Sum

from .. import item_formulas
from ..models import SINGLE_CHOICE_TYPES, Answer, Assignment, Attempt, Classroom, score_percent_expression
from ..models.item_sums import answer_sums
from ..models.problems import open_report_counts
from .common import assignments_of, questions_of_attempts


@dataclass
class Distractor:
    key: str
    text: object  # the option's frozen text, {"tr": ..., "en": ...}
    count: int
    share: float | None  # % of the item's answers
    mean_percent: float | None  # mean score (%) of the attempts that chose it


@dataclass
class LanguageFacility:
    language: str
    n: int
    facility: float | None


@dataclass
class ItemRow:
    key: str
    question: dict | None  # the frozen question (None if no attempt holds it any more)
    n: int
    facility: float | None
    discrimination: float | None
    flags: list  # codes: see item_formulas.flag_item
    trusted: bool
    languages: list  # LanguageFacility for tr, en
    language_gap: float | None  # facility en − tr, in points
    language_gap_large: bool
    distractors: list
    correct_text: object  # the right option's frozen text (single-choice questions), else None
    correct_count: int | None
    unanswered: int | None
    open_reports: int = 0  # learners' problem reports on the question that no editor has closed yet

    @property
    def prompt(self):
        return (self.question or {}).get("prompt")

    @property
    def item_ref(self):
        """The content row behind the question, e.g. ``department:siber-guvenlik``."""
        return (self.question or {}).get("item", "")

    @property
    def item_kind(self):
        return self.item_ref.partition(":")[0]

    @property
    def item_slug(self):
        return self.item_ref.partition(":")[2]

    @property
    def topic(self):
        return (self.question or {}).get("topic", "")

    @property
    def type(self):
        return (self.question or {}).get("type", "")


@dataclass
class ItemAnalysis:
    classroom: Classroom
    assignments: list
    assignment: Assignment | None
    items: list
    attempts: int  # first attempts counted
    alpha: float | None  # Cronbach's alpha, only for a same-questions assignment
    thresholds: dict
    error_ratio: float | None = None  # % of the scores' spread that is noise (from alpha)
    standard_error: float | None = None  # the same in marks

    @property
    def flagged(self):
        return [i for i in self.items if i.flags]


def first_attempt_answers(assignment_ids):
    """The answers of the submitted first attempts at these assignments.

    Filtered by the assignments' ids (already read for the page) rather than
    by a join to the class: the database then narrows the attempts before
    joining them to the answers, not a million answers after.
    """
    return Answer.objects.filter(
        attempt__assignment_id__in=assignment_ids, attempt__number=1, attempt__submitted_at__isnull=False
    )


# The per-key figures that add up over a key's (key, choice) groups.
_ITEM_COUNTS = ("n", "n_tr", "n_en", "n_blank")
_ITEM_SUMS = ("sum_x", "sum_x2", "sum_y", "sum_y2", "sum_xy", "sum_tr", "sum_en")


def item_aggregates():
    """The per-key figures that add up (_ITEM_COUNTS, _ITEM_SUMS) and the first attempt, as aggregates over answers."""
    return {
        **answer_sums(),
        "n_tr": Count("id", filter=Q(language="tr")),
        "sum_tr": Sum("mark", filter=Q(language="tr")),
        "n_en": Count("id", filter=Q(language="en")),
        "sum_en": Sum("mark", filter=Q(language="en")),
        "n_blank": Count("id", filter=Q(response__isnull=True)),
        # An attempt that holds the question, to read its text and key from (no second pass over answers).
        "first_attempt": Min("attempt_id"),
    }


def item_groups(answers):
    """Per question key and chosen option: every sum item analysis needs, in one GROUP BY (one query).

    x is the mark and y = score − mark, the rest of the test. One pass over the
    answers serves both the per-key statistics (the groups of a key add up to
    the key's sums: see item_sums) and the per-option counts of the distractor
    analysis, which a GROUP BY question_key alone would need a second pass for.
    """
    return list(
        answers.values("question_key", "choice")
        .annotate(
            **item_aggregates(),
            mean_percent=Avg(score_percent_expression("attempt__")),
        )
        .order_by()
    )


def item_sums(groups):
    """(per-key rows, per-key option counts) from item_groups' rows; Python only adds up a few rows per key.

    Each row: question_key, n, sum_x … sum_xy (the Moments), n_tr, sum_tr,
    n_en, sum_en, n_blank, first_attempt; ordered by key. A sum over no values
    (SQL NULL) counts as 0, as item_formulas.Moments reads it. Option counts:
    {key: {chosen option: (answers, mean score % of their attempts)}}, for
    single-choice answers (a non-empty choice).
    """
    parts = {}
    choices = {}
    for group in groups:
        parts.setdefault(group["question_key"], []).append(group)
        if group["choice"]:
            choices.setdefault(group["question_key"], {})[group["choice"]] = (group["n"], group["mean_percent"])
    rows = []
    for key in sorted(parts):
        row = {"question_key": key, "first_attempt": min(g["first_attempt"] for g in parts[key])}
        row.update({name: sum(g[name] for g in parts[key]) for name in _ITEM_COUNTS})
        row.update({name: math.fsum(g[name] or 0.0 for g in parts[key]) for name in _ITEM_SUMS})
        rows.append(row)
    return rows, choices


def _share(count, total):
    return 100 * count / total if total else None


def _option_texts(question):
    """{option or target key: frozen text} of a question."""
    question = question or {}
    return {o["key"]: o.get("text") for o in [*(question.get("options") or []), *(question.get("targets") or [])]}


def _item_row(row, question, choices, thresholds):
    moments = item_formulas.moments_from_sums(row)
    facility = item_formulas.facility_index(moments)
    discrimination = item_formulas.discrimination_index(moments)
    n = row["n"]
    trusted = n >= thresholds["min_trusted_count"]
    flags = item_formulas.flag_item(facility, discrimination, n, thresholds)
    languages = [
        LanguageFacility("tr", row["n_tr"], _share(row["sum_tr"] or 0, row["n_tr"])),
        LanguageFacility("en", row["n_en"], _share(row["sum_en"] or 0, row["n_en"])),
    ]
    gap = item_formulas.language_gap(languages[0].facility, languages[1].facility)
    texts = _option_texts(question)
    correct_key = (question or {}).get("answer") if (question or {}).get("type") in SINGLE_CHOICE_TYPES else None
    distractors = []
    correct_count = None
    if correct_key is not None:
        counts = choices.get(row["question_key"], {})
        correct_count = counts.get(correct_key, (0, None))[0]
        for option in question.get("options") or []:
            if option["key"] == correct_key:
                continue
            count, mean_percent = counts.get(option["key"], (0, None))
            distractors.append(
                Distractor(
                    key=option["key"],
                    text=texts.get(option["key"], option["key"]),
                    count=count,
                    share=_share(count, n),
                    mean_percent=mean_percent,
                )
            )
    return ItemRow(
        key=row["question_key"],
        question=question,
        n=n,
        facility=facility,
        discrimination=discrimination,
        flags=list(flags),
        trusted=trusted,
        languages=languages,
        language_gap=gap,
        language_gap_large=item_formulas.language_gap_is_large(gap, row["n_tr"], row["n_en"], thresholds),
        distractors=distractors,
        correct_text=texts.get(correct_key) if correct_key is not None else None,
        correct_count=correct_count,
        unanswered=row.get("n_blank"),
    )


def item_thresholds():
    """The flag thresholds, min_trusted_count among them: settings.ITEM_FLAGS is their one definition."""
    return dict(settings.ITEM_FLAGS)


def item_analysis(classroom, assignment=None):
    """Facility, discrimination, distractors and language gap per question key, over first attempts.

    Three queries: the assignments (for the filter), the sums per question key
    and chosen option (one pass over the answers), and one frozen question per
    key (for texts and keys); a fourth sums the attempt scores for Cronbach's alpha, a
    fifth counts the learners' open problem reports per question.
    """
    thresholds = item_thresholds()
    assignments = assignments_of(classroom)
    assignment_ids = [a.pk for a in assignments]
    if assignment is not None:
        assignment_ids = [assignment.pk] if assignment.pk in assignment_ids else []
    rows, choices = item_sums(item_groups(first_attempt_answers(assignment_ids)))
    questions = questions_of_attempts({r["first_attempt"] for r in rows})
    items = [_item_row(r, questions.get(r["question_key"]), choices, thresholds) for r in rows]
    reports = open_report_counts([i.key for i in items])  # one query, by every learner (not only this class)
    for item in items:
        item.open_reports = reports.get(item.key, 0)
    # Flags on enough answers first, then flags on too few to trust, then the rest.
    items.sort(key=lambda i: (not (i.flags and i.trusted), not i.flags, i.key))
    attempts_qs = Attempt.objects.filter(assignment_id__in=assignment_ids, number=1, submitted_at__isnull=False)
    totals = attempts_qs.aggregate(s=Count("id"), sum_x=Sum("score"), sum_x2=Sum(F("score") * F("score")))
    alpha = total_variance = None
    if assignment is not None and assignment.same_questions and len(items) > 1:
        total_variance = item_formulas.variance_from_sums(totals["s"], totals["sum_x"] or 0, totals["sum_x2"] or 0)
        alpha = item_formulas.cronbach_alpha(
            item_variances=[item_formulas.variance_from_sums(i["n"], i["sum_x"] or 0, i["sum_x2"] or 0) for i in rows],
            total_variance=total_variance,
        )
    error_ratio = item_formulas.error_ratio(alpha)
    standard_deviation = math.sqrt(total_variance) if total_variance is not None else None
    return ItemAnalysis(
        classroom=classroom,
        assignments=assignments,
        assignment=assignment,
        items=items,
        attempts=totals["s"],
        alpha=alpha,
        thresholds=thresholds,
        error_ratio=error_ratio,
        standard_error=item_formulas.standard_error(error_ratio, standard_deviation),
    )
