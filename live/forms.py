"""The host's form: what a new live game asks (a named quiz, an assignment's settings, or a topic's)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.forms import DIFFICULTY_CHOICES, TOPIC_CHOICES
from quizzes.models import Assignment, Classroom, Quiz


class NewGameForm(forms.Form):
    quiz = forms.ModelChoiceField(
        label=_("Named quiz"), queryset=Quiz.objects.none(), required=False, empty_label=_("— none —")
    )
    assignment = forms.ModelChoiceField(
        label=_("Assignment's settings"),
        queryset=Assignment.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("Its class's players' answers count in the assignment."),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=TOPIC_CHOICES, initial="mixed")
    length = forms.IntegerField(label=_("Questions"), min_value=1, max_value=30, initial=10)
    difficulty = forms.ChoiceField(label=_("Difficulty"), choices=DIFFICULTY_CHOICES, initial="any")
    classroom = forms.ModelChoiceField(
        label=_("Class (for its extra time)"),
        queryset=Classroom.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("Students with extra time in this class get it in the game too."),
    )
    seconds = forms.IntegerField(label=_("Seconds per question"), min_value=5, max_value=120, initial=20)
    accuracy_only = forms.BooleanField(label=_("Accuracy only (no points for speed)"), required=False)

    def __init__(self, host, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = Quiz.objects.published()
        classes = Classroom.objects.taught_by(host).filter(archived_at__isnull=True)
        self.fields["classroom"].queryset = classes
        self.fields["assignment"].queryset = Assignment.objects.filter(classroom__in=classes).select_related(
            "classroom"
        )
        self.fields["assignment"].label_from_instance = lambda a: f"{a.classroom.name}: {a.title}"

    def clean(self):
        data = super().clean()
        quiz, assignment = data.get("quiz"), data.get("assignment")
        if quiz and assignment:
            raise forms.ValidationError(_("Choose a named quiz or an assignment, not both."))
        classroom = data.get("classroom")
        if assignment and classroom and classroom != assignment.classroom:
            # The game counts for the assignment's class: its members' extra time is theirs.
            self.add_error(
                "classroom",
                _("An assignment's game gives the extra time of the assignment's own class: choose it or none."),
            )
        source = quiz or assignment
        if source is not None:  # its settings, not the topic fields
            data.update(topic=source.topic, length=source.length, difficulty=source.difficulty)
        return data
