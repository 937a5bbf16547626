"""The learner's forms: starting a quiz, joining a class, and reading the answers a quiz page posts.

The quiz page never carries option keys (they could reveal the answer, e.g.
``decoy:...``): it posts option positions, and this module turns them back
into keys against the attempt's frozen questions.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ANY, MIXED, CrossLanguage, Difficulty, QuestionType, Quiz, Topic

LENGTH_CHOICES = [(5, "5"), (10, "10"), (15, "15"), (20, "20")]
TOPIC_CHOICES = [(MIXED, _("Mixed: all topics")), *Topic.choices]
DIFFICULTY_CHOICES = [(ANY, _("Any difficulty")), *Difficulty.choices]


def normalise_join_code(value):
    """A code as typed (any case, with spaces or dashes) in the form it is stored.

    Join codes use only ASCII capitals and digits, so ``upper()`` is safe here;
    a Turkish dotted or dotless i cannot be part of a valid code anyway.
    """
    return "".join(ch for ch in (value or "") if ch not in " -\t").upper()


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=40,
        help_text=_("The 6-character code your teacher gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        return normalise_join_code(self.cleaned_data["code"])


class StartQuizForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=TOPIC_CHOICES, initial="mixed")
    length = forms.TypedChoiceField(label=_("Questions"), choices=LENGTH_CHOICES, coerce=int, initial=10)
    difficulty = forms.ChoiceField(label=_("Difficulty"), choices=DIFFICULTY_CHOICES, initial="any")


class CrossLanguageForm(forms.Form):
    """Turkish ⇄ English practice: the direction is the quiz's topic (the prompt in one language, options in the other).

    Four kinds of question per direction, at most two of a kind per ten: eight fill a quiz.
    """

    prefix = "xl"  # its fields sit on the catalogue beside the other start form's
    direction = forms.ChoiceField(label=_("Direction"), choices=CrossLanguage.choices, initial=CrossLanguage.TR_EN)
    length = forms.TypedChoiceField(label=_("Questions"), choices=[(5, "5"), (8, "8")], coerce=int, initial=8)


class NamedQuizForm(forms.Form):
    """A ready-made quiz's card posts its slug; the quiz brings its own settings."""

    quiz = forms.SlugField(max_length=50)  # a slug's pattern first: a NUL byte never reaches the database

    def clean_quiz(self):
        quiz = Quiz.objects.published().filter(slug=self.cleaned_data["quiz"]).first()
        if quiz is None:
            raise forms.ValidationError(_("That quiz does not exist."), code="unknown")
        return quiz


def _index(value, size):
    """A posted position, or ValueError when it is not one of ``range(size)``."""
    number = int(value)
    if not 0 <= number < size:
        raise ValueError(value)
    return number


def responses_from_post(questions, data):
    """Read ``q-<position>`` fields into ``{position: response}`` in option keys.

    Returns ``(responses, errors)``; a question left unanswered is in neither.
    Errors are messages for the learner, keyed by position.
    """
    responses, errors = {}, {}
    for position, question in enumerate(questions):
        options = question["options"]
        try:
            if question["type"] == QuestionType.ORDERING:
                given = [data.get(f"q-{position}-{i}", "") for i in range(len(options))]
                places = [_index(int(v) - 1, len(options)) if v else None for v in given]
                if None in places:
                    continue  # still being ordered; kept in the page, saved once complete
                if len(set(places)) != len(places):
                    errors[position] = _("Give each item a different place in the order.")
                    continue
                ordered = sorted(range(len(options)), key=lambda i: places[i])
                responses[position] = [options[i]["key"] for i in ordered]
            elif question["type"] == QuestionType.MATCHING:
                targets = question["targets"]
                pairs = {}
                for i, option in enumerate(options):
                    value = data.get(f"q-{position}-{i}", "")
                    if value:
                        pairs[option["key"]] = targets[_index(value, len(targets))]["key"]
                if pairs:
                    responses[position] = pairs
            else:
                value = data.get(f"q-{position}", "")
                if value:
                    responses[position] = options[_index(value, len(options))]["key"]
        except (ValueError, TypeError, KeyError, IndexError):
            errors[position] = _("That answer is not one of this question's options.")
    return responses, errors
