"""The two staff roles, as Django groups."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

EDITORS = "Editors"
TEACHERS = "Teachers"

# Editors may change content and named quizzes, nothing else (no users, no classes).
EDITOR_MODELS = ("source", "organisation", "department", "duty", "timelineevent", "decoy", "glossaryterm", "quiz")


def is_teacher(user):
    """Whether ``user`` is in the Teachers group.

    Asked once per user object, so once per request (a teacher page's check and the header
    ask the same ``request.user``); cached on the user as Django's ModelBackend caches permissions.
    """
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_teacher_cache"):
        user._is_teacher_cache = user.groups.filter(name=TEACHERS).exists()
    return user._is_teacher_cache


ACTIONS = ("add", "change", "delete", "view")
# And the learners' problem reports, to read and resolve (learners write them; nobody deletes them).
EDITOR_EXTRA_PERMISSIONS = ("view_problemreport", "change_problemreport")


def ensure_groups(**kwargs):
    """Create the two groups, Editors with exactly the content permissions (after every migrate and flush)."""
    from django.contrib.auth.models import Group, Permission

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in ACTIONS] + [*EDITOR_EXTRA_PERMISSIONS]
    editors.permissions.set(Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames))
    Group.objects.get_or_create(name=TEACHERS)


def teacher_required(view):
    """A view for teachers only. Anonymous: to the login page. Signed in but not a teacher: 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_teacher(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def is_editor(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


def exporter_required(view):
    """A view for those who take questions to other platforms: teachers and editors (and superusers).

    Anonymous: to the login page. Anyone else: 403.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (is_teacher(request.user) or is_editor(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
