"""The words the whole app shares: topics, difficulties, question types, quiz settings.

The pure modules (generation, grading) keep plain string constants and import
nothing of Django (question types: ``quizzes.question_types``); the choices
here are built on the same values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import question_types
from ..question_types import SINGLE_CHOICE_TYPES  # noqa: F401  (re-exported: one definition, in question_types)


class Topic(models.TextChoices):
    DEPARTMENTS = "departments", _("Departments")
    DUTIES = "duties", _("Duties")
    TIMELINE = "timeline", _("Timeline 2017–2025")
    GLOSSARY = "glossary", _("Glossary")


class CrossLanguage(models.TextChoices):
    """Cross-language practice, one topic per direction (the prompt in one language, the options in the other)."""

    TR_EN = "xlang_tr_en", _("Turkish → English")
    EN_TR = "xlang_en_tr", _("English → Turkish")


class Difficulty(models.TextChoices):
    EASY = "easy", _("easy")
    MEDIUM = "medium", _("medium")
    HARD = "hard", _("hard")


class QuestionType(models.TextChoices):
    SINGLE = question_types.SINGLE, _("single choice")
    TRUE_FALSE = question_types.TRUE_FALSE, _("true or false")
    ORDERING = question_types.ORDERING, _("chronological order")
    MATCHING = question_types.MATCHING, _("matching")
    YEAR = question_types.YEAR, _("year")


class Confidence(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    SOURCE_ONLY = "source_only", _("according to the source only")


# A quiz's topic may also be every topic at once; its difficulty any level.
MIXED = "mixed"
ANY = "any"
# The topic of an attempt made of the questions a learner missed (no generator topic).
PRACTICE = "practice"
QUIZ_TOPIC_CHOICES = [(MIXED, _("Mixed")), *Topic.choices]
QUIZ_DIFFICULTY_CHOICES = [(ANY, _("any")), *Difficulty.choices]

TOPIC_ORDER = [value for value, _label in Topic.choices]


def topic_label(topic):
    """A topic's display name; a value outside the vocabulary (an old row) as it is."""
    return dict([*Topic.choices, *CrossLanguage.choices]).get(topic, topic)


def topic_order(topic):
    """Topics in the site's order (departments, duties, timeline, glossary); others after them."""
    return (TOPIC_ORDER.index(topic) if topic in TOPIC_ORDER else len(TOPIC_ORDER), topic)


class QuizSettings(models.Model):
    """What a quiz is drawn from: shared by named quizzes, assignments and attempts."""

    topic = models.CharField(_("topic"), max_length=20, choices=QUIZ_TOPIC_CHOICES)
    length = models.PositiveSmallIntegerField(_("number of questions"), default=10)
    difficulty = models.CharField(_("difficulty"), max_length=10, choices=QUIZ_DIFFICULTY_CHOICES, default=ANY)

    class Meta:
        abstract = True
