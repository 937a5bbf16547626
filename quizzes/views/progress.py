"""A learner's progress: every attempt, the score trend, mastery by topic, what they miss."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import reports
from ..owners import attempts_of, attempts_owned_by, owner_for
from ..page_cache import content_version, lazy_context
from ..ratelimits import limited
from ..reports import presentation
from ..reports import review as review_reports
from ..services import attempts as services

PRACTICE_LENGTH = 10


@require_GET
def progress(request):
    owner = owner_for(request, create=False)
    attempts = attempts_owned_by(owner)

    def build():
        progress = reports.learner_progress(attempts)
        return {
            "attempts": progress.attempts,
            "trend_chart": presentation.trend_chart(progress.trend),
            "mastery": progress.mastery,
            "mastery_chart": presentation.mastery_chart(progress.mastery),
            "missed": progress.missed,
        }

    # The attempts, charts and missed questions are cached in the shared cache until the learner's
    # submitted attempts change (progress_version: one small query instead of four); their review
    # cards, due by the hour, are read on every visit.
    names = ("attempts", "trend_chart", "mastery", "mastery_chart", "missed")
    return render(
        request,
        "quizzes/progress.html",
        {
            **lazy_context(build, *names),
            "owner_key": owner.key,
            "progress_version": reports.progress_version(attempts),
            "content_version": content_version(),  # a named quiz's title
            "review": review_reports.learner_summary(owner),
        },
    )


@require_POST
@limited("practise")
def practise(request):
    answers = reports.released_answers(attempts_of(request), timezone.now())
    keys = [row["question_key"] for row in reports.most_missed(answers, limit=PRACTICE_LENGTH)]
    if not keys:
        messages.info(request, _("Nothing to practise yet: you have not missed any question."))
        return redirect("quizzes:progress")
    try:
        attempt = services.start_practice(owner_for(request), keys)
    except services.NoQuestions:
        messages.error(request, _("The questions you missed are no longer in the content."))
        return redirect("quizzes:progress")
    return redirect("quizzes:take", public_id=attempt.public_id)
