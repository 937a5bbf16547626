"""The two staff roles, as Django groups."""

EDITORS = "Editors"
TEACHERS = "Teachers"

# Editors may change content and named quizzes, nothing else (no users, no classes).
EDITOR_MODELS = ("source", "organisation", "department", "duty", "timelineevent", "decoy", "glossaryterm", "quiz")


def is_teacher(user):
    return user.is_authenticated and user.groups.filter(name=TEACHERS).exists()
