"""The office's content (bilingual, edited in admin) and the named quizzes drawn from it.

Translated fields (see translation.py) exist as ``<field>_tr`` and ``<field>_en``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..languages import CONTENT_LANGUAGES
from .dates import ACCESSED_HELP, FOLLOWS_HELP, DatePrecision, source_date_errors, unknown_parts_are_one
from .vocabulary import Confidence, QuizSettings


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


class Source(Publishable):
    """A citation that content rests on, dated by its publication or, when that is unknown, by when it was read."""

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True, help_text=ACCESSED_HELP)
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
        errors = source_date_errors(self)
        if errors:
            raise ValidationError(errors)
        super().clean()


class Organisation(Based, Publishable):
    """The office and the bodies around its story."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    summary = models.TextField(_("summary"))
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    founding_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("source of the founding date"),
        help_text=_("The source that states the founding date, when the summary's source does not."),
    )
    founding_locator = models.CharField(_("where it states the founding date"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:home") + "#bodies-heading"

    def clean(self):
        super().clean()
        if self.founding_source_id and not self.founding_locator.strip():
            raise ValidationError({"founding_locator": _("Say where in the source it is stated.")})


class Department(Based, Publishable):
    """One of the office's departments and what it focused on.

    ``listing`` tells which list the department comes from: the five the source
    text gives, or the units of the office's own 2019 organisation chart. The
    name comes from the listing's source; ``basis`` is that of the focus text.
    ``note`` is an editor's remark shown beside it, never part of a question.
    ``near`` names (by slug) departments that are near-equivalents: they are
    never offered as each other's wrong answers.
    """

    class Listing(models.TextChoices):
        SOURCE = "source", _("as the source lists them")
        OFFICIAL_2019 = "official_2019", _("official organisation chart after Decree No. 48")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    focus = models.TextField(_("focus"))
    note = models.TextField(_("editor's note"), blank=True)
    near = models.CharField(
        _("near-equivalents"), max_length=300, blank=True, help_text=_("Slugs of departments, separated by spaces.")
    )
    listing = models.CharField(_("listing"), max_length=20, choices=Listing.choices, default=Listing.SOURCE)
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    optional_translated_fields = ("note",)

    class Meta:
        ordering = ["listing", "order", "slug"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:departments") + f"#department-{self.slug}"


class Duty(Based, Publishable):
    """A duty of the office, or one the source says passed to the Cyber Security Presidency."""

    class Holder(models.TextChoices):
        OFFICE = "office", _("the office")
        TRANSFERRED = "transferred", _("passed to the Cyber Security Presidency in 2025")

    slug = models.SlugField(_("slug"), unique=True)
    text = models.TextField(_("duty"))
    holder = models.CharField(_("holder"), max_length=20, choices=Holder.choices, default=Holder.OFFICE)
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["holder", "order", "slug"]
        verbose_name = _("duty")
        verbose_name_plural = _("duties")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:duties") + f"#duty-{self.slug}"


class TimelineEvent(Based, Publishable):
    Precision = DatePrecision

    slug = models.SlugField(_("slug"), unique=True)
    date = models.DateField(_("date"), help_text=_("Unknown parts: use 1 and set the precision."))
    precision = models.CharField(_("date precision"), max_length=5, choices=Precision.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    legal_reference = models.CharField(_("legal reference"), max_length=200, blank=True)
    gazette_number = models.CharField(_("Official Gazette number"), max_length=20, blank=True)
    decree_number = models.PositiveIntegerField(
        _("Presidential Decree number"),
        null=True,
        blank=True,
        help_text=_("Set when the event is a Presidential Decree (CBK); used by decree questions."),
    )
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    follows = models.ForeignKey("self", on_delete=models.SET_NULL, related_name="+", null=True, blank=True,
                                verbose_name=_("comes after"), help_text=FOLLOWS_HELP)  # fmt: skip

    optional_translated_fields = ("legal_reference",)

    class Meta:
        ordering = ["date", "slug"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:timeline") + f"#event-{self.slug}"

    def clean(self):
        errors = {}
        if not unknown_parts_are_one(self.date, self.precision):
            errors["date"] = _("Unknown parts of the date must be 1 (e.g. 2025-03-01 for March 2025).")
        source = getattr(self, "source", None) if self.source_id else None
        if self.basis == Basis.SOURCED and source and self.date:
            if (source.published_on or source.accessed_on or self.date) < self.date:
                errors["source"] = _("This source was published before the event: it cannot report it.")
        follows = getattr(self, "follows", None) if self.follows_id else None
        if follows is not None and self.date and (follows.pk == self.pk or follows.date.year > self.date.year):
            errors["follows"] = _("An event cannot come after itself or after a later year's event.")
        if errors:
            raise ValidationError(errors)
        super().clean()


class Decoy(Publishable):
    """A plausible statement that is NOT true of the office, used only as a wrong option."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("a department it never had")
        DUTY = "duty", _("a duty it never held")

    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=300)
    editor_note = models.TextField(_("why it is false"), blank=True)

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("decoy")
        verbose_name_plural = _("decoys")

    def __str__(self):
        return self.text


class GlossaryTerm(Based, Publishable):
    """``term_tr`` is the Turkish term, ``term_en`` its English equivalent.

    ``near`` names (by slug) terms close enough in meaning that they are never
    offered as each other's wrong answers.
    """

    slug = models.SlugField(_("slug"), unique=True)
    term = models.CharField(_("term"), max_length=200)
    definition = models.TextField(_("definition"))
    near = models.CharField(
        _("near-equivalents"), max_length=300, blank=True, help_text=_("Slugs of terms, separated by spaces.")
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"), null=True, blank=True
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        """The learning page that shows this item, at its anchor (the admin's "View on site")."""
        return reverse("quizzes:glossary") + f"#term-{self.slug}"


class Quiz(Publishable, QuizSettings):
    """A named quiz an editor defines; the catalogue also offers ad-hoc topic quizzes."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    time_limit = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Empty: untimed. Learners can extend or switch off the timer when they practise."),
    )

    optional_translated_fields = ("description",)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quizzes:catalogue")
