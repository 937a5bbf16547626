"""What every fact rests on: publishing (drafts until both languages are filled), its basis, and its sources.

A source is dated by its publication (as precisely as known) or, when that
cannot be found, by the day it was read.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..languages import CONTENT_LANGUAGES


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What learners may see: published rows, and, for content that cites a source, a published source.

        Every fact on the site must be one a learner can follow to its source.
        """
        rows = self.filter(is_published=True)
        if any(f.name == "source" for f in self.model._meta.get_fields()):
            rows = rows.filter(Q(source__isnull=True) | Q(source__is_published=True))
        return rows


class Publishable(models.Model):
    """Content an editor can keep as a draft; only published rows reach learners.

    A published row must have every translated field filled in both languages.
    """

    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # Translated fields that may stay empty even when published.
    optional_translated_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def missing_translations(self):
        """Names of the ``<field>_<lang>`` columns a published row still lacks."""
        from modeltranslation.translator import NotRegistered, translator

        try:
            fields = translator.get_options_for_model(type(self)).get_field_names()
        except NotRegistered:
            return []
        missing = []
        for field in fields:
            if field in self.optional_translated_fields:
                continue
            for lang in CONTENT_LANGUAGES:
                name = f"{field}_{lang}"
                if not (getattr(self, name, "") or "").strip():
                    missing.append(name)
        return missing

    def translated_label(self, name):
        """A ``<field>_<lang>`` column as an editor knows it: the field's label and the language, "Name [en]"."""
        field, _sep, language = name.rpartition("_")
        label = capfirst(self._meta.get_field(field).verbose_name)
        return f"{label} [{language}]"

    def clean(self):
        super().clean()
        if self.is_published:
            missing = self.missing_translations()
            if missing:
                raise ValidationError(
                    {
                        name: _("“%(field)s” is empty: a published item needs both languages.")
                        % {"field": self.translated_label(name)}
                        for name in missing
                    }
                )


class Basis(models.TextChoices):
    """What a fact-bearing text rests on: a source that states it, or our own explanation."""

    SOURCED = "sourced", _("stated by its source")
    EDITORIAL = "editorial", _("editorial: our own explanation")


class Based(models.Model):
    """A fact-bearing text's basis: which source states it and where in it, or editorial.

    A sourced text needs a source and a locator; a timeline event's source must
    be dated on or after the event (a source cannot report what had not happened).
    """

    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices, default=Basis.SOURCED)
    locator = models.CharField(
        _("where in the source"),
        max_length=300,
        blank=True,
        help_text=_("The passage or section of the source that states it (sourced text only)."),
    )

    class Meta:
        abstract = True

    @property
    def is_sourced(self):
        return self.basis == Basis.SOURCED

    def clean(self):
        super().clean()
        if self.basis == Basis.SOURCED:
            errors = {}
            if getattr(self, "source_id", None) is None:
                errors["source"] = _("A sourced text needs its source.")
            if not self.locator.strip():
                errors["locator"] = _("Say where in the source it is stated.")
            if errors:
                raise ValidationError(errors)


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


def unknown_parts_are_one(date, precision):
    """True when the parts of ``date`` finer than ``precision`` are 1 (2025-03-01 for March 2025)."""
    if not date or precision == DatePrecision.DAY:
        return True
    return date.day == 1 and (precision == DatePrecision.MONTH or date.month == 1)


class Source(Publishable):
    """A citation that content rests on, dated by its publication or, when that is unknown, by when it was read."""

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    accessed_on = models.DateField(
        _("accessed on"),
        null=True,
        blank=True,
        help_text=_("Only when the publication date is unknown: the day the page was read."),
    )
    url = models.URLField(_("link"), blank=True, max_length=500)

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}"

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:sources") + f"#source-{self.pk}"

    def clean(self):
        errors = {}
        if not unknown_parts_are_one(self.published_on, self.published_precision):
            errors["published_on"] = _("Unknown parts of the date must be 1 (e.g. 2025-03-01 for March 2025).")
        if self.published_on and self.accessed_on:
            errors["accessed_on"] = _("Give the access date only when the publication date is unknown.")
        if self.is_published and not (self.published_on or self.accessed_on):
            errors["published_on"] = _(
                "A published source needs its publication date or, failing that, an access date."
            )
        if errors:
            raise ValidationError(errors)
        super().clean()
