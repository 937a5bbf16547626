"""The teacher's class pages: the class at a glance, one student over time, topic mastery.

Every aggregate runs in the database (GROUP BY with Count/Sum), never as a
Python loop over answer rows, and every page runs a fixed number of queries
whatever the size of the class. Python only shapes the grouped rows: at most
one row per student and assignment, or per topic and assignment.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from .. import item_formulas
from ..languages import turkish_sort_key
from ..models import (
    Answer,
    Assignment,
    Attempt,
    Classroom,
    due_for,
    extensions_of,
    score_percent_expression,
    topic_order,
)
from .common import UPCOMING, assignments_of, cell, display_name, histogram, members, summarise_attempts
from .learner import most_missed_questions, topic_mastery

# --- Class overview ----------------------------------------------------------------


@dataclass
class StudentRow:
    student: object
    cells: list

    @property
    def name(self):
        return display_name(self.student)

    @property
    def mean(self):
        """The mean of the student's assignment scores (None before any score)."""
        scores = [c.percent for c in self.cells if c.percent is not None]
        return item_formulas.mean(scores) if scores else None


# The overview's orders: ?sort=name (the default), -name, score (lowest first), -score.
SORTS = ("name", "-name", "score", "-score")


def sort_rows(rows, sort):
    """Rows in the order asked for; students without a score come last in either score order."""
    if sort in ("score", "-score"):
        scored = sorted((r for r in rows if r.mean is not None), key=lambda r: r.mean, reverse=sort == "-score")
        return scored + [r for r in rows if r.mean is None]
    by_name = sorted(rows, key=lambda r: (turkish_sort_key(r.name), r.student.pk))
    return by_name[::-1] if sort == "-name" else by_name


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


def _sums_by_student(classroom):
    """{(user_id, assignment_id): summed attempts} from one GROUP BY over the class's attempts.

    The same sums as common.summarise_attempts, in SQL.
    """
    submitted = Q(submitted_at__isnull=False)
    rows = (
        Attempt.objects.filter(assignment__classroom=classroom)
        .values("user_id", "assignment_id")
        .annotate(
            submitted=Count("id", filter=submitted),
            unsubmitted=Count("id", filter=Q(submitted_at__isnull=True)),
            first_submitted_at=Min("submitted_at"),
            best=Max(score_percent_expression(), filter=submitted),
            first=Max(score_percent_expression(), filter=submitted & Q(number=1)),
        )
        .order_by()
    )
    return {(r["user_id"], r["assignment_id"]): r for r in rows}


def class_overview(classroom, now=None, sort="name"):
    """Students × assignments with scores, statuses and extensions; means, medians, completion (four queries)."""
    now = now or timezone.now()
    students = members(classroom)
    assignments = assignments_of(classroom)
    found = _sums_by_student(classroom)
    extensions = extensions_of(assignments)
    rows = [
        StudentRow(
            student=s,
            cells=[cell(a, found.get((s.pk, a.pk)), now, due_for(a, extensions, s.pk)) for a in assignments],
        )
        for s in students
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
                mean=item_formulas.mean(scores) if scores else None,
                median=item_formulas.median(scores) if scores else None,
            )
        )
    all_scores = [c.percent for row in rows for c in row.cells if c.percent is not None]
    due_cells = [c for row in rows for c in row.cells if c.status != UPCOMING]
    completion = round(100 * sum(c.is_completed for c in due_cells) / len(due_cells)) if due_cells else None
    return ClassOverview(
        classroom=classroom,
        assignments=assignments,
        rows=sort_rows(rows, sort),
        summaries=summaries,
        histogram=histogram(all_scores),
        completion=completion,
    )


# --- One student ----------------------------------------------------------------------


@dataclass
class StudentReport:
    classroom: Classroom
    student: object
    attempts: list  # submitted attempts, oldest first, each with .late
    cells: list  # one per assignment
    mastery: list  # per topic: topic, answers, percent
    missed: list  # question_key, prompt (frozen), missed, seen

    @property
    def name(self):
        return display_name(self.student)


def student_report(classroom, student, now=None, missed_limit=10):
    """A student's attempts, extensions, topic mastery and most missed questions (six queries)."""
    now = now or timezone.now()
    assignments = assignments_of(classroom)
    attempts = list(
        Attempt.objects.filter(assignment__classroom=classroom, user=student)
        .select_related("assignment")
        .defer("questions")
        .order_by("started_at", "pk")
    )
    by_assignment = {}
    for attempt in attempts:  # at most max_attempts rows per assignment
        by_assignment.setdefault(attempt.assignment_id, []).append(attempt)
    extensions = extensions_of(assignments, student)
    cells = [
        cell(
            a,
            summarise_attempts(by_assignment[a.pk]) if a.pk in by_assignment else None,
            now,
            due_for(a, extensions, student.pk),
        )
        for a in assignments
    ]
    answers = Answer.objects.filter(
        attempt__assignment__classroom=classroom, attempt__user=student, attempt__submitted_at__isnull=False
    )
    submitted = [a for a in attempts if a.submitted_at is not None]
    for attempt in submitted:
        attempt.late = attempt.submitted_at > due_for(attempt.assignment, extensions, student.pk)
    submitted.sort(key=lambda a: (a.submitted_at, a.pk))
    return StudentReport(
        classroom=classroom,
        student=student,
        attempts=submitted,
        cells=cells,
        mastery=topic_mastery(answers),
        missed=most_missed_questions(answers, missed_limit),
    )


# --- Topic mastery for the class ---------------------------------------------------------


@dataclass
class TopicRow:
    topic: str
    answers: int = 0
    correct: int = 0
    marks: float = 0.0
    by_assignment: dict = field(default_factory=dict)  # assignment id -> (% correct, answers)

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
