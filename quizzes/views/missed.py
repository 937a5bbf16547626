"""Practise what the class missed: a report acted on in one click.

From the item analysis or the topic page, the teacher opens a form prefilled with the usual dates,
attempts, time and review options, sees who would get what, and confirms. Each student then gets the
questions they missed most recently (quizzes/missed.py); a student who missed none, the class's weakest
topic. Only the class's teachers get in (another teacher's class: 404, as on every teacher page).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ..models import QUIZ_TOPIC_CHOICES, Classroom
from ..reports.missed import missed_practice
from ..roles import teacher_required
from ..services import classes
from ..teacher_forms import MissedPracticeForm


@teacher_required
@require_http_methods(["GET", "POST"])
def practise_missed(request, pk):
    classroom = get_object_or_404(Classroom.objects.taught_by(request.user), pk=pk)
    form = MissedPracticeForm(request.POST if request.method == "POST" else None)
    valid = form.is_bound and form.is_valid()
    limit = form.cleaned_data["length"] if valid else form.fields["length"].initial
    students, plan, answered = missed_practice(classroom, limit, timezone.now())
    if valid and answered:
        assignment = classes.give_missed_practice(classroom, form.save(commit=False), plan)
        given = sum(1 for s in students if plan.for_student(s.pk))
        messages.success(request, _created(assignment, given, len(students) - given, _topic_name(plan.topic)))
        return redirect("quizzes:teacher_class", pk=classroom.pk)
    rows = [{"student": s, "missed": len(plan.for_student(s.pk))} for s in students]
    return render(
        request,
        "quizzes/teacher/practise_missed.html",
        {
            "classroom": classroom,
            "form": form if answered else None,
            "rows": rows,
            "topic": _topic_name(plan.topic),
            "limit": limit,
        },
        status=400 if form.is_bound else 200,
    )


def _topic_name(topic):
    return dict(QUIZ_TOPIC_CHOICES).get(topic, topic)


def _created(assignment, given, others, topic):
    missed = ngettext(
        "%(count)d student practises the questions they missed",
        "%(count)d students practise the questions they missed",
        given,
    ) % {"count": given}
    rest = ngettext(
        "%(count)d gets a quiz on %(topic)s",
        "%(count)d get a quiz on %(topic)s",
        others,
    ) % {"count": others, "topic": topic}
    return _("Assignment “%(title)s” created: %(missed)s; %(rest)s.") % {
        "title": assignment.title,
        "missed": missed,
        "rest": rest,
    }
