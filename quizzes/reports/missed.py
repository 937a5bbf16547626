"""What each student of a class would practise in "practise what the class missed" (four queries)."""

from ..missed import Mark, plan_practice
from ..models import MIXED, TOPIC_ORDER, Answer, Attempt, held_back_among
from .common import members


def class_marks(classroom, now):
    """Every graded answer of the class's submitted attempts whose answers are open to their student
    (practising a held-back one would show its right answer early), as plain ``missed.Mark`` values
    (three queries)."""
    attempts = list(
        Attempt.objects.filter(assignment__classroom=classroom, submitted_at__isnull=False, user__isnull=False)
        .select_related("assignment")
        .defer("questions")
    )
    if not attempts:
        return []
    rows = (
        Answer.objects.filter(
            attempt__assignment__classroom=classroom,
            attempt__submitted_at__isnull=False,
            attempt__user__isnull=False,
            mark__isnull=False,
        )
        .exclude(attempt_id__in=held_back_among(attempts, now))
        .values_list("attempt__user_id", "question_key", "topic", "mark", "attempt__submitted_at", "attempt_id")
    )
    return [Mark(*row) for row in rows]


def missed_practice(classroom, limit, now):
    """``(students, plan, answered)``: the class's students, up to ``limit`` questions each would get
    (missed.Plan), and whether the class has any graded answer open to practise."""
    students = members(classroom)
    marks = class_marks(classroom, now)
    plan = plan_practice([s.pk for s in students], marks, limit=limit, topics=TOPIC_ORDER, default_topic=MIXED)
    return students, plan, bool(marks)
