"""The student's side: their classes, each assignment's status, score and next step."""

from dataclasses import dataclass

from django.utils import timezone

from ..models import Assignment, Attempt, Classroom, due_for, extensions_of
from .common import Cell, cell, summarise_attempts


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
    """The student's classes with their assignments, statuses, extensions and attempts (four queries)."""
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
            )
        )
    return list(found.values())
