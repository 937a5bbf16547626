"""The student's side: their classes, each assignment's status, score and next step."""

from dataclasses import dataclass

from django.utils import timezone

from .. import timing
from ..models import Accommodation, Assignment, Attempt, Classroom, due_for, extensions_of
from .common import Cell, cell, summarise_attempts


@dataclass
class StudentAssignment:
    assignment: Assignment
    cell: Cell
    attempts_used: int
    open_attempt: Attempt | None
    last_submitted: Attempt | None
    is_open: bool
    time_percent: int = 100  # the student's time in this class's timed assignments (an accommodation)

    @property
    def can_start(self):
        return self.open_attempt is None and self.is_open and self.attempts_used < self.assignment.max_attempts

    @property
    def time_minutes(self):
        """The minutes this student gets in the assignment (None: untimed), extra time included."""
        seconds = timing.limit_seconds(self.assignment.time_limit, self.time_percent)
        return None if seconds is None else timing.minutes_left(seconds)

    @property
    def attempts_left(self):
        return max(self.assignment.max_attempts - self.attempts_used, 0)


@dataclass
class StudentClass:
    classroom: Classroom
    assignments: list  # StudentAssignment


def student_classes(student, now=None):
    """The student's classes with their assignments, statuses, extensions, extra time and attempts (five queries)."""
    now = now or timezone.now()
    classrooms = list(
        Classroom.objects.filter(memberships__student=student, archived_at__isnull=True)
        .select_related("teacher")
        .order_by("name", "pk")
    )
    assignments = list(
        Assignment.objects.filter(classroom__in=[c.pk for c in classrooms]).order_by("due_at", "opens_at", "pk")
    )
    attempts = list(
        Attempt.objects.filter(user=student, assignment__in=[a.pk for a in assignments])
        .defer("questions")
        .order_by("started_at", "pk")
    )
    extensions = extensions_of([a.pk for a in assignments], student)
    percents = dict(
        Accommodation.objects.filter(student=student, classroom__in=[c.pk for c in classrooms]).values_list(
            "classroom_id", "time_percent"
        )
    )
    by_assignment = {}
    for attempt in attempts:  # at most max_attempts per assignment
        by_assignment.setdefault(attempt.assignment_id, []).append(attempt)
    found = {c.pk: StudentClass(classroom=c, assignments=[]) for c in classrooms}
    for assignment in assignments:
        mine = by_assignment.get(assignment.pk, [])
        submitted = [a for a in mine if a.submitted_at is not None]
        found[assignment.classroom_id].assignments.append(
            StudentAssignment(
                assignment=assignment,
                cell=cell(
                    assignment,
                    summarise_attempts(mine) if mine else None,
                    now,
                    due_for(assignment, extensions, student.pk),
                ),
                attempts_used=len(mine),
                open_attempt=next((a for a in mine if a.submitted_at is None), None),
                last_submitted=max(submitted, key=lambda a: a.submitted_at, default=None),
                is_open=now >= assignment.opens_at,
                time_percent=percents.get(assignment.classroom_id, 100),
            )
        )
    return list(found.values())


def assignment_to_start(student, assignment_pk, now=None):
    """One assignment of the student's classes as the class page shows it (a StudentAssignment), or None."""
    for entry in student_classes(student, now):
        for item in entry.assignments:
            if item.assignment.pk == assignment_pk:
                return item
    return None
