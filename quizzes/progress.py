"""The queries behind a learner's progress page (aggregated in the database)."""

from django.db.models import Avg, Count, Q

from .models import Answer


def topic_mastery(attempts):
    """Per topic: answers given and the mean mark, as a percentage, over submitted attempts."""
    rows = (
        Answer.objects.filter(attempt__in=attempts.filter(submitted_at__isnull=False))
        .values("topic")
        .annotate(answers=Count("id"), mean=Avg("mark"))
        .order_by("topic")
    )
    return [{"topic": r["topic"], "answers": r["answers"], "percent": round(100 * (r["mean"] or 0))} for r in rows]


def most_missed(attempts, limit=5):
    """Question keys the learner got wrong most often, with how often they met them."""
    return list(
        Answer.objects.filter(attempt__in=attempts.filter(submitted_at__isnull=False))
        .values("question_key")
        .annotate(missed=Count("id", filter=Q(mark__lt=1)), seen=Count("id"))
        .filter(missed__gt=0)
        .order_by("-missed", "question_key")[:limit]
    )
