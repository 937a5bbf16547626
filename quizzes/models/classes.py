"""Teachers' classes: the class, its students (joining with a short code) and its assignments."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocabulary import QuizSettings

# No look-alike characters (0/O, 1/I/L, 5/S, 2/Z, 8/B).
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class ClassroomQuerySet(models.QuerySet):
    def taught_by(self, user):
        """The classes ``user`` teaches: as their owner or as a co-teacher.

        The one ownership rule: every teacher page, report, export, print, live game and LTI page
        finds its class through here. A subquery, not a join, so a class is listed once and a page
        costs a co-teacher the queries it costs the owner.
        """
        co_taught = Classroom.co_teachers.through.objects.filter(user=user).values("classroom_id")
        return self.filter(models.Q(teacher=user) | models.Q(pk__in=co_taught))


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=120)
    # The owner: made the class (or first opened its LTI course); the only one who may delete it.
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms")
    # Teachers beside the owner (a course's other instructors, or added in admin): they see and manage
    # the class as its owner does, except deleting it.
    co_teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="co_taught_classrooms",
        blank=True,
        verbose_name=_("co-teachers"),
        help_text=_("Teachers who see and manage this class as its owner does; only the owner may delete it."),
    )
    join_code = models.CharField(_("join code"), max_length=12, unique=True, default=new_join_code)
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="enrolled_classrooms", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Archived classes leave the lists and take no new students; their reports stay.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self):
        return self.name

    def is_owned_by(self, user):
        return self.teacher_id == user.pk


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="one_membership")]

    def __str__(self):
        return f"{self.student_id} in {self.classroom_id}"


class AnswerRelease(models.TextChoices):
    """When a student may see the right answers of an assignment attempt (Moodle's "review options").

    Called answer release here: "review" is the spaced review of models/review.py.
    """

    AFTER_EACH_ATTEMPT = "each_attempt", _("after each attempt")
    AFTER_LAST_ATTEMPT = "last_attempt", _("after the last attempt or the due date")
    AFTER_DUE_DATE = "due_date", _("after the due date")


# Odd, so attempt n's seed differs from attempt 1's for every n up to 10; 2**31 keeps it a positive int.
ATTEMPT_SEED_STEP = 1_000_003


class Assignment(QuizSettings):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=200)
    opens_at = models.DateTimeField(_("opens"))
    due_at = models.DateTimeField(_("due"))
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=1, help_text=_("1, or N to count the best of N.")
    )
    same_questions = models.BooleanField(_("same questions for everyone"), default=True)
    seed = models.BigIntegerField(default=0)
    # The default keeps best-of-N honest: attempt 1's right answers would otherwise help with attempt 2.
    answer_release = models.CharField(
        _("right answers shown"),
        max_length=20,
        choices=AnswerRelease.choices,
        default=AnswerRelease.AFTER_LAST_ATTEMPT,
    )
    time_limit = models.PositiveSmallIntegerField(_("time limit (minutes)"), null=True, blank=True)
    # "Practise what the class missed": each student gets their own missed questions (MissedQuestions, at
    # most ``length``); a student with none gets a quiz on ``topic``, the class's weakest when it was made.
    practises_missed = models.BooleanField(_("practises what each student missed"), default=False)
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

    def shows_answers(self, attempt, now, *, extensions=None, last_attempt_in=None):
        """Whether ``attempt``'s result page may show the right answers and explanations at ``now``.

        A caller deciding for many attempts passes what it already read: ``extensions``
        (extensions_of()) and ``last_attempt_in`` (whether the student has submitted the last
        allowed attempt); otherwise each is read here when the rule needs it.
        """
        if self.answer_release == AnswerRelease.AFTER_EACH_ATTEMPT:
            return True
        # An extension only ever moves the date later, so it is read only once the class's date has passed.
        if now >= self.due_at:
            if extensions is None:
                extensions = extensions_of([self.pk], attempt.user_id)
            if now >= due_for(self, extensions, attempt.user_id):
                return True
        if self.answer_release == AnswerRelease.AFTER_DUE_DATE:
            return False
        # After the last attempt: this one is the last allowed, or the student has submitted the last one.
        if attempt.number >= self.max_attempts:
            return True
        if last_attempt_in is None:
            last_attempt_in = self.attempts.filter(
                user_id=attempt.user_id, number__gte=self.max_attempts, submitted_at__isnull=False
            ).exists()
        return last_attempt_in


class MissedQuestions(models.Model):
    """The questions one student gets in a "practise what the class missed" assignment (quizzes/missed.py)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="missed_questions")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    question_keys = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "student"], name="one_missed_list")]

    def __str__(self):
        return f"{self.assignment_id} for {self.student_id}: {len(self.question_keys)}"


class Extension(models.Model):
    """One student's later due date for one assignment (Moodle's user override).

    The assignment's own dates stay as they are; wherever a page decides whether
    the work is late or missing for that student, the extended date counts.
    """

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="extensions")
    due_at = models.DateTimeField(_("new due date"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "student"], name="one_extension")]
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")

    def __str__(self):
        return f"{self.assignment_id} for {self.student_id} until {self.due_at:%Y-%m-%d %H:%M}"


def due_for(assignment, extensions, student_id):
    """When ``assignment`` is due for one student: their extension's date if they have one.

    ``extensions`` is {(assignment id, student id): due date}, as extensions_of() reads it.
    """
    return extensions.get((assignment.pk, student_id), assignment.due_at)


def held_back_attempts(attempts, now):
    """Ids of one learner's submitted assignment attempts whose right answers are still held back.

    Practising or reviewing their questions would show those answers early. Two queries (the
    attempts, their extensions) whatever their number."""
    submitted = list(
        attempts.filter(assignment__isnull=False, submitted_at__isnull=False)
        .select_related("assignment")
        .defer("questions")
    )
    return held_back_among(submitted, now)


def held_back_among(submitted, now):
    """Ids of these submitted assignment attempts (with their assignment; one learner's or a whole class's)
    whose right answers their learner may not see yet. One query (the extensions), none without attempts:
    whether a learner's last allowed attempt is in is read from the same attempts."""
    if not submitted:
        return []
    students = {a.user_id for a in submitted}
    only = next(iter(students)) if len(students) == 1 else None  # one learner: only their extensions
    extensions = extensions_of({a.assignment_id for a in submitted}, only)
    last_in = {(a.user_id, a.assignment_id) for a in submitted if a.number >= a.assignment.max_attempts}
    return [
        a.pk
        for a in submitted
        if not a.assignment.shows_answers(
            a, now, extensions=extensions, last_attempt_in=(a.user_id, a.assignment_id) in last_in
        )
    ]


def extensions_of(assignments, student=None):
    """{(assignment id, student id): extended due date} for these assignments (one query)."""
    rows = Extension.objects.filter(assignment__in=assignments)
    if student is not None:
        rows = rows.filter(student=student)
    return {(a, s): d for a, s, d in rows.values_list("assignment_id", "student_id", "due_at")}
