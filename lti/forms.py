"""The deep-linking chooser's "a quiz of your own settings" (the teacher's assignment settings)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.models import ANY, QUIZ_DIFFICULTY_CHOICES, QUIZ_TOPIC_CHOICES
from quizzes.teacher_forms import MAX_LENGTH, MIN_LENGTH  # as the teacher's own assignment form


class QuizSettingsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    topic = forms.ChoiceField(label=_("Topic"), choices=[("", "—"), *QUIZ_TOPIC_CHOICES], required=False)
    length = forms.IntegerField(
        label=_("Questions"), min_value=MIN_LENGTH, max_value=MAX_LENGTH, initial=10, required=False
    )
    difficulty = forms.ChoiceField(label=_("Difficulty"), choices=QUIZ_DIFFICULTY_CHOICES, initial=ANY, required=False)

    def clean(self):
        data = super().clean()
        data["length"] = data.get("length") or self.fields["length"].initial
        data["difficulty"] = data.get("difficulty") or ANY
        return data


def settings_are_valid(topic, length, difficulty):
    """What a launch's custom parameters may ask for (they came back from our own deep-linking answer)."""
    return (
        topic in dict(QUIZ_TOPIC_CHOICES)
        and difficulty in dict(QUIZ_DIFFICULTY_CHOICES)
        and str(length).isdigit()
        and MIN_LENGTH <= int(length) <= MAX_LENGTH
    )
