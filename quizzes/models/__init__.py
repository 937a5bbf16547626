"""The app's models: content (content.py), attempts (attempts.py), classes (classes.py), shared words (vocabulary.py).

Everything is importable from ``quizzes.models`` as before the split.
"""

from .attempts import Answer, Attempt, score_percent, score_percent_expression
from .classes import (
    ATTEMPT_SEED_STEP,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Assignment,
    Classroom,
    Membership,
    Review,
    new_join_code,
)
from .content import (
    Decoy,
    Department,
    Duty,
    GlossaryTerm,
    Organisation,
    Publishable,
    PublishableQuerySet,
    Quiz,
    Source,
    TimelineEvent,
)
from .statistics import ItemStatistic
from .vocabulary import (
    ANY,
    MIXED,
    PRACTICE,
    QUIZ_DIFFICULTY_CHOICES,
    QUIZ_TOPIC_CHOICES,
    SINGLE_CHOICE_TYPES,
    Confidence,
    Difficulty,
    QuestionType,
    QuizSettings,
    Topic,
    topic_label,
    topic_order,
)

__all__ = [
    "ANY",
    "ATTEMPT_SEED_STEP",
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "MIXED",
    "PRACTICE",
    "QUIZ_DIFFICULTY_CHOICES",
    "QUIZ_TOPIC_CHOICES",
    "SINGLE_CHOICE_TYPES",
    "Answer",
    "Assignment",
    "Attempt",
    "Classroom",
    "Confidence",
    "Decoy",
    "Department",
    "Difficulty",
    "Duty",
    "GlossaryTerm",
    "ItemStatistic",
    "Membership",
    "Organisation",
    "Publishable",
    "PublishableQuerySet",
    "QuestionType",
    "Quiz",
    "QuizSettings",
    "Review",
    "Source",
    "TimelineEvent",
    "Topic",
    "new_join_code",
    "score_percent",
    "score_percent_expression",
    "topic_label",
    "topic_order",
]
