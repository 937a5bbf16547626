"""What each student of a class would practise in "practise what the class missed" (four queries)."""

from ..missed import Mark, plan_practice
from ..models import MIXED, Answer, Attempt, extensions_of
from ..models.vocabulary import TOPIC_ORDER
from .common import members


def held_back(attempts, now):
    """Ids of the class's submitted attempts whose right answers their student may not see yet (the review
    option): practising their questions would show those answers early (models.held_back_attempts, for a
    whole class at once). One query, the extensions."""
    extensions = extensions_of({a.assignment_id for a in attempts})
    last_in = {(a.user_id, a.assignment_id) for a in attempts if a.number >= a.assignment.max_attempts}
    return {
        a.pk
        for a in attempts
        if not a.assignment.shows_answers(
            a, now, extensions=extensions, last_attempt_in=(a.user_id, a.assignment_id) in last_in
        )
    }


def class_marks(classroom, now):
    """Every graded answer of the class's submitted attempts whose answers are open to their student,
    as plain ``missed.Mark`` values (three queries)."""
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
        .exclude(attempt_id__in=held_back(attempts, now))
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
