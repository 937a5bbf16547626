"""Learners' reports of a problem with a question: the editors' queue of content to check."""

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .attempts import Attempt

# Long enough to say what is wrong; short enough that nobody pastes a document.
REPORT_TEXT_MAX_LENGTH = 1000


class ProblemReport(models.Model):
    """One learner's report on one question of a submitted attempt.

    The question key and content items are copied from the attempt's frozen
    question, so the report still says what was reported after the content changes
    or the attempt is deleted.
    """

    class Reason(models.TextChoices):
        WRONG_ANSWER = "wrong_answer", _("The marked answer is wrong")
        UNCLEAR = "unclear", _("The question is unclear")
        TRANSLATION = "translation", _("A translation problem")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FIXED = "fixed", _("fixed")
        REJECTED = "rejected", _("rejected")

    attempt = models.ForeignKey(
        Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="problem_reports"
    )
    position = models.PositiveSmallIntegerField(_("position in the attempt"))
    question_key = models.CharField(_("question key"), max_length=255, db_index=True)
    # Every content item the question rests on ("department:<slug>", ...), the main one first.
    item_refs = models.JSONField(_("content items"), default=list)
    language = models.CharField(_("language read in"), max_length=5, choices=settings.LANGUAGES)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("learner's words"), max_length=REPORT_TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="problem_reports",
        verbose_name=_("reported by"),
    )
    guest_key = models.CharField(_("guest key"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position", "reason"], name="one_report_per_reason"),
        ]
        indexes = [models.Index(fields=["status", "question_key"])]

    def __str__(self):
        return f"{self.question_key} · {self.get_reason_display()}"

    @property
    def item_ref(self):
        """The main content item behind the question."""
        return self.item_refs[0] if self.item_refs else ""


def open_report_counts(question_keys):
    """{question key: open reports} for these keys, in one query (keys without any are left out)."""
    if not question_keys:
        return {}
    rows = (
        ProblemReport.objects.filter(status=ProblemReport.Status.OPEN, question_key__in=list(question_keys))
        .values("question_key")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["question_key"]: row["n"] for row in rows}
