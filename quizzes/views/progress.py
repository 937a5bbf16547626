"""A learner's progress: every attempt, the score trend, mastery by topic, what they miss."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import charts
from ..content import load_content
from ..generation import generate_from_keys
from ..models import Topic
from ..owners import attempts_of, owner_for
from ..progress import most_missed, topic_mastery
from ..services import attempts as services
from ..values import Text

TREND_LENGTH = 20
PRACTICE_LENGTH = 10


@require_GET
def progress(request):
    attempts = attempts_of(request)
    submitted = list(attempts.filter(submitted_at__isnull=False).select_related("quiz").order_by("-submitted_at"))
    trend = list(reversed(submitted[:TREND_LENGTH]))
    topic_labels = dict(Topic.choices)
    mastery = [{**row, "label": topic_labels.get(row["topic"], row["topic"])} for row in topic_mastery(attempts)]
    missed = most_missed(attempts)
    if missed:
        language = get_language()
        prompts = {
            q["key"]: Text(**q["prompt"]).get(language)
            for q in generate_from_keys(load_content(), [m["question_key"] for m in missed], seed=0)
        }
        for row in missed:
            row["prompt"] = prompts.get(row["question_key"], _("(this question is no longer in the content)"))
    return render(
        request,
        "quizzes/progress.html",
        {
            "attempts": submitted,
            "trend_chart": charts.line_chart(
                [(a.submitted_at.strftime("%d.%m"), a.percent) for a in trend],
                title=_("Score of each attempt, oldest first (%)"),
                y_label="%",
            )
            if trend
            else None,
            "mastery": mastery,
            "mastery_chart": charts.bar_chart(
                [(row["label"], row["percent"]) for row in mastery],
                title=_("Mastery by topic (%)"),
                y_max=100,
                y_label="%",
            )
            if mastery
            else None,
            "missed": missed,
        },
    )


@require_POST
def practise(request):
    keys = [row["question_key"] for row in most_missed(attempts_of(request), limit=PRACTICE_LENGTH)]
    if not keys:
        messages.info(request, _("Nothing to practise yet: you have not missed any question."))
        return redirect("quizzes:progress")
    try:
        attempt = services.start_practice(owner_for(request), keys)
    except services.NoQuestions:
        messages.error(request, _("The questions you missed are no longer in the content."))
        return redirect("quizzes:progress")
    return redirect("quizzes:take", public_id=attempt.public_id)
