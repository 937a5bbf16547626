"""The LTI tool's records: registered platforms, our signing keys, who and which course a launch
maps to, the resource links deep linking made, and the grade outbox."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class Platform(models.Model):
    """A learning platform an administrator registered (Moodle, Canvas, Brightspace...).

    One issuer may serve many schools (Canvas: ``https://canvas.instructure.com`` for all), so a
    registration is an (issuer, client id) pair, never the issuer alone.
    """

    name = models.CharField(_("name"), max_length=120)
    issuer = models.URLField(_("issuer"), max_length=300)
    client_id = models.CharField(_("client id"), max_length=200)
    deployment_ids = models.JSONField(
        _("deployment ids"), default=list, blank=True, help_text=_("The deployment ids this platform launches with.")
    )
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    key_set_url = models.URLField(_("public keyset URL"), max_length=500)
    frame_origins = models.JSONField(
        _("origins that may frame the tool"),
        default=list,
        blank=True,
        help_text=_("Extra origins of the platform's pages; the issuer's and login URL's origins are always allowed."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_issuer_client")]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self):
        return self.name

    def clean(self):
        for name in ("deployment_ids", "frame_origins"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ValidationError({name: _('A list of texts, e.g. ["1"].')})
        if any(not origin_of(o) or origin_of(o) != o for o in self.frame_origins):
            raise ValidationError({"frame_origins": _('Origins only, e.g. ["https://school.instructure.com"].')})

    def origins(self):
        found = {origin_of(self.issuer), origin_of(self.auth_login_url), *self.frame_origins}
        return sorted(o for o in found if o)


class ToolKey(models.Model):
    """One of our RSA signing keys. The newest signs; the one before is still published during a rotation."""

    kid = models.CharField(max_length=64, unique=True)
    private_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tool key")
        verbose_name_plural = _("tool keys")

    def __str__(self):
        return self.kid


class LtiUser(models.Model):
    """A platform's user (issuer, sub) and the local account a launch signs in as."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="users")
    sub = models.CharField(max_length=255)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_link")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "sub"], name="lti_user_platform_sub")]

    def __str__(self):
        return f"{self.platform} {self.sub}"


class Course(models.Model):
    """A platform's course (the launch's context) and the class it became here."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="courses")
    context_id = models.CharField(max_length=255)
    title = models.CharField(max_length=255, blank=True)
    classroom = models.OneToOneField("quizzes.Classroom", on_delete=models.CASCADE, related_name="lti_course")
    memberships_url = models.URLField(max_length=1000, blank=True)
    lineitems_url = models.URLField(max_length=1000, blank=True)
    # The co-teachers a launch as the course's instructor made: a sync takes co-teaching back only from these
    # (lti/roster.py), never from one an administrator added, even one with an account on this platform.
    launched_co_teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "context_id"], name="lti_course_platform_context")]

    def __str__(self):
        return self.title or self.context_id


class Problem(models.TextChoices):
    """What went wrong with a platform, explained to the teacher in their language; the platform's own answer
    (``lineitem_error``, ``last_error``) is kept as it came, beside it. The values are those of
    ``lti/http.py``'s exceptions' ``problem``."""

    REFUSED = "refused", _("The platform refused the request. Its answer:")
    UNREACHABLE = "unreachable", _("The platform could not be reached, or failed. Its answer:")
    NOT_JSON = "not_json", _("The platform's answer was not the JSON it should be. Its answer:")
    NO_LINEITEM = "no_lineitem", _("The platform's answer names no usable gradebook column. Its answer:")
    CANNOT_MAKE = "cannot_make", _("The platform named no gradebook column and offers no way to make one.")
    COLUMN_BUSY = "column_busy", _("The assignment's gradebook column is being made.")
    NO_COLUMN = "no_column", _("Waiting for the assignment's gradebook column, which the platform did not make:")


class ResourceLink(models.Model):
    """A link placed in the platform's course (by deep linking) and the assignment it opens here."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="resource_links")
    resource_link_id = models.CharField(max_length=255)
    assignment = models.OneToOneField("quizzes.Assignment", on_delete=models.CASCADE, related_name="lti_link")
    lineitem_url = models.URLField(max_length=1000, blank=True)
    score_maximum = models.PositiveIntegerField(default=100)
    # A platform that launched the link without a line item but lets the tool make one (lti/lineitems.py):
    # where to make it, why the last try failed, and until when a worker holds the making of it.
    lineitems_url = models.URLField(max_length=1000, blank=True)
    lineitem_error = models.CharField(max_length=500, blank=True)
    lineitem_problem = models.CharField(max_length=20, choices=Problem.choices, blank=True)
    lineitem_claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "resource_link_id"], name="lti_resource_link_course_id")
        ]

    def __str__(self):
        return self.resource_link_id


class ScoreStatus(models.TextChoices):
    WAITING = "waiting", _("waiting to be sent")
    SENT = "sent", _("sent")
    REFUSED = "refused", _("refused by the platform")


class OutgoingScore(models.Model):
    """The grade outbox: one row per submitted attempt, written in the submit's own transaction."""

    resource_link = models.ForeignKey(ResourceLink, on_delete=models.CASCADE, related_name="scores")
    attempt = models.OneToOneField("quizzes.Attempt", on_delete=models.CASCADE, related_name="lti_score")
    sub = models.CharField(max_length=255)
    score_given = models.FloatField()
    score_maximum = models.FloatField()
    timestamp = models.DateTimeField()
    status = models.CharField(max_length=10, choices=ScoreStatus.choices, default=ScoreStatus.WAITING)
    tries = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    problem = models.CharField(max_length=20, choices=Problem.choices, blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    # A sender claims the row until then (the HTTP call runs outside any transaction).
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing score")
        verbose_name_plural = _("outgoing scores")

    def __str__(self):
        return f"{self.attempt_id} → {self.resource_link}"
