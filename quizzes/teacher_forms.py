"""The teacher's forms: a class, an assignment. (The learner's forms, the join form included, are in forms.py.)"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .form_limits import say_length_limits
from .forms import DIFFICULTY_CHOICES, TOPIC_CHOICES
from .models import Accommodation, Assignment, Classroom

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
# How many questions an assignment may have (here and in the LTI deep-linking chooser).
MIN_LENGTH, MAX_LENGTH = 5, 30


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": _("Class name")}
        help_texts = {"name": _("For example: 9-A History")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_length_limits(self, "name")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


class AssignmentForm(forms.ModelForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=TOPIC_CHOICES, initial="mixed")
    length = forms.IntegerField(label=_("Questions"), min_value=MIN_LENGTH, max_value=MAX_LENGTH, initial=10)
    difficulty = forms.ChoiceField(label=_("Difficulty"), choices=DIFFICULTY_CHOICES, initial="any")
    max_attempts = forms.IntegerField(
        label=_("Attempts allowed"),
        min_value=1,
        max_value=10,
        initial=1,
        help_text=_("1, or more to count the best of them."),
    )
    time_limit = forms.IntegerField(
        label=_("Time limit (minutes)"),
        min_value=1,
        max_value=600,
        required=False,
        help_text=_("Leave empty for no time limit. Students who need extra time get it on the class's time page."),
    )

    class Meta:
        model = Assignment
        fields = [
            "title",
            "topic",
            "length",
            "difficulty",
            "opens_at",
            "due_at",
            "max_attempts",
            "time_limit",
            "same_questions",
            "answer_release",
        ]
        labels = {
            "title": _("Title"),
            "opens_at": _("Opens"),
            "due_at": _("Due"),
            "same_questions": _("Same questions for everyone"),
            "answer_release": _("Right answers shown"),
        }
        help_texts = {
            "same_questions": _("Unticked, each student gets their own questions on the same settings."),
            "answer_release": _(
                "With more than one attempt, answers shown after each attempt can be copied into the next one."
            ),
        }
        widgets = {"opens_at": DateTimeLocalInput(), "due_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial.setdefault("opens_at", now)
            self.initial.setdefault("due_at", now + datetime.timedelta(days=7))
        for name in ("opens_at", "due_at"):
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        say_length_limits(self, "title")


class MissedPracticeForm(AssignmentForm):
    """Practise what the class missed: the usual dates, attempts, time and review; the questions are each
    student's own (at most ``length``), so there is no topic, difficulty or shared draw to choose."""

    topic = None
    difficulty = None
    length = forms.IntegerField(
        label=_("Questions per student, at most"),
        min_value=1,
        max_value=MAX_LENGTH,
        initial=10,
        help_text=_("Each student gets the questions they missed most recently, up to this many."),
    )

    class Meta(AssignmentForm.Meta):
        fields = ["title", "length", "opens_at", "due_at", "max_attempts", "time_limit", "answer_release"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("title", _("Practise what you missed"))


class ExtensionForm(forms.Form):
    """One student's later due date for one assignment; the choices are the class's students."""

    student = forms.TypedChoiceField(label=_("Student"), coerce=int)
    due_at = forms.DateTimeField(
        label=_("New due date"),
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )

    def __init__(self, *args, assignment, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.fields["student"].choices = [(s.pk, s.get_full_name().strip() or s.get_username()) for s in students]
        if not self.is_bound:
            self.initial["due_at"] = timezone.localtime(assignment.due_at + datetime.timedelta(days=2))

    def clean_due_at(self):
        due_at = self.cleaned_data["due_at"]
        if due_at <= self.assignment.due_at:
            raise forms.ValidationError(_("An extension gives more time: choose a date after the class's due date."))
        return due_at


class AccommodationForm(forms.Form):
    """One student's time in the class's timed assignments; "as the limit" takes an accommodation back."""

    student = forms.TypedChoiceField(label=_("Student"), coerce=int)
    time_percent = forms.TypedChoiceField(
        label=_("Time allowed"),
        coerce=int,
        choices=[(100, _("the time limit (no extra time)")), *Accommodation._meta.get_field("time_percent").choices],
        initial=150,
    )

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].choices = [(s.pk, s.get_full_name().strip() or s.get_username()) for s in students]
