"""A learner reports a problem with a question of their submitted attempt; editors resolve it.

The view checks who is asking (the attempt's owner) and parses the form; these
functions write the report and read which questions were reported.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from .. import cache_versions
from ..generation import item_refs
from ..models import Answer, ProblemReport


class NotReportable(Exception):
    """The attempt is not submitted or has no question at that position."""


def report_problem(attempt, position, owner, *, reason, text, language):
    """Record the report; (report, created). One report per attempt, question and reason:
    sending the same reason again returns the first one and writes nothing."""
    if not attempt.is_submitted or not 0 <= position < len(attempt.questions):
        raise NotReportable
    question = attempt.questions[position]
    refs = item_refs(question) if question.get("item") else []
    report, created = ProblemReport.objects.get_or_create(
        attempt=attempt,
        position=position,
        reason=reason,
        defaults={
            "question_key": question.get("key", ""),
            "item_refs": refs,
            "language": language,
            "text": text,
            "user": owner.user,
            "guest_key": "" if owner.user is not None else owner.guest_key or "",
        },
    )
    if created:  # "reported" shows at once on the result page, on every worker and instance
        cache_versions.renew(_result_version_key(attempt))
    return report, created


def resolve(reports, status):
    """Mark reports fixed or rejected (or open again); how many changed."""
    resolved_at = None if status == ProblemReport.Status.OPEN else timezone.now()
    return reports.exclude(status=status).update(status=status, resolved_at=resolved_at)


def answers_marking_reported(attempt):
    """The attempt's answers, each with ``reported``: whether its question has a report (still one query)."""
    reports = ProblemReport.objects.filter(attempt=OuterRef("attempt"), position=OuterRef("position"))
    return Answer.objects.filter(attempt=attempt).annotate(reported=Exists(reports))


def _result_version_key(attempt):
    return f"ddo:result-version:{attempt.public_id}"


def result_version(attempt):
    """The version the result page's questions are cached under (quizzes/cache_versions.py): read
    before answers_marking_reported, renewed by a new report when it commits."""
    return cache_versions.read(_result_version_key(attempt))
