"""The teacher's pages: classes, assignments, reports and exports.

Only members of the Teachers group get in (others: 403), and a teacher sees
only their own classes (another teacher's class: 404, so its existence is not
confirmed).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import exports, reports
from ..models import Assignment, Classroom
from ..reports import presentation
from ..reports import review as review_reports
from ..roles import is_teacher
from ..services import classes
from ..teacher_forms import AssignmentForm, ClassroomForm


def teacher_required(view):
    """Anonymous: to the login page. Signed in but not a teacher: 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_teacher(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _own_classroom(request, pk):
    return get_object_or_404(Classroom, pk=pk, teacher=request.user)


# --- Classes and assignments ------------------------------------------------------------


@teacher_required
@require_http_methods(["GET", "POST"])
def home(request):
    form = ClassroomForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            classroom = classes.create_classroom(request.user, form.cleaned_data["name"])
            messages.success(
                request,
                _("Class “%(name)s” created. Its join code is %(code)s.")
                % {"name": classroom.name, "code": classroom.join_code},
            )
            return redirect("quizzes:teacher_class", pk=classroom.pk)
    return render(
        request,
        "quizzes/teacher/home.html",
        {"form": form, "classrooms": reports.teacher_classrooms(request.user)},
        status=400 if form.is_bound else 200,
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def classroom(request, pk):
    classroom = _own_classroom(request, pk)
    form = AssignmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        assignment = classes.give_assignment(classroom, form.save(commit=False))
        messages.success(request, _("Assignment “%(title)s” created.") % {"title": assignment.title})
        return redirect("quizzes:teacher_class", pk=classroom.pk)
    return render(
        request,
        "quizzes/teacher/classroom.html",
        {
            "classroom": classroom,
            "students": reports.members(classroom),
            "assignments": reports.assignments_with_submissions(classroom),
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


@teacher_required
@require_POST
def remove_student(request, pk, user_pk):
    classroom = _own_classroom(request, pk)
    try:
        student = classes.remove_student(classroom, user_pk)
    except classes.NotAMember:
        raise Http404 from None
    name = reports.display_name(student)
    messages.success(
        request,
        _("%(name)s was removed from the class. Their past attempts stay in the reports of the assignments.")
        % {"name": name},
    )
    return redirect("quizzes:teacher_class", pk=classroom.pk)


# --- Reports ----------------------------------------------------------------------------


@teacher_required
@require_GET
def class_report(request, pk):
    classroom = _own_classroom(request, pk)
    overview = reports.class_overview(classroom)
    return render(
        request,
        "quizzes/teacher/class_report.html",
        {
            "classroom": classroom,
            "overview": overview,
            "histogram_chart": presentation.histogram_chart(overview.histogram),
        },
    )


@teacher_required
@require_GET
def student_report(request, pk, user_pk):
    classroom = _own_classroom(request, pk)
    student = get_object_or_404(get_user_model(), pk=user_pk, memberships__classroom=classroom)
    report = reports.student_report(classroom, student)
    return render(
        request,
        "quizzes/teacher/student_report.html",
        {
            "classroom": classroom,
            "report": report,
            "trend_chart": presentation.trend_chart(report.attempts),
            "mastery_chart": presentation.mastery_chart(report.mastery),
        },
    )


@teacher_required
@require_GET
def topic_report(request, pk):
    classroom = _own_classroom(request, pk)
    report = reports.topic_report(classroom)
    return render(
        request,
        "quizzes/teacher/topic_report.html",
        {
            "classroom": classroom,
            "report": report,
            "chart": presentation.topic_chart(report.topics),
            "recall": review_reports.class_recall(classroom),
        },
    )


def _assignment_filter(request, classroom):
    """The ?assignment=<pk> filter: None when absent, 400 when not a number, 404 when not this class's."""
    value = request.GET.get("assignment", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):  # str.isdigit() also takes "²", which int() refuses
        raise BadFilter
    return get_object_or_404(Assignment, pk=int(value), classroom=classroom)


class BadFilter(Exception):
    pass


@teacher_required
@require_GET
def item_report(request, pk):
    classroom = _own_classroom(request, pk)
    try:
        assignment = _assignment_filter(request, classroom)
    except BadFilter:
        return HttpResponseBadRequest(_("The assignment filter must be an assignment of this class."))
    analysis = reports.item_analysis(classroom, assignment=assignment)
    facility_bands = reports.histogram([i.facility for i in analysis.items if i.facility is not None])
    return render(
        request,
        "quizzes/teacher/item_report.html",
        {
            "classroom": classroom,
            "analysis": analysis,
            "facility_bands": facility_bands,
            "chart": presentation.facility_chart(facility_bands) if analysis.items else None,
        },
    )


EXPORTS = {
    ("results", "xlsx"): exports.results_xlsx,
    ("results", "csv"): exports.results_csv,
    ("items", "xlsx"): exports.items_xlsx,
    ("items", "csv"): exports.items_csv,
}


@teacher_required
@require_GET
def export(request, pk, report, fmt):
    writer = EXPORTS.get((report, fmt))
    if writer is None:
        raise Http404
    classroom = _own_classroom(request, pk)
    if report == "results":
        return writer(reports.class_overview(classroom))
    try:
        assignment = _assignment_filter(request, classroom)
    except BadFilter:
        return HttpResponseBadRequest(_("The assignment filter must be an assignment of this class."))
    return writer(reports.item_analysis(classroom, assignment=assignment))
