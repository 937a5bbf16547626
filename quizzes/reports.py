"""The queries behind the teacher's pages (selectors).

Every aggregate runs in the database (GROUP BY with Count/Sum), never as a
Python loop over answer rows, and every page runs a fixed number of queries
whatever the size of the class. Python only shapes the grouped rows: at most
one row per student and assignment, per question key, or per option.

The formulas (facility, discrimination, histograms) live in statistics.py and
take plain numbers.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, F, Max, Min, Q, Subquery, Sum, Value
from django.db.models.functions import NullIf
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import statistics
from .languages import turkish_sort_key
from .models import Answer, Assignment, Attempt, Classroom, Topic
from .values import Text

# --- Statuses ------------------------------------------------------------------

UPCOMING = "upcoming"
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
LATE = "late"
MISSING = "missing"

STATUS_LABELS = {
    UPCOMING: _("Not open yet"),
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    DONE: _("Done"),
    LATE: _("Done late"),
    MISSING: _("Missing"),
}
# The badge class shown next to the text (the text carries the meaning, colour only helps).
STATUS_BADGES = {UPCOMING: "closed", NOT_STARTED: "", IN_PROGRESS: "", DONE: "done", LATE: "late", MISSING: "late"}
COMPLETED = {DONE, LATE}


def assignment_status(assignment, *, submitted, unsubmitted, first_submitted_at, now):
    """One student's status for one assignment.

    Done once something was submitted (late if the first submission came after
    the due date: late work is accepted, and marked); in progress while an
    attempt is open; otherwise not started, or missing once past due.
    """
    if submitted:
        return LATE if first_submitted_at and first_submitted_at > assignment.due_at else DONE
    if unsubmitted:
        return IN_PROGRESS
    if now < assignment.opens_at:
        return UPCOMING
    if now > assignment.due_at:
        return MISSING
    return NOT_STARTED


def assignment_score(assignment, *, best, first):
    """Best of the submitted attempts when several are allowed; the first otherwise."""
    if assignment.max_attempts > 1:
        return best
    return first if first is not None else best


def display_name(user):
    return user.get_full_name().strip() or user.get_username()


def _percent_expression(prefix=""):
    """100 · score / max_score of an attempt, in SQL (NULL when there is no score)."""
    return Value(100.0) * F(f"{prefix}score") / NullIf(F(f"{prefix}max_score"), Value(0.0))


# --- A teacher's classes ---------------------------------------------------------


def teacher_classrooms(teacher):
    """The teacher's classes with their numbers of students and assignments (one query)."""
    return list(
        Classroom.objects.filter(teacher=teacher)
        .annotate(
            student_count=Count("memberships", distinct=True),
            assignment_count=Count("assignments", distinct=True),
        )
        .order_by("name", "pk")
    )


def members(classroom):
    """The class's students, in Turkish alphabetical order of their names (one query)."""
    users = list(get_user_model().objects.filter(memberships__classroom=classroom).order_by("pk"))
    return sorted(users, key=lambda u: (turkish_sort_key(display_name(u)), u.pk))


def assignments_of(classroom):
    return list(classroom.assignments.order_by("opens_at", "due_at", "pk"))


def assignments_with_submissions(classroom):
    """The class's assignments, each with how many students submitted it at least once (one query)."""
    return list(
        classroom.assignments.annotate(
            submitted_students=Count("attempts__user", filter=Q(attempts__submitted_at__isnull=False), distinct=True)
        ).order_by("opens_at", "due_at", "pk")
    )


# --- Class overview ----------------------------------------------------------------


@dataclass
class Cell:
    """One student's result for one assignment."""

    assignment: Assignment
    status: str
    submitted: int = 0
    percent: float | None = None
    first_submitted_at: datetime.datetime | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def badge(self):
        return STATUS_BADGES[self.status]

    @property
    def is_completed(self):
        return self.status in COMPLETED

    @property
    def attempts_label(self):
        # Here rather than a {% blocktranslate count %} in each of the class report's thousands of cells.
        return ngettext("%(count)d attempt", "%(count)d attempts", self.submitted) % {"count": self.submitted}


@dataclass
class StudentRow:
    student: object
    cells: list

    @property
    def name(self):
        return display_name(self.student)


@dataclass
class AssignmentSummary:
    assignment: Assignment
    students: int
    completed: int
    scores: int
    mean: float | None
    median: float | None

    @property
    def completion(self):
        return round(100 * self.completed / self.students) if self.students else None


@dataclass
class ClassOverview:
    classroom: Classroom
    assignments: list
    rows: list
    summaries: list
    histogram: list  # (label, count) over every student × assignment score
    completion: int | None  # % of (student, open assignment) pairs completed


def _cells_by_student(classroom, assignments, user_ids=None):
    """{(user_id, assignment_id): aggregates} from one GROUP BY over the class's attempts."""
    submitted = Q(submitted_at__isnull=False)
    qs = Attempt.objects.filter(assignment__classroom=classroom)
    if user_ids is not None:
        qs = qs.filter(user_id__in=user_ids)
    rows = (
        qs.values("user_id", "assignment_id")
        .annotate(
            submitted=Count("id", filter=submitted),
            unsubmitted=Count("id", filter=Q(submitted_at__isnull=True)),
            first_submitted_at=Min("submitted_at"),
            best=Max(_percent_expression(), filter=submitted),
            first=Max(_percent_expression(), filter=submitted & Q(number=1)),
        )
        .order_by()
    )
    return {(r["user_id"], r["assignment_id"]): r for r in rows}


def _cell(assignment, found, now):
    found = found or {}
    cell = Cell(
        assignment=assignment,
        status=assignment_status(
            assignment,
            submitted=found.get("submitted", 0),
            unsubmitted=found.get("unsubmitted", 0),
            first_submitted_at=found.get("first_submitted_at"),
            now=now,
        ),
        submitted=found.get("submitted", 0),
        first_submitted_at=found.get("first_submitted_at"),
    )
    if cell.submitted:
        cell.percent = assignment_score(assignment, best=found.get("best"), first=found.get("first"))
    return cell


def class_overview(classroom, now=None):
    """Students × assignments with scores and statuses; means, medians, completion (three queries)."""
    now = now or timezone.now()
    students = members(classroom)
    assignments = assignments_of(classroom)
    found = _cells_by_student(classroom, assignments)
    rows = [
        StudentRow(student=s, cells=[_cell(a, found.get((s.pk, a.pk)), now) for a in assignments]) for s in students
    ]
    summaries = []
    for column, assignment in enumerate(assignments):
        cells = [row.cells[column] for row in rows]
        scores = [c.percent for c in cells if c.percent is not None]
        summaries.append(
            AssignmentSummary(
                assignment=assignment,
                students=len(rows),
                completed=sum(c.is_completed for c in cells),
                scores=len(scores),
                mean=statistics.mean(scores) if scores else None,
                median=statistics.median(scores) if scores else None,
            )
        )
    all_scores = [c.percent for row in rows for c in row.cells if c.percent is not None]
    due_cells = [c for row in rows for c in row.cells if c.status != UPCOMING]
    completion = round(100 * sum(c.is_completed for c in due_cells) / len(due_cells)) if due_cells else None
    return ClassOverview(
        classroom=classroom,
        assignments=assignments,
        rows=rows,
        summaries=summaries,
        histogram=histogram(all_scores),
        completion=completion,
    )


def histogram(percents, bins=10):
    """(label, count) pairs for 10-point bins: 0–9, 10–19, …, 90–100."""
    counts = statistics.score_histogram(percents, bins=bins)
    width = 100 // bins
    labels = [f"{i * width}–{i * width + width - 1}" for i in range(bins)]
    labels[-1] = f"{(bins - 1) * width}–100"
    return list(zip(labels, counts, strict=True))


# --- One student ----------------------------------------------------------------------


@dataclass
class StudentReport:
    classroom: Classroom
    student: object
    attempts: list  # submitted attempts, oldest first
    cells: list  # one per assignment
    mastery: list  # per topic: topic, label, answers, percent
    missed: list  # question_key, prompt, missed, seen

    @property
    def name(self):
        return display_name(self.student)


def topic_label(topic):
    return dict(Topic.choices).get(topic, topic)


TOPIC_ORDER = [value for value, _label in Topic.choices]


def topic_order(topic):
    """Topics in the site's order (departments, duties, timeline, glossary); others after them."""
    return (TOPIC_ORDER.index(topic) if topic in TOPIC_ORDER else len(TOPIC_ORDER), topic)


def student_report(classroom, student, language, now=None, missed_limit=10):
    """A student's attempts at the class's assignments, topic mastery and most missed questions (five queries)."""
    now = now or timezone.now()
    assignments = assignments_of(classroom)
    attempts = list(
        Attempt.objects.filter(assignment__classroom=classroom, user=student)
        .select_related("assignment")
        .defer("questions")
        .order_by("started_at", "pk")
    )
    found = {}
    for attempt in attempts:  # at most max_attempts rows per assignment
        row = found.setdefault(
            attempt.assignment_id, {"submitted": 0, "unsubmitted": 0, "first_submitted_at": None, "best": None}
        )
        if attempt.submitted_at is None:
            row["unsubmitted"] += 1
            continue
        row["submitted"] += 1
        if row["first_submitted_at"] is None or attempt.submitted_at < row["first_submitted_at"]:
            row["first_submitted_at"] = attempt.submitted_at
        percent = attempt_percent(attempt)
        if percent is not None and (row["best"] is None or percent > row["best"]):
            row["best"] = percent
        if attempt.number == 1:
            row["first"] = percent
    cells = [_cell(a, found.get(a.pk), now) for a in assignments]

    answers = Answer.objects.filter(
        attempt__assignment__classroom=classroom, attempt__user=student, attempt__submitted_at__isnull=False
    )
    mastery = [
        {
            "topic": r["topic"],
            "label": topic_label(r["topic"]),
            "answers": r["answers"],
            "percent": round(100 * (r["mean"] or 0)),
        }
        for r in answers.values("topic").annotate(answers=Count("id"), mean=Avg("mark")).order_by("topic")
    ]
    mastery.sort(key=lambda row: topic_order(row["topic"]))
    missed = list(
        answers.values("question_key")
        .annotate(missed=Count("id", filter=Q(mark__lt=1)), seen=Count("id"))
        .filter(missed__gt=0)
        .order_by("-missed", "question_key")[:missed_limit]
    )
    if missed:
        questions = representative_questions(answers.filter(question_key__in=[m["question_key"] for m in missed]))
        for row in missed:
            row["prompt"] = question_prompt(questions.get(row["question_key"]), language)
    submitted = [a for a in attempts if a.submitted_at is not None]
    for attempt in submitted:
        attempt.late = attempt.submitted_at > attempt.assignment.due_at
    submitted.sort(key=lambda a: (a.submitted_at, a.pk))
    return StudentReport(
        classroom=classroom, student=student, attempts=submitted, cells=cells, mastery=mastery, missed=missed
    )


def attempt_percent(attempt):
    if attempt.score is None or not attempt.max_score:
        return None
    return 100 * attempt.score / attempt.max_score


# --- Frozen questions ------------------------------------------------------------------


def representative_questions(answers):
    """One frozen question per key among ``answers`` (one query).

    Reads the questions of the earliest attempt that holds each key: at most
    one attempt per key, usually far fewer, since one attempt holds many keys.
    """
    earliest = answers.order_by().values("question_key").annotate(first=Min("attempt_id")).values("first")
    return questions_of_attempts(Subquery(earliest))


def questions_of_attempts(attempt_ids):
    """{question key: frozen question} from the given attempts' questions (one query)."""
    found = {}
    for questions in Attempt.objects.filter(pk__in=attempt_ids).order_by("pk").values_list("questions", flat=True):
        for question in questions or []:
            found.setdefault(question.get("key"), question)
    return found


def _text(value, language):
    if isinstance(value, dict):
        return Text(tr=value.get("tr", ""), en=value.get("en", "")).get(language) or value.get("tr", "")
    return str(value or "")


def question_prompt(question, language):
    if not question:
        return _("(question text not available)")
    return _text(question.get("prompt"), language)


def option_texts(question, language):
    if not question:
        return {}
    texts = {o["key"]: _text(o.get("text"), language) for o in question.get("options") or []}
    texts.update({t["key"]: _text(t.get("text"), language) for t in question.get("targets") or []})
    return texts


# --- Topic mastery for the class ---------------------------------------------------------


@dataclass
class TopicRow:
    topic: str
    answers: int = 0
    correct: int = 0
    marks: float = 0.0
    by_assignment: dict = field(default_factory=dict)  # assignment id -> % correct

    @property
    def label(self):
        return topic_label(self.topic)

    @property
    def percent_correct(self):
        return round(100 * self.correct / self.answers) if self.answers else None

    @property
    def mean_mark(self):
        return round(100 * self.marks / self.answers) if self.answers else None


@dataclass
class TopicReport:
    classroom: Classroom
    assignments: list
    topics: list  # TopicRow, with .cells in assignment order

    @property
    def answers(self):
        return sum(t.answers for t in self.topics)


def topic_report(classroom):
    """Per topic (and per topic × assignment): answers, % fully correct, mean mark (two queries)."""
    assignments = assignments_of(classroom)
    rows = (
        Answer.objects.filter(attempt__assignment__classroom=classroom, attempt__submitted_at__isnull=False)
        .values("attempt__assignment_id", "topic")
        .annotate(answers=Count("id"), correct=Count("id", filter=Q(mark__gte=1)), marks=Sum("mark"))
        .order_by()
    )
    topics = {}
    for r in rows:  # one row per assignment × topic
        topic = topics.setdefault(r["topic"], TopicRow(topic=r["topic"]))
        topic.answers += r["answers"]
        topic.correct += r["correct"]
        topic.marks += r["marks"] or 0
        topic.by_assignment[r["attempt__assignment_id"]] = (
            round(100 * r["correct"] / r["answers"]) if r["answers"] else None,
            r["answers"],
        )
    ordered = sorted(topics.values(), key=lambda t: topic_order(t.topic))
    for topic in ordered:
        topic.cells = [topic.by_assignment.get(a.pk) for a in assignments]
    return TopicReport(classroom=classroom, assignments=assignments, topics=ordered)


# --- Item analysis ---------------------------------------------------------------------------

ADMIN_CHANGELISTS = {
    "department": "admin:quizzes_department_changelist",
    "duty": "admin:quizzes_duty_changelist",
    "event": "admin:quizzes_timelineevent_changelist",
    "decoy": "admin:quizzes_decoy_changelist",
    "term": "admin:quizzes_glossaryterm_changelist",
    "organisation": "admin:quizzes_organisation_changelist",
}
ITEM_KIND_LABELS = {
    "department": _("department"),
    "duty": _("duty"),
    "event": _("timeline event"),
    "decoy": _("decoy"),
    "term": _("glossary term"),
    "organisation": _("organisation"),
}


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


@dataclass
class Distractor:
    key: str
    text: str
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
    question: dict | None
    prompt: str
    n: int
    facility: float | None
    discrimination: float | None
    flags: list  # (code, label)
    trusted: bool
    languages: list  # LanguageFacility for tr, en
    language_gap: float | None  # facility en − tr, in points
    language_gap_large: bool
    distractors: list
    correct_text: str
    correct_count: int | None
    unanswered: int | None
    item_ref: str = ""
    item_kind: str = ""
    admin_url: str | None = None

    @property
    def item_slug(self):
        return self.item_ref.partition(":")[2]

    @property
    def topic(self):
        return (self.question or {}).get("topic", "")

    @property
    def type(self):
        return (self.question or {}).get("type", "")

    @property
    def topic_label(self):
        return topic_label(self.topic)


@dataclass
class ItemAnalysis:
    classroom: Classroom
    assignments: list
    assignment: Assignment | None
    items: list
    attempts: int  # first attempts counted
    alpha: float | None  # Cronbach's alpha, only for a same-questions assignment
    thresholds: dict

    @property
    def flagged(self):
        return [i for i in self.items if i.flags]


def _first_attempt_answers(assignment_ids):
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


def item_groups(answers):
    """Per question key and chosen option: every sum item analysis needs, in one GROUP BY (one query).

    x is the mark and y = score − mark, the rest of the test. One pass over the
    answers serves both the per-key statistics (the groups of a key add up to
    the key's sums: see item_sums) and the per-option counts of the distractor
    analysis, which a GROUP BY question_key alone would need a second pass for.
    """
    rest = F("attempt__score") - F("mark")
    return list(
        answers.values("question_key", "choice")
        .annotate(
            n=Count("id"),
            sum_x=Sum("mark"),
            sum_x2=Sum(F("mark") * F("mark")),
            sum_y=Sum(rest),
            sum_y2=Sum(rest * rest),
            sum_xy=Sum(F("mark") * rest),
            n_tr=Count("id", filter=Q(language="tr")),
            sum_tr=Sum("mark", filter=Q(language="tr")),
            n_en=Count("id", filter=Q(language="en")),
            sum_en=Sum("mark", filter=Q(language="en")),
            n_blank=Count("id", filter=Q(response__isnull=True)),
            # An attempt that holds the question, to read its text and key from (no second pass over answers).
            first_attempt=Min("attempt_id"),
            mean_percent=Avg(_percent_expression("attempt__")),
        )
        .order_by()
    )


def item_sums(groups):
    """(per-key rows, per-key option counts) from item_groups' rows; Python only adds up a few rows per key.

    Each row: question_key, n, sum_x … sum_xy (the Moments), n_tr, sum_tr,
    n_en, sum_en, n_blank, first_attempt; ordered by key. A sum over no values
    (SQL NULL) counts as 0, as statistics.Moments reads it. Option counts:
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


def _moments(row):
    return statistics.Moments(
        n=row["n"],
        sum_x=row["sum_x"] or 0.0,
        sum_x2=row["sum_x2"] or 0.0,
        sum_y=row["sum_y"] or 0.0,
        sum_y2=row["sum_y2"] or 0.0,
        sum_xy=row["sum_xy"] or 0.0,
    )


def _share(count, total):
    return 100 * count / total if total else None


def _item_row(row, question, choices, language, thresholds):
    moments = _moments(row)
    facility = statistics.facility_index(moments)
    discrimination = statistics.discrimination_index(moments)
    n = row["n"]
    trusted = n >= thresholds["min_trusted_count"]
    flags = statistics.flag_item(facility, discrimination, n, thresholds)
    languages = [
        LanguageFacility("tr", row["n_tr"], _share(row["sum_tr"] or 0, row["n_tr"])),
        LanguageFacility("en", row["n_en"], _share(row["sum_en"] or 0, row["n_en"])),
    ]
    gap = None
    if languages[0].facility is not None and languages[1].facility is not None:
        gap = languages[1].facility - languages[0].facility
    min_count = thresholds["min_trusted_count"]
    gap_large = (
        gap is not None
        and abs(gap) >= thresholds.get("language_gap_above", 20)
        and min(row["n_tr"], row["n_en"]) >= max(min_count // 2, 1)
    )
    texts = option_texts(question, language)
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
    item_ref = (question or {}).get("item", "")
    kind = item_ref.partition(":")[0]
    return ItemRow(
        key=row["question_key"],
        question=question,
        prompt=question_prompt(question, language),
        n=n,
        facility=facility,
        discrimination=discrimination,
        flags=[(code, FLAG_LABELS.get(code, code)) for code in flags],
        trusted=trusted,
        languages=languages,
        language_gap=gap,
        language_gap_large=gap_large,
        distractors=distractors,
        correct_text=texts.get(correct_key, "") if correct_key is not None else "",
        correct_count=correct_count,
        unanswered=row.get("n_blank"),
        item_ref=item_ref,
        item_kind=ITEM_KIND_LABELS.get(kind, kind),
        admin_url=item_admin_url(item_ref),
    )


SINGLE_CHOICE_TYPES = {"single", "truefalse", "year"}

FLAG_LABELS = {
    "too_easy": _("too easy"),
    "too_hard": _("too hard"),
    "negative_discrimination": _("negative discrimination: check the key"),
    "weak_discrimination": _("weak discrimination"),
}


def item_thresholds():
    return {"min_trusted_count": 10, **settings.ITEM_FLAGS}


def item_analysis(classroom, language, assignment=None):
    """Facility, discrimination, distractors and language gap per question key, over first attempts.

    Three queries: the assignments (for the filter), the sums per question key
    and chosen option (one pass over the answers), and one frozen question per
    key (for texts and keys); a fourth sums the attempt scores for Cronbach's alpha.
    """
    thresholds = item_thresholds()
    assignments = assignments_of(classroom)
    assignment_ids = [a.pk for a in assignments]
    if assignment is not None:
        assignment_ids = [assignment.pk] if assignment.pk in assignment_ids else []
    rows, choices = item_sums(item_groups(_first_attempt_answers(assignment_ids)))
    questions = questions_of_attempts({r["first_attempt"] for r in rows})
    items = [_item_row(r, questions.get(r["question_key"]), choices, language, thresholds) for r in rows]
    # Flags on enough answers first, then flags on too few to trust, then the rest.
    items.sort(key=lambda i: (not (i.flags and i.trusted), not i.flags, i.key))
    attempts_qs = Attempt.objects.filter(assignment_id__in=assignment_ids, number=1, submitted_at__isnull=False)
    totals = attempts_qs.aggregate(s=Count("id"), sum_x=Sum("score"), sum_x2=Sum(F("score") * F("score")))
    alpha = None
    if assignment is not None and assignment.same_questions and len(items) > 1:
        alpha = statistics.cronbach_alpha(
            item_variances=[statistics.variance_from_sums(i["n"], i["sum_x"] or 0, i["sum_x2"] or 0) for i in rows],
            total_variance=statistics.variance_from_sums(totals["s"], totals["sum_x"] or 0, totals["sum_x2"] or 0),
        )
    return ItemAnalysis(
        classroom=classroom,
        assignments=assignments,
        assignment=assignment,
        items=items,
        attempts=totals["s"],
        alpha=alpha,
        thresholds=thresholds,
    )


# --- The student's side -------------------------------------------------------------------


@dataclass
class StudentAssignment:
    assignment: Assignment
    cell: Cell
    attempts_used: int
    open_attempt: Attempt | None
    last_submitted: Attempt | None
    is_open: bool

    @property
    def can_start(self):
        return self.open_attempt is None and self.is_open and self.attempts_used < self.assignment.max_attempts

    @property
    def attempts_left(self):
        return max(self.assignment.max_attempts - self.attempts_used, 0)


@dataclass
class StudentClass:
    classroom: Classroom
    assignments: list  # StudentAssignment


def student_classes(student, now=None):
    """The student's classes with their assignments, statuses and attempts (three queries)."""
    now = now or timezone.now()
    classrooms = list(
        Classroom.objects.filter(memberships__student=student).select_related("teacher").order_by("name", "pk")
    )
    assignments = list(
        Assignment.objects.filter(classroom__in=[c.pk for c in classrooms]).order_by("due_at", "opens_at", "pk")
    )
    attempts = list(
        Attempt.objects.filter(user=student, assignment__in=[a.pk for a in assignments])
        .defer("questions")
        .order_by("started_at", "pk")
    )
    by_assignment = {}
    for attempt in attempts:  # at most max_attempts per assignment
        by_assignment.setdefault(attempt.assignment_id, []).append(attempt)
    found = {c.pk: StudentClass(classroom=c, assignments=[]) for c in classrooms}
    for assignment in assignments:
        mine = by_assignment.get(assignment.pk, [])
        submitted = [a for a in mine if a.submitted_at is not None]
        percents = [attempt_percent(a) for a in submitted]
        first = next((attempt_percent(a) for a in submitted if a.number == 1), None)
        cell = Cell(
            assignment=assignment,
            status=assignment_status(
                assignment,
                submitted=len(submitted),
                unsubmitted=len(mine) - len(submitted),
                first_submitted_at=min((a.submitted_at for a in submitted), default=None),
                now=now,
            ),
            submitted=len(submitted),
        )
        if submitted:
            cell.percent = assignment_score(
                assignment, best=max((p for p in percents if p is not None), default=None), first=first
            )
        found[assignment.classroom_id].assignments.append(
            StudentAssignment(
                assignment=assignment,
                cell=cell,
                attempts_used=len(mine),
                open_attempt=next((a for a in mine if a.submitted_at is None), None),
                last_submitted=max(submitted, key=lambda a: a.submitted_at, default=None),
                is_open=now >= assignment.opens_at,
            )
        )
    return list(found.values())
