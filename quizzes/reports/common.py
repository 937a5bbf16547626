"""What every report page shares: a class's students and assignments, and one student's status on one assignment.

Selectors return data (codes, numbers, model rows, frozen questions); the
words and styles a page shows for them live in reports/presentation.py and
the templates.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, Min, OuterRef, Q, Subquery

from .. import item_formulas
from ..languages import turkish_sort_key
from ..models import Accommodation, Assignment, Attempt, Classroom, Membership, score_percent

# --- Statuses ------------------------------------------------------------------

UPCOMING = "upcoming"
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
LATE = "late"
MISSING = "missing"
STATUSES = (UPCOMING, NOT_STARTED, IN_PROGRESS, DONE, LATE, MISSING)
COMPLETED = {DONE, LATE}


def assignment_status(assignment, *, submitted, unsubmitted, first_submitted_at, now, due_at=None):
    """One student's status for one assignment.

    Done once something was submitted (late if the first submission came after
    the due date: late work is accepted, and marked); in progress while an
    attempt is open; otherwise not started, or missing once past due. ``due_at``
    is the student's own due date when they have an extension (models.due_for).
    """
    due_at = due_at or assignment.due_at
    if submitted:
        return LATE if first_submitted_at and first_submitted_at > due_at else DONE
    if unsubmitted:
        return IN_PROGRESS
    if now < assignment.opens_at:
        return UPCOMING
    if now > due_at:
        return MISSING
    return NOT_STARTED


def assignment_score(assignment, *, best, first):
    """Best of the submitted attempts when several are allowed; the first otherwise."""
    if assignment.max_attempts > 1:
        return best
    return first if first is not None else best


@dataclass
class Cell:
    """One student's result for one assignment: a status code, attempts submitted, the score (%)."""

    assignment: Assignment
    status: str
    submitted: int = 0
    percent: float | None = None
    first_submitted_at: datetime.datetime | None = None
    extended_to: datetime.datetime | None = None  # the student's own due date, when extended

    @property
    def is_completed(self):
        return self.status in COMPLETED


def summarise_attempts(attempts):
    """One student's attempts at one assignment, summed as the class overview's GROUP BY sums them.

    The keys are those of class_overview's aggregate rows, so that every page
    turns them into a status and a score the same way (cell()).
    """
    submitted = [a for a in attempts if a.submitted_at is not None]
    percents = [score_percent(a.score, a.max_score) for a in submitted]
    return {
        "submitted": len(submitted),
        "unsubmitted": len(attempts) - len(submitted),
        "first_submitted_at": min((a.submitted_at for a in submitted), default=None),
        "best": max((p for p in percents if p is not None), default=None),
        "first": next((p for a, p in zip(submitted, percents, strict=True) if a.number == 1 and p is not None), None),
    }


def cell(assignment, found, now, due_at=None):
    """The Cell for one student and assignment from their summed attempts (None: no attempt).

    ``due_at``: the student's extended due date, if they have one.
    """
    found = found or {}
    extended_to = due_at if due_at and due_at != assignment.due_at else None
    result = Cell(
        assignment=assignment,
        status=assignment_status(
            assignment,
            submitted=found.get("submitted", 0),
            unsubmitted=found.get("unsubmitted", 0),
            first_submitted_at=found.get("first_submitted_at"),
            now=now,
            due_at=extended_to,
        ),
        submitted=found.get("submitted", 0),
        first_submitted_at=found.get("first_submitted_at"),
        extended_to=extended_to,
    )
    if result.submitted:
        result.percent = assignment_score(assignment, best=found.get("best"), first=found.get("first"))
    return result


# --- A class's people and assignments --------------------------------------------


def display_name(user):
    return user.get_full_name().strip() or user.get_username()


def teacher_classrooms(teacher, archived=False):
    """The teacher's classes (or archived classes) with their numbers of students and assignments (one query)."""
    return list(
        Classroom.objects.taught_by(teacher)
        .filter(archived_at__isnull=archived is False)
        .annotate(
            student_count=Count("memberships", distinct=True),
            assignment_count=Count("assignments", distinct=True),
        )
        .order_by("name", "pk")
    )


def teachers_of(classroom):
    """The class's teachers: its owner first (``is_owner``), then its co-teachers by name (one query)."""
    co_teaching = Classroom.co_teachers.through.objects.filter(classroom=classroom).values("user_id")
    users = list(get_user_model().objects.filter(Q(pk=classroom.teacher_id) | Q(pk__in=co_teaching)))
    for user in users:
        user.is_owner = user.pk == classroom.teacher_id
    return sorted(users, key=lambda u: (not u.is_owner, turkish_sort_key(display_name(u)), u.pk))


def membership(classroom_pk, student_pk):
    """The student's membership of the class, with both (one query); None when they are not in it."""
    return (
        Membership.objects.select_related("classroom", "student")
        .filter(classroom__pk=classroom_pk, student__pk=student_pk)
        .first()
    )


def members(classroom):
    """The class's students, in Turkish alphabetical order of their names (one query).

    Each has ``extra_time``: their accommodation's extra time in percent (50 for 1.5 ×), or None.
    """
    extra = Accommodation.objects.filter(classroom=classroom, student=OuterRef("pk")).values("time_percent")[:1]
    users = list(
        get_user_model()
        .objects.filter(memberships__classroom=classroom)
        .annotate(extra_time=Subquery(extra, output_field=IntegerField()) - 100)
        .order_by("pk")
    )
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


def histogram(percents, bins=10):
    """(label, count) pairs for 10-point bins: 0–9, 10–19, …, 90–100."""
    counts = item_formulas.score_histogram(percents, bins=bins)
    width = 100 // bins
    labels = [f"{i * width}–{i * width + width - 1}" for i in range(bins)]
    labels[-1] = f"{(bins - 1) * width}–100"
    return list(zip(labels, counts, strict=True))


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


def deletion_summary(classroom):
    """What deleting the class takes with it: memberships, assignments, attempts (three counts, no joins)."""
    return {
        "memberships": classroom.memberships.count(),
        "assignments": classroom.assignments.count(),
        "attempts": Attempt.objects.filter(assignment__classroom=classroom).count(),
    }
