"""The two staff roles, as Django groups."""

EDITORS = "Editors"
TEACHERS = "Teachers"

# Editors may change content and named quizzes, nothing else (no users, no classes).
EDITOR_MODELS = ("source", "organisation", "department", "duty", "timelineevent", "decoy", "glossaryterm", "quiz")


def is_teacher(user):
    return user.is_authenticated and user.groups.filter(name=TEACHERS).exists()


ACTIONS = ("add", "change", "delete", "view")


def ensure_groups(**kwargs):
    """Create the two groups, Editors with exactly the content permissions (after every migrate and flush)."""
    from django.contrib.auth.models import Group, Permission

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in ACTIONS]
    editors.permissions.set(Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames))
    Group.objects.get_or_create(name=TEACHERS)
