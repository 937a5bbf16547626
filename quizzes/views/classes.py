"""The student's side of classes: join with a code, leave, see and start assignments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import reports, throttle
from ..models import Assignment, Attempt, Classroom, Membership
from ..owners import Owner
from ..services import attempts as services
from ..teacher_forms import JoinForm

JOIN_SCOPE = "join"


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


@login_required
@require_POST
def join(request):
    form = JoinForm(request.POST)
    if throttle.is_throttled(JOIN_SCOPE, request):
        form.is_valid()  # bound and cleaned, so the page shows what was typed
        form.add_error(None, _("Too many wrong codes. Wait a few minutes and try again."))
        return _page(request, form, status=429)
    if not form.is_valid():
        return _page(request, form, status=400)
    classroom = Classroom.objects.filter(join_code=form.cleaned_data["code"]).first()
    if classroom is None:
        throttle.record_failure(JOIN_SCOPE, request)
        form.add_error(
            "code",
            _("No class has this code. Check it with your teacher: a code has 6 letters and digits, like KM7Q3X."),
        )
        return _page(request, form, status=400)
    if classroom.teacher_id == request.user.pk:
        form.add_error("code", _("This is your own class: you teach it, so you cannot join it as a student."))
        return _page(request, form, status=400)
    _membership, created = Membership.objects.get_or_create(classroom=classroom, student=request.user)
    if created:
        messages.success(request, _("You joined “%(name)s”.") % {"name": classroom.name})
    else:
        messages.info(request, _("You are already in “%(name)s”.") % {"name": classroom.name})
    return redirect("quizzes:my_classes")


@login_required
@require_POST
def leave(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("classroom"), classroom=pk, student=request.user)
    name = membership.classroom.name
    membership.delete()
    messages.success(request, _("You left “%(name)s”. Your past results stay with you.") % {"name": name})
    return redirect("quizzes:my_classes")


@login_required
@require_POST
def start_assignment(request, pk):
    """Start an assignment, or continue the attempt already open; 404 for a class you are not in."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("classroom"), pk=pk, classroom__memberships__student=request.user
    )
    now = timezone.now()
    if now < assignment.opens_at:
        opens = formats.date_format(timezone.localtime(assignment.opens_at), "DATETIME_FORMAT")
        messages.error(request, _("“%(title)s” opens on %(date)s.") % {"title": assignment.title, "date": opens})
        return redirect("quizzes:my_classes")
    with transaction.atomic():
        # Lock the membership row so a double click cannot start two attempts.
        list(
            Membership.objects.select_for_update()
            .filter(classroom=assignment.classroom, student=request.user)
            .values_list("pk", flat=True)
        )
        mine = list(Attempt.objects.filter(assignment=assignment, user=request.user).only("public_id", "submitted_at"))
        unfinished = next((a for a in mine if a.submitted_at is None), None)
        if unfinished is not None:
            return redirect("quizzes:take", public_id=unfinished.public_id)
        if len(mine) >= assignment.max_attempts:
            messages.error(
                request,
                _("You have used every attempt “%(title)s” allows.") % {"title": assignment.title},
            )
            return redirect("quizzes:my_classes")
        try:
            attempt = services.start_attempt(
                Owner(user=request.user),
                topic=assignment.topic,
                length=assignment.length,
                difficulty=assignment.difficulty,
                seed=assignment.seed if assignment.same_questions else None,
                assignment=assignment,
                number=len(mine) + 1,
            )
        except services.NoQuestions:
            messages.error(request, _("There is not enough published content for this assignment yet."))
            return redirect("quizzes:my_classes")
    return redirect("quizzes:take", public_id=attempt.public_id)
