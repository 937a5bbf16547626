"""The student's side of classes: join with a code, leave, see and start assignments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import reports
from ..forms import JoinForm
from ..models import Membership
from ..services import attempts, classes


def _page(request, form=None, status=200):
    return render(
        request,
        "quizzes/classes/my_classes.html",
        {"form": form or JoinForm(), "classes": reports.student_classes(request.user)},
        status=status,
    )


@login_required
@require_GET
def my_classes(request):
    return _page(request)


def _wait_message(seconds):
    minutes = -(-seconds // 60)
    return ngettext(
        "Too many wrong codes. Try again in %(minutes)d minute; your classmates can still join.",
        "Too many wrong codes. Try again in %(minutes)d minutes; your classmates can still join.",
        minutes,
    ) % {"minutes": minutes}


@login_required
@require_POST
def join(request):
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        classroom, joined = classes.join_class(request.user, form.cleaned_data["code"])
    except classes.TooManyWrongCodes as refused:
        form.add_error(None, _wait_message(refused.wait_seconds))
        return _page(request, form, status=429)
    except classes.NoSuchCode:
        form.add_error(
            "code",
            _("No class has this code. Check it with your teacher: a code has 6 letters and digits, like KM7Q3X."),
        )
        return _page(request, form, status=400)
    except classes.OwnClass:
        form.add_error("code", _("This is your own class: you teach it, so you cannot join it as a student."))
        return _page(request, form, status=400)
    except classes.ClassArchived as refused:
        form.add_error("code", _archived_message(refused.args[0]))
        return _page(request, form, status=400)
    if joined:
        messages.success(request, _("You joined “%(name)s”.") % {"name": classroom.name})
    else:
        messages.info(request, _("You are already in “%(name)s”.") % {"name": classroom.name})
    return redirect("quizzes:my_classes")


def _archived_message(classroom):
    return _("“%(name)s” is archived: it takes no new students. Ask your teacher for the code of a current class.") % {
        "name": classroom.name
    }


@login_required
@require_GET
def join_link(request, code):
    """A class's join link (from the projector's QR code or a message): which class, and one button to join.

    Opening it joins nobody: joining is the form's POST. Logged out, the login and
    sign-up pages bring the student back here (?next=).
    """
    form = JoinForm({"code": code})
    if not form.is_valid():
        raise Http404
    try:
        classroom = classes.class_for_code(request.user, form.cleaned_data["code"])
    except classes.TooManyWrongCodes as refused:
        messages.error(request, _wait_message(refused.wait_seconds))
        return redirect("quizzes:my_classes")
    except classes.NoSuchCode:
        raise Http404 from None
    except classes.ClassArchived as refused:
        context = {"classroom": refused.args[0], "archived": _archived_message(refused.args[0])}
        return render(request, "quizzes/classes/join_link.html", context, status=410)
    member = Membership.objects.filter(classroom=classroom, student=request.user).exists()
    return render(
        request,
        "quizzes/classes/join_link.html",
        {"classroom": classroom, "code": classroom.join_code, "member": member},
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, pk):
    """GET: what leaving means, and a button; POST: leave."""
    if request.method == "GET":
        found = reports.membership(pk, request.user.pk)
        if found is None:
            raise Http404
        return render(request, "quizzes/classes/leave.html", {"classroom": found.classroom})
    try:
        classroom = classes.leave_class(request.user, pk)
    except classes.NotAMember:
        raise Http404 from None
    messages.success(request, _("You left “%(name)s”. Your past results stay with you.") % {"name": classroom.name})
    return redirect("quizzes:my_classes")


@login_required
@require_http_methods(["GET", "POST"])
def start_assignment(request, pk):
    """GET: what starting means (a timed assignment's clock), and a button; POST: start the assignment,
    or continue the attempt already open. 404 for a class you are not in."""
    if request.method == "GET":
        return _before_start(request, pk)
    try:
        attempt, _new = classes.start_assignment(request.user, pk, timezone.now())
    except classes.NotAMember:
        raise Http404 from None
    except classes.AssignmentNotOpen as refused:
        assignment = refused.args[0]
        opens = formats.date_format(timezone.localtime(assignment.opens_at), "DATETIME_FORMAT")
        messages.error(request, _("“%(title)s” opens on %(date)s.") % {"title": assignment.title, "date": opens})
        return redirect("quizzes:my_classes")
    except classes.NoAttemptsLeft as refused:
        title = refused.args[0].title
        messages.error(request, _("You have used every attempt “%(title)s” allows.") % {"title": title})
        return redirect("quizzes:my_classes")
    except attempts.NoQuestions:
        messages.error(request, _("There is not enough published content for this assignment yet."))
        return redirect("quizzes:my_classes")
    return redirect("quizzes:take", public_id=attempt.public_id)


def _before_start(request, pk):
    """The page before a timed assignment's clock starts: how long, and that it starts on the button. Starts nothing."""
    item = reports.assignment_to_start(request.user, pk)
    if item is None:
        raise Http404
    if not item.can_start:
        return redirect("quizzes:my_classes")  # not open yet, used up, or open already: the class page says which
    return render(request, "quizzes/classes/start_assignment.html", {"item": item})
