"""The question types, one vocabulary: the generator makes them, the grader marks them, pages show them.

Plain constants, importing nothing, so the pure modules (generation, grading,
presentation) use the same names as the models' ``QuestionType`` choices, which
are built from them.
"""

SINGLE = "single"
TRUE_FALSE = "truefalse"
ORDERING = "ordering"
MATCHING = "matching"
YEAR = "year"

QUESTION_TYPES = (SINGLE, TRUE_FALSE, ORDERING, MATCHING, YEAR)
# The types answered by choosing one option (the option chosen is kept for distractor analysis).
SINGLE_CHOICE_TYPES = frozenset({SINGLE, TRUE_FALSE, YEAR})
