"""Dates as precisely as they are known (a year, a month or a day, never more), and what a source's date says.

Content models use these: a timeline event's and a source's precision, a
source dated by its publication or by the day it was read, an event known to
follow another when the dates cannot tell.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

ACCESSED_HELP = _("Only when the publication date is unknown: the day the page was read.")
FOLLOWS_HELP = _(
    "An event this one is known to follow when the dates alone cannot tell "
    "(an appointment to an office comes after the decree that created it)."
)


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


def unknown_parts_are_one(date, precision):
    """True when the parts of ``date`` finer than ``precision`` are 1 (2025-03-01 for March 2025)."""
    if not date or precision == DatePrecision.DAY:
        return True
    return date.day == 1 and (precision == DatePrecision.MONTH or date.month == 1)


def source_date_errors(source):
    """What is wrong with a source's date, by field: a source speaks from its publication date (with the unknown
    parts 1) or, only when that is unknown, from the day it was read; a published source has one of them."""
    errors = {}
    if not unknown_parts_are_one(source.published_on, source.published_precision):
        errors["published_on"] = _("Unknown parts of the date must be 1 (e.g. 2025-03-01 for March 2025).")
    if source.published_on and source.accessed_on:
        errors["accessed_on"] = _("Give the access date only when the publication date is unknown.")
    if source.is_published and not (source.published_on or source.accessed_on):
        errors["published_on"] = _("A published source needs its publication date or, failing that, an access date.")
    return errors
