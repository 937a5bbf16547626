"""The report pages' words, styles, links and charts: what the selectors' codes and numbers look like.

Selectors (the other modules of this package) return codes and frozen texts;
this module, the ``ddo`` template filters and the exports turn them into the
page language's words, badge classes and admin links, and draw the charts.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import charts, item_formulas
from ..models import topic_label
from ..presentation import text_in
from .common import DONE, IN_PROGRESS, LATE, MISSING, NOT_STARTED, UPCOMING

STATUS_LABELS = {
    UPCOMING: gettext_lazy("Not open yet"),
    NOT_STARTED: gettext_lazy("Not started"),
    IN_PROGRESS: gettext_lazy("In progress"),
    DONE: gettext_lazy("Done"),
    LATE: gettext_lazy("Done late"),
    MISSING: gettext_lazy("Missing"),
}
# The badge class shown next to the text (the text carries the meaning, colour only helps).
STATUS_BADGES = {UPCOMING: "closed", NOT_STARTED: "", IN_PROGRESS: "", DONE: "done", LATE: "late", MISSING: "late"}

FLAG_LABELS = {
    item_formulas.TOO_EASY: gettext_lazy("too easy"),
    item_formulas.TOO_HARD: gettext_lazy("too hard"),
    item_formulas.NEGATIVE_DISCRIMINATION: gettext_lazy("negative discrimination: check the key"),
    item_formulas.WEAK_DISCRIMINATION: gettext_lazy("weak discrimination"),
}

ADMIN_CHANGELISTS = {
    "department": "admin:quizzes_department_changelist",
    "duty": "admin:quizzes_duty_changelist",
    "event": "admin:quizzes_timelineevent_changelist",
    "decoy": "admin:quizzes_decoy_changelist",
    "term": "admin:quizzes_glossaryterm_changelist",
    "organisation": "admin:quizzes_organisation_changelist",
}
ITEM_KIND_LABELS = {
    "department": gettext_lazy("department"),
    "duty": gettext_lazy("duty"),
    "event": gettext_lazy("timeline event"),
    "decoy": gettext_lazy("decoy"),
    "term": gettext_lazy("glossary term"),
    "organisation": gettext_lazy("organisation"),
}


def status_label(status):
    return STATUS_LABELS.get(status, status)


def status_badge(status):
    return STATUS_BADGES.get(status, "")


def flag_label(code):
    return FLAG_LABELS.get(code, code)


def item_kind_label(kind):
    return ITEM_KIND_LABELS.get(kind, kind)


def item_admin_url(item_ref):
    """The admin list filtered to the content row behind a question (no query: filtered by slug)."""
    kind, _sep, slug = (item_ref or "").partition(":")
    name = ADMIN_CHANGELISTS.get(kind)
    if not name or not slug:
        return None
    try:
        return f"{reverse(name)}?slug={slug}"
    except NoReverseMatch:
        return None


def question_text(prompt, language):
    """A frozen prompt in the page's language, or a note when no attempt holds the question any more."""
    if not prompt:
        return _("(question text not available)")
    return text_in(prompt, language)


def whole_percent(value):
    """A percentage rounded as the ``percent`` filter writes it (half up), so a chart agrees with its table."""
    if value is None:
        return None
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def local_day(moment):
    """A moment's day and month where the site is (Istanbul), as the tables beside the charts show it."""
    return formats.date_format(timezone.localtime(moment), "d.m")


# --- Charts --------------------------------------------------------------------------------


# A learner's charts are drawn about as wide as a phone, so their 14-unit text stays 12 px or more at 375 px.
PHONE_CHART_WIDTH = 360


def trend_chart(attempts):
    """Each attempt's score, oldest first (the learner's progress page and the teacher's student report)."""
    if not attempts:
        return None
    return charts.line_chart(
        [(local_day(a.submitted_at), whole_percent(a.percent) or 0) for a in attempts],
        title=_("Score of each attempt, oldest first (%)"),
        y_label="%",
        width=PHONE_CHART_WIDTH,
    )


def mastery_chart(mastery):
    """Mastery by topic, from topic_mastery's rows."""
    if not mastery:
        return None
    return charts.bar_chart(
        [(topic_label(row["topic"]), row["percent"]) for row in mastery],
        title=_("Mastery by topic (%)"),
        y_max=100,
        y_label="%",
        width=PHONE_CHART_WIDTH,
    )


def count_axis(bars):
    """A y axis top for counts: a multiple of 4, so the chart's four gridlines fall on whole numbers."""
    top = max((count for _label, count in bars), default=0)
    return max(4, -(-top // 4) * 4)


def _count_chart(bands, title, description, y_label):
    """A bar chart of how many fall in each 10-point band."""
    return charts.bar_chart(bands, title=title, description=description, y_max=count_axis(bands), y_label=y_label)


def histogram_chart(bands):
    return _count_chart(
        bands,
        _("Score distribution: number of results in each 10-point band"),
        _("Each student's score on each assignment, counted by band."),
        _("results"),
    )


def topic_chart(topics):
    if not topics:
        return None
    return charts.bar_chart(
        [(topic_label(t.topic), t.percent_correct) for t in topics],
        title=_("Answers fully correct, by topic (%)"),
        y_max=100,
        y_label="%",
    )


def facility_chart(bands):
    return _count_chart(
        bands,
        _("Questions by facility index: number of questions in each 10-point band"),
        _("Facility is the share of full marks a question received, over first attempts."),
        _("questions"),
    )
