"""A student's extra time in a class's timed assignments (a teacher's accommodation, WCAG 2.2.1)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .classes import Classroom

# The teacher's choices, one for each of timing.ACCOMMODATION_PERCENTS.
TIME_CHOICES = [
    (125, _("1.25 × the time limit")),
    (150, _("1.5 × the time limit")),
    (200, _("2 × the time limit")),
    (300, _("3 × the time limit")),
    (1000, _("10 × the time limit")),
]


class Accommodation(models.Model):
    """One student's time in every timed assignment of one class, in percent of the limit.

    Kept per class, not per assignment: extra time follows the student's needs
    (a reading difficulty, a disability), so a teacher sets it once and every
    timed assignment of the class, past or future, honours it.
    """

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="accommodations")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="accommodations")
    time_percent = models.PositiveSmallIntegerField(_("time allowed"), choices=TIME_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="one_accommodation")]
        verbose_name = _("accommodation")
        verbose_name_plural = _("accommodations")

    def __str__(self):
        return f"{self.student_id} in {self.classroom_id}: {self.time_percent}%"


def accommodation_percent(classroom_id, student_id):
    """The student's time in percent in this class's timed assignments (100 without an accommodation)."""
    row = Accommodation.objects.filter(classroom_id=classroom_id, student_id=student_id).values_list(
        "time_percent", flat=True
    )
    return next(iter(row), 100)
