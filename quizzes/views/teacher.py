"""The teacher's pages: classes, assignments, reports and exports.

Only members of the Teachers group get in (others: 403), and a teacher sees
only the classes they teach, as owner or co-teacher (another teacher's class:
404, so its existence is not confirmed). Only the owner deletes a class.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import exports, reports
from ..models import Assignment, Classroom, Extension
from ..phone_links import phone_url
from ..qr import qr_svg
from ..reports import presentation
from ..reports import review as review_reports
from ..roles import teacher_required
from ..services import accommodations as timers
from ..services import classes
from ..teacher_forms import AccommodationForm, AssignmentForm, ClassroomForm, ExtensionForm


def _own_classroom(request, pk):
    """A class the teacher teaches, as owner or co-teacher (anyone else: 404)."""
    return get_object_or_404(Classroom.objects.taught_by(request.user), pk=pk)


def _owned_classroom(request, pk):
    """A class only its owner may act on (deleting it): a co-teacher gets 403, anyone else 404."""
    classroom = _own_classroom(request, pk)
    if not classroom.is_owned_by(request.user):
        raise PermissionDenied
    return classroom


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
        {
            "form": form,
            "classrooms": reports.teacher_classrooms(request.user),
            "archived": reports.teacher_classrooms(request.user, archived=True),
        },
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
    students = reports.members(classroom)
    return render(
        request,
        "quizzes/teacher/classroom.html",
        {
            "classroom": classroom,
            "teachers": reports.teachers_of(classroom),
            "is_owner": classroom.is_owned_by(request.user),
            "students": students,
            # Beside each timed assignment's limit: how many students get more (an accommodation).
            "extra_time_students": sum(1 for s in students if s.extra_time),
            "assignments": reports.assignments_with_submissions(classroom),
            "form": form,
            "join_url": _join_url(request, classroom),
        },
        status=400 if form.is_bound else 200,
    )


def _join_url(request, classroom):
    """The class's join link as the phones in the room reach it (``phone_links``)."""
    return phone_url(request, reverse("quizzes:join_link", args=[classroom.join_code]))


@teacher_required
@require_GET
def projector(request, pk):
    """The join code in letters a back row can read, and a QR code of the join link."""
    classroom = _own_classroom(request, pk)
    join_url = _join_url(request, classroom)
    title = _("QR code: the join link of “%(name)s”") % {"name": classroom.name}
    return render(
        request,
        "quizzes/teacher/projector.html",
        {"classroom": classroom, "join_url": join_url, "qr": qr_svg(join_url, title)},
    )


@teacher_required
@require_POST
def archive(request, pk):
    classroom = _own_classroom(request, pk)
    classes.archive_classroom(classroom, timezone.now())
    messages.success(
        request, _("“%(name)s” is archived: hidden from the lists, its reports kept.") % {"name": classroom.name}
    )
    return redirect("quizzes:teacher_home")


@teacher_required
@require_POST
def restore(request, pk):
    classroom = _own_classroom(request, pk)
    classes.restore_classroom(classroom)
    messages.success(request, _("“%(name)s” is back in your classes.") % {"name": classroom.name})
    return redirect("quizzes:teacher_class", pk=classroom.pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def delete_class(request, pk):
    """GET: what deleting takes with it, and a button; POST: delete. The owner only."""
    classroom = _owned_classroom(request, pk)
    if request.method == "GET":
        context = {"classroom": classroom, "summary": reports.deletion_summary(classroom)}
        return render(request, "quizzes/teacher/delete_class.html", context)
    name = classroom.name
    classes.delete_classroom(classroom)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": name})
    return redirect("quizzes:teacher_home")


@teacher_required
@require_http_methods(["GET", "POST"])
def extensions(request, pk, assignment_pk):
    """The assignment's extensions: give one student a later due date, or take one back."""
    classroom = _own_classroom(request, pk)
    assignment = get_object_or_404(Assignment, pk=assignment_pk, classroom=classroom)
    students = reports.members(classroom)
    form = ExtensionForm(request.POST or None, assignment=assignment, students=students)
    if request.method == "POST" and form.is_valid():
        try:
            classes.extend_due_date(assignment, form.cleaned_data["student"], form.cleaned_data["due_at"])
        except classes.NotAMember:
            raise Http404 from None
        messages.success(request, _("Extension saved."))
        return redirect("quizzes:teacher_extensions", pk=classroom.pk, assignment_pk=assignment.pk)
    given = Extension.objects.filter(assignment=assignment).select_related("student").order_by("due_at", "pk")
    return render(
        request,
        "quizzes/teacher/extensions.html",
        {"classroom": classroom, "assignment": assignment, "form": form, "extensions": list(given)},
        status=400 if form.is_bound else 200,
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def accommodations(request, pk):
    """Extra time for a student in every timed assignment of the class (an accommodation, WCAG 2.2.1)."""
    classroom = _own_classroom(request, pk)
    students = reports.members(classroom)
    form = AccommodationForm(request.POST or None, students=students)
    if request.method == "POST" and form.is_valid():
        try:
            timers.set_accommodation(classroom, form.cleaned_data["student"], form.cleaned_data["time_percent"])
        except timers.NotAMember:
            raise Http404 from None
        messages.success(request, _("Time saved. It applies to the attempts this student starts from now on."))
        return redirect("quizzes:teacher_accommodations", pk=classroom.pk)
    labels = dict(form.fields["time_percent"].choices)
    rows = [{"student": s, "time": labels.get(100 + s.extra_time)} for s in students if s.extra_time]
    return render(
        request,
        "quizzes/teacher/accommodations.html",
        {"classroom": classroom, "form": form, "rows": rows},
        status=400 if form.is_bound else 200,
    )


@teacher_required
@require_POST
def remove_extension(request, pk, assignment_pk, user_pk):
    classroom = _own_classroom(request, pk)
    assignment = get_object_or_404(Assignment, pk=assignment_pk, classroom=classroom)
    if not classes.remove_extension(assignment, user_pk):
        raise Http404
    messages.success(request, _("Extension removed: the class's due date applies again."))
    return redirect("quizzes:teacher_extensions", pk=classroom.pk, assignment_pk=assignment.pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def remove_student(request, pk, user_pk):
    """GET: what removing means, and a button; POST: remove."""
    classroom = _own_classroom(request, pk)
    if request.method == "GET":
        found = reports.membership(classroom.pk, user_pk)
        if found is None:
            raise Http404
        student = found.student
        context = {"classroom": classroom, "student": student, "name": reports.display_name(student)}
        return render(request, "quizzes/teacher/remove_student.html", context)
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
    sort = request.GET.get("sort", "name")
    if sort not in reports.SORTS:
        sort = "name"
    overview = reports.class_overview(classroom, sort=sort)
    return render(
        request,
        "quizzes/teacher/class_report.html",
        {
            "classroom": classroom,
            "overview": overview,
            "sort": sort,
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


ITEMS_PER_PAGE = 40  # questions per page of the item analysis (a page of 40 stays well under 150 KiB)


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
            "page": Paginator(analysis.items, ITEMS_PER_PAGE).get_page(request.GET.get("page")),
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
