"""What each student of a class would practise in "practise what the class missed" (two queries)."""

from ..missed import Mark, plan_practice
from ..models import MIXED, Answer
from ..models.vocabulary import TOPIC_ORDER
from .common import members


def class_marks(classroom):
    """Every graded answer of the class's submitted attempts, as plain ``missed.Mark`` values (one query)."""
    rows = Answer.objects.filter(
        attempt__assignment__classroom=classroom,
        attempt__submitted_at__isnull=False,
        attempt__user__isnull=False,
        mark__isnull=False,
    ).values_list("attempt__user_id", "question_key", "topic", "mark", "attempt__submitted_at", "attempt_id")
    return [Mark(*row) for row in rows]


def missed_practice(classroom, limit):
    """``(students, plan, answered)``: the class's students, up to ``limit`` questions each would get
    (missed.Plan), and whether the class has any graded answer at all."""
    students = members(classroom)
    marks = class_marks(classroom)
    plan = plan_practice([s.pk for s in students], marks, limit=limit, topics=TOPIC_ORDER, default_topic=MIXED)
    return students, plan, bool(marks)
