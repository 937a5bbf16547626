"""A learner reports a problem with one question of their result (a plain form: no JavaScript needed)."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import presentation
from ..form_limits import say_length_limits
from ..models import REPORT_TEXT_MAX_LENGTH, Attempt, ProblemReport
from ..owners import owner_for
from ..ratelimits import limited
from ..services.problems import report_problem


class ProblemReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong?"),
        choices=ProblemReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose what is wrong with the question."),
            "invalid_choice": gettext_lazy("Choose one of the reasons listed."),
        },
    )
    text = forms.CharField(
        label=gettext_lazy("Details (optional)"),
        required=False,
        max_length=REPORT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_length_limits(self, "text")


@require_POST
@limited("report_problem")
def report(request, public_id, position):
    attempt = get_object_or_404(Attempt, public_id=public_id)
    # Another's attempt, one not submitted, or a question it does not have: nothing to report on.
    if not attempt.belongs_to(owner_for(request, create=False)) or not attempt.is_submitted:
        raise Http404
    if position >= len(attempt.questions):
        raise Http404
    result_url = reverse("quizzes:result", kwargs={"public_id": public_id})
    form = ProblemReportForm(request.POST)
    if not form.is_valid():
        question = attempt.questions[position]
        context = {
            "form": form,
            "attempt": attempt,
            "position": position,
            "number": position + 1,
            "prompt": presentation.text_in(question.get("prompt"), get_language()),
            "result_url": result_url,
        }
        return render(request, "quizzes/report_problem.html", context, status=400)
    _report, created = report_problem(
        attempt,
        position,
        owner_for(request, create=False),
        reason=form.cleaned_data["reason"],
        text=form.cleaned_data["text"].strip(),
        language=get_language(),
    )
    number = {"number": position + 1}
    if created:
        messages.success(request, _("Thank you: your report on question %(number)d was received.") % number)
    else:
        messages.info(request, _("You have already reported this problem on question %(number)d; we have it.") % number)
    return redirect(f"{result_url}#question-{position + 1}")
