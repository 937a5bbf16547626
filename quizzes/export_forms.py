"""The "Export questions" form: format, languages, how Moodle marks two languages, how many variants.

Its choices are the keys of quizzes.interchange's FORMATS, LANGUAGES and SYNTAXES.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

MAX_VARIANTS = 50  # a quiz's or an assignment's variants in one file
MAX_BANK_VARIANTS = 5  # a topic's whole bank holds every key already: a few draws of each is plenty

FORMAT_CHOICES = [
    ("moodle", _("Moodle XML (Moodle)")),
    ("gift", _("GIFT (Moodle)")),
    ("qti", _("IMS QTI 2.1 package (Canvas, Blackboard, Open edX)")),
]
LANGUAGE_CHOICES = [("both", _("Turkish and English")), ("tr", _("Turkish")), ("en", _("English"))]
SYNTAX_CHOICES = [
    ("span", _('Moodle’s multilang filter: <span lang="tr" class="multilang">')),
    ("mlang", _("The multilang2 plugin: {mlang tr}")),
]


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="moodle")
    language = forms.ChoiceField(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        initial="both",
        help_text=_(
            "Both: one question holds both languages, and Moodle shows the learner’s (QTI: one item per language)."
        ),
    )
    syntax = forms.ChoiceField(
        label=_("How Moodle marks the two languages"),
        choices=SYNTAX_CHOICES,
        initial="span",
        required=False,
        help_text=_("Only for both languages in Moodle XML or GIFT. The filter must be switched on in your Moodle."),
    )
    variants = forms.IntegerField(
        label=_("Variants"),
        min_value=1,
        initial=1,
        required=False,
        help_text=_(
            "How many different draws of the questions, each with its own number; "
            "the same number always gives the same questions."
        ),
    )

    def __init__(self, *args, max_variants=MAX_VARIANTS, with_variants=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_variants:
            field = self.fields["variants"]
            field.widget.attrs["max"] = max_variants
            message = _("Export at most %(limit_value)s variants at once.")
            field.validators.append(MaxValueValidator(max_variants, message=message))
        else:
            del self.fields["variants"]

    def clean_syntax(self):
        return self.cleaned_data.get("syntax") or "span"

    def clean_variants(self):
        return self.cleaned_data.get("variants") or 1
