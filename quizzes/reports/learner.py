"""One learner's answers summed up: mastery by topic and the questions they miss most.

The same queries serve the learner's own progress page and the teacher's
report on one student; only the answers they read differ (all of the
learner's submitted attempts, or those at one class's assignments). A missed
question is shown as it was frozen in the learner's attempt, never as
today's content would generate it.
"""

import json
from dataclasses import dataclass

from django.db.models import Avg, Count, Max, Q, Sum

from ..models import Answer, held_back_attempts, topic_order
from .common import representative_questions


def submitted_answers(attempts):
    """The answers of the submitted attempts among ``attempts`` (a queryset of attempts)."""
    return Answer.objects.filter(attempt__in=attempts.filter(submitted_at__isnull=False))


def topic_mastery(answers):
    """Per topic, in the site's order: answers given and the mean mark as a whole percentage (one query)."""
    rows = [
        {"topic": r["topic"], "answers": r["answers"], "percent": round(100 * (r["mean"] or 0))}
        for r in answers.values("topic").annotate(answers=Count("id"), mean=Avg("mark")).order_by("topic")
    ]
    return sorted(rows, key=lambda row: topic_order(row["topic"]))


def released_answers(attempts, now):
    """The submitted answers whose right answers the learner may already see (held_back_attempts())."""
    return submitted_answers(attempts).exclude(attempt_id__in=held_back_attempts(attempts, now))


def most_missed(answers, limit):
    """The question keys missed most often, with how often they were met (one query)."""
    return list(
        answers.values("question_key")
        .annotate(missed=Count("id", filter=Q(mark__lt=1)), seen=Count("id"))
        .filter(missed__gt=0)
        .order_by("-missed", "question_key")[:limit]
    )


def most_missed_questions(answers, limit):
    """most_missed, each row with ``prompt``: the frozen prompt ({"tr", "en"}, None if lost) (two queries).

    Questions that read the same (two keys, one wording: the same fact asked in two draws) are one row,
    their counts summed, so the learner never sees a row twice.
    """
    missed = most_missed(answers, limit * 2)
    if not missed:
        return missed
    questions = representative_questions(answers.filter(question_key__in=[m["question_key"] for m in missed]))
    rows = {}
    for row in missed:
        prompt = (questions.get(row["question_key"]) or {}).get("prompt")
        wording = json.dumps(prompt, sort_keys=True) if prompt else row["question_key"]
        if wording in rows:
            rows[wording]["missed"] += row["missed"]
            rows[wording]["seen"] += row["seen"]
        else:
            rows[wording] = {**row, "prompt": prompt}
    return sorted(rows.values(), key=lambda r: (-r["missed"], r["question_key"]))[:limit]


@dataclass
class LearnerProgress:
    attempts: list  # submitted attempts, newest first
    mastery: list  # per topic: topic, answers, percent
    missed: list  # question_key, missed, seen, prompt

    @property
    def trend(self):
        """The latest attempts, oldest first, for the trend chart."""
        return list(reversed(self.attempts[:TREND_LENGTH]))


TREND_LENGTH = 20
MISSED_SHOWN = 5


def learner_progress(attempts):
    """A learner's submitted attempts, mastery by topic and most missed questions (four queries)."""
    submitted = list(
        attempts.filter(submitted_at__isnull=False).select_related("quiz").defer("questions").order_by("-submitted_at")
    )
    answers = submitted_answers(attempts)
    return LearnerProgress(
        attempts=submitted,
        mastery=topic_mastery(answers),
        missed=most_missed_questions(answers, MISSED_SHOWN),
    )


def progress_version(attempts):
    """What a learner's progress page is made of changes only when their submitted attempts do: a new
    submission, a guest's attempts claimed at login, an attempt deleted with its class (one small query)."""
    row = attempts.filter(submitted_at__isnull=False).aggregate(
        count=Count("id"), ids=Sum("id"), scores=Sum("score"), last=Max("submitted_at")
    )
    return tuple(row.values())
