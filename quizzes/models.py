"""The office's content (bilingual, edited in admin) and what learners do with it.

Translated fields (see translation.py) exist as ``<field>_tr`` and ``<field>_en``.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import CONTENT_LANGUAGES


class Confidence(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    SOURCE_ONLY = "source_only", _("according to the source only")


class Topic(models.TextChoices):
    DEPARTMENTS = "departments", _("Departments")
    DUTIES = "duties", _("Duties")
    TIMELINE = "timeline", _("Timeline 2017–2025")
    GLOSSARY = "glossary", _("Glossary")


class Difficulty(models.TextChoices):
    EASY = "easy", _("easy")
    MEDIUM = "medium", _("medium")
    HARD = "hard", _("hard")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


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

    def clean(self):
        super().clean()
        if self.is_published:
            missing = self.missing_translations()
            if missing:
                raise ValidationError(
                    {
                        name: _("“%(field)s” is empty: a published item needs both languages.") % {"field": name}
                        for name in missing
                    }
                )


class Source(Publishable):
    """A citation that content rests on."""

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True, max_length=500)

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}"


class Organisation(Publishable):
    """The office and the bodies around its story."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    summary = models.TextField(_("summary"))
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Department(Publishable):
    """One of the office's departments and what it focused on.

    ``listing`` tells which list the department comes from: the five the source
    text gives, or the units of the office's own 2019 organisation chart.
    """

    class Listing(models.TextChoices):
        SOURCE = "source", _("as the source lists them")
        OFFICIAL_2019 = "official_2019", _("official organisation chart after Decree No. 48")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    focus = models.TextField(_("focus"))
    listing = models.CharField(_("listing"), max_length=20, choices=Listing.choices, default=Listing.SOURCE)
    confidence = models.CharField(_("confidence"), max_length=20, choices=Confidence.choices)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["listing", "order", "slug"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class Duty(Publishable):
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


class TimelineEvent(Publishable):
    class Precision(models.TextChoices):
        YEAR = "year", _("year")
        MONTH = "month", _("month")
        DAY = "day", _("day")

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

    optional_translated_fields = ("legal_reference",)

    class Meta:
        ordering = ["date", "slug"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"


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


class GlossaryTerm(Publishable):
    """``term_tr`` is the Turkish term, ``term_en`` its English equivalent."""

    slug = models.SlugField(_("slug"), unique=True)
    term = models.CharField(_("term"), max_length=200)
    definition = models.TextField(_("definition"))
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"), null=True, blank=True
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term


# --- Quizzes and attempts -------------------------------------------------


class Quiz(Publishable):
    """A named quiz an editor defines; the catalogue also offers ad-hoc topic quizzes."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=[("mixed", _("Mixed")), *Topic.choices])
    length = models.PositiveSmallIntegerField(_("number of questions"), default=10)
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=[("any", _("any")), *Difficulty.choices], default="any"
    )

    optional_translated_fields = ("description",)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title


class Attempt(models.Model):
    """One sitting of a quiz, with its questions frozen when it started.

    ``questions`` holds the generated questions, both languages and the answer
    key, so later content edits never change this attempt or its score.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    guest_key = models.CharField(max_length=64, blank=True, db_index=True)
    public_id = models.CharField(max_length=22, unique=True, editable=False)
    topic = models.CharField(max_length=20)
    difficulty = models.CharField(max_length=10)
    length = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField()
    quiz = models.ForeignKey(Quiz, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts")
    assignment = models.ForeignKey(
        "Assignment", on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    # 1 for a learner's first attempt at an assignment (item statistics count first attempts).
    number = models.PositiveSmallIntegerField(default=1)
    questions = models.JSONField()
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField(default=0)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "submitted_at"]),
            models.Index(fields=["assignment", "user", "number"]),
            # Teacher reports read the submitted attempts of a class's assignments, item analysis the first ones.
            models.Index(
                fields=["assignment", "number"],
                condition=models.Q(submitted_at__isnull=False),
                name="attempt_submitted_idx",
            ),
        ]

    def __str__(self):
        return f"{self.topic} · {self.length} · {self.public_id}"

    def save(self, *args, **kwargs):
        if not self.public_id:
            self.public_id = secrets.token_urlsafe(16)
        super().save(*args, **kwargs)

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def percent(self):
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)

    def shows_answers(self, now):
        """Right answers on the result page: always for a quiz, by the review option for an assignment."""
        return self.assignment_id is None or self.assignment.shows_answers(self, now)

    def belongs_to(self, owner):
        """Whether ``owner`` (an ``owners.Owner``: an account or a guest key) may see and change this attempt."""
        if self.user_id is not None:
            return owner.user is not None and owner.user.pk == self.user_id
        return bool(self.guest_key) and owner.guest_key == self.guest_key


class Answer(models.Model):
    """A learner's response to one frozen question; graded when the attempt is submitted."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question_key = models.CharField(max_length=255, db_index=True)
    topic = models.CharField(max_length=20)
    response = models.JSONField(null=True, blank=True)
    # The option key chosen, for single-choice questions (distractor analysis).
    choice = models.CharField(max_length=255, blank=True)
    mark = models.FloatField(null=True, blank=True)
    language = models.CharField(max_length=5, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}: {self.question_key}"

    @property
    def is_correct(self):
        return self.mark is not None and self.mark >= 1


# --- Teachers ---------------------------------------------------------------

# No look-alike characters (0/O, 1/I/L, 5/S, 2/Z, 8/B).
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=120)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms")
    join_code = models.CharField(_("join code"), max_length=12, unique=True, default=new_join_code)
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="enrolled_classrooms", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self):
        return self.name


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="one_membership")]

    def __str__(self):
        return f"{self.student_id} in {self.classroom_id}"


class Review(models.TextChoices):
    """When a student may see the right answers of an assignment attempt (as Moodle's review options)."""

    AFTER_EACH_ATTEMPT = "each_attempt", _("after each attempt")
    AFTER_LAST_ATTEMPT = "last_attempt", _("after the last attempt or the due date")
    AFTER_DUE_DATE = "due_date", _("after the due date")


# Odd, so attempt n's seed differs from attempt 1's for every n up to 10; 2**31 keeps it a positive int.
ATTEMPT_SEED_STEP = 1_000_003


class Assignment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=20, choices=[("mixed", _("Mixed")), *Topic.choices])
    length = models.PositiveSmallIntegerField(_("number of questions"), default=10)
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=[("any", _("any")), *Difficulty.choices], default="any"
    )
    opens_at = models.DateTimeField(_("opens"))
    due_at = models.DateTimeField(_("due"))
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=1, help_text=_("1, or N to count the best of N.")
    )
    same_questions = models.BooleanField(_("same questions for everyone"), default=True)
    seed = models.BigIntegerField(default=0)
    # The default keeps best-of-N honest: attempt 1's right answers would otherwise help with attempt 2.
    review = models.CharField(
        _("right answers shown"), max_length=20, choices=Review.choices, default=Review.AFTER_LAST_ATTEMPT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "pk"]
        # Every report lists a class's assignments in the order they open.
        indexes = [models.Index(fields=["classroom", "opens_at", "due_at"], name="assignment_class_dates_idx")]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.due_at and self.due_at <= self.opens_at:
            raise ValidationError({"due_at": _("The due date must come after the opening date.")})
        if not 1 <= (self.max_attempts or 0) <= 10:
            raise ValidationError({"max_attempts": _("Allow between 1 and 10 attempts.")})

    def seed_for(self, number):
        """Attempt ``number``'s seed in same-questions mode: every student's attempt n shares one draw,
        and each attempt number has its own, so attempt 2 never repeats attempt 1 (None: a fresh seed)."""
        if not self.same_questions:
            return None
        return (self.seed + (number - 1) * ATTEMPT_SEED_STEP) % 2**31

    def shows_answers(self, attempt, now):
        """Whether ``attempt``'s result page may show the right answers and explanations at ``now``."""
        if self.review == Review.AFTER_EACH_ATTEMPT or now >= self.due_at:
            return True
        if self.review == Review.AFTER_DUE_DATE:
            return False
        # After the last attempt: this one is the last allowed, or the student has submitted the last one.
        return attempt.number >= self.max_attempts or (
            self.attempts.filter(
                user_id=attempt.user_id, number__gte=self.max_attempts, submitted_at__isnull=False
            ).exists()
        )
