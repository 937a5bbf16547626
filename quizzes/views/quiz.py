"""Taking a quiz: the catalogue, starting, answering (saved as you go), submitting, the result."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import presentation, timing
from ..forms import CrossLanguageForm, NamedQuizForm, StartQuizForm, responses_from_post
from ..models import REPORT_TEXT_MAX_LENGTH, Attempt, ProblemReport, Quiz
from ..owners import attempts_of, owner_for
from ..page_cache import content_version
from ..ratelimits import limited
from ..services.attempts import (
    AttemptClosed,
    NoQuestions,
    TimerFixed,
    TimeUp,
    change_timer,
    close_if_late,
    save_answers,
    start_attempt,
)
from ..services.problems import answers_marking_reported, result_version

SAVE_ACTIONS = ("save", "autosave", "submit")
TIMER_ACTIONS = ("extend", "off")
# What the "Report a problem" form under each result offers (views/problems.py checks the same).
REPORT_FORM = {"reasons": ProblemReport.Reason.choices, "text_max_length": REPORT_TEXT_MAX_LENGTH}


def _own_attempt(request, public_id, *, defer_questions=False):
    """The attempt, if it is the requester's; 404 otherwise, so ids of others are not confirmed.

    ``defer_questions`` leaves the frozen questions (the biggest column) unread until a page
    whose HTML is not cached asks for them.
    """
    attempts = Attempt.objects.defer("questions") if defer_questions else Attempt.objects
    attempts = attempts.select_related(
        "assignment", "quiz"
    )  # the result page reads its answer release; pages name the quiz
    attempt = get_object_or_404(attempts, public_id=public_id)
    if not attempt.belongs_to(owner_for(request, create=False)):
        raise Http404
    return attempt


def _catalogue(request, *, form=None, crosslanguage_form=None, unfinished=(), status=200):
    context = {
        # Blank forms are built only if the shared part is rendered (they cost more than the rest).
        "form": form or SimpleLazyObject(StartQuizForm),
        "crosslanguage_form": crosslanguage_form or SimpleLazyObject(CrossLanguageForm),
        # Read only when the page's shared part is rendered, not when it comes from the fragment cache.
        "named_quizzes": SimpleLazyObject(lambda: list(Quiz.objects.published())),
        "unfinished": list(unfinished),
        # Blank forms: the shared part is cached per language, content version and role.
        "cacheable": form is None and crosslanguage_form is None,
        "content_version": content_version(),
    }
    return render(request, "quizzes/catalogue.html", context, status=status)


@require_GET
def catalogue(request):
    return _catalogue(
        request,
        # Not their frozen questions: a big JSON document each, and the list shows only names and dates.
        unfinished=attempts_of(request).filter(submitted_at__isnull=True).defer("questions").select_related("quiz")[:5],
    )


@require_POST
@limited("start")
def start(request):
    if "quiz" in request.POST:
        named = NamedQuizForm(request.POST)
        if not named.is_valid():
            for error in named.errors["quiz"]:
                messages.error(request, error)
            return _catalogue(request, status=400)
        quiz = named.cleaned_data["quiz"]
        quiz_settings = {"topic": quiz.topic, "length": quiz.length, "difficulty": quiz.difficulty}
    elif f"{CrossLanguageForm.prefix}-direction" in request.POST:
        crosslanguage = CrossLanguageForm(request.POST)
        if not crosslanguage.is_valid():
            return _catalogue(request, crosslanguage_form=crosslanguage, status=400)
        quiz = None
        quiz_settings = {
            "topic": crosslanguage.cleaned_data["direction"],
            "length": crosslanguage.cleaned_data["length"],
        }
    else:
        form = StartQuizForm(request.POST)
        if not form.is_valid():
            return _catalogue(request, form=form, status=400)
        quiz, quiz_settings = None, form.cleaned_data
    try:
        attempt = start_attempt(owner_for(request), quiz=quiz, **quiz_settings)
    except NoQuestions:
        messages.error(request, _("There is not enough published content for this quiz yet."))
        return redirect("quizzes:catalogue")
    return redirect("quizzes:take", public_id=attempt.public_id)


def _answered_positions(responses):
    """The positions whose saved response is an answer (a question left alone has None)."""
    return {p for p, r in responses.items() if r not in (None, "", [], {})}


def _unanswered(attempt, responses):
    """The numbers of the questions with neither a saved answer nor one in ``responses``."""
    saved = _answered_positions(dict(attempt.answers.values_list("position", "response")))
    return [p + 1 for p in range(len(attempt.questions)) if p not in saved and p not in responses]


def _render_take(request, attempt, errors=None, status=200):
    language = get_language()
    responses = dict(attempt.answers.values_list("position", "response"))
    errors = {p: str(m) for p, m in (errors or {}).items()}

    def questions():
        # Called by the template only when the questions' HTML is not in the fragment cache.
        return [
            {
                "position": i,
                "number": i + 1,
                "error": errors.get(i),
                **presentation.for_taking(q, responses.get(i), language),
            }
            for i, q in enumerate(attempt.questions)
        ]

    answered = _answered_positions(responses)
    total = int(attempt.max_score)  # a point per question
    return render(
        request,
        "quizzes/take.html",
        {
            "attempt": attempt,
            "questions": questions,
            "total": total,
            "answered": len(answered),
            "numbers": [{"number": p + 1, "answered": p in answered} for p in range(total)],
            "has_errors": bool(errors),
            "timer": _timer(attempt, timezone.now()),
            # With the attempt (whose questions are frozen) and the language, all that the questions' HTML
            # and the progress list depend on: both are cached on it.
            "state": repr((sorted(responses.items()), sorted(errors.items()))),
        },
        status=status,
    )


def _timer(attempt, now):
    """What the take page's timer shows (None for an untimed attempt); JS counts it down from there."""
    if attempt.deadline is None:
        return None
    left = timing.seconds_left(attempt.deadline, now)
    practice = attempt.assignment_id is None
    return {
        "seconds": left,
        "clock": timing.clock(left),
        "minutes": timing.minutes_left(left),
        "half": timing.half_time_left(attempt.started_at, attempt.deadline),
        "minute": int(timing.LAST_MINUTE.total_seconds()),
        "practice": practice,
        "can_extend": practice and timing.can_extend(attempt.started_at, attempt.deadline, attempt.time_limit),
        "limit_minutes": timing.minutes_left(attempt.time_limit or 0),
        "factor": timing.factor(attempt.started_at, attempt.deadline, attempt.time_limit),
        "max_factor": timing.MAX_FACTOR,
    }


def _time_up(request, public_id):
    messages.info(request, _("Time is up: your quiz was submitted with the answers saved before the deadline."))
    return redirect("quizzes:result", public_id=public_id)


@require_GET
def take(request, public_id):
    attempt = _own_attempt(request, public_id, defer_questions=True)
    if close_if_late(attempt, timezone.now()):
        return _time_up(request, public_id)
    if attempt.is_submitted:
        return redirect("quizzes:result", public_id=public_id)
    return _render_take(request, attempt)


@require_POST
def timer(request, public_id):
    """In practice, the learner's own timer: one more limit (up to tenfold), or no timer at all.

    The buttons belong to the quiz's form, so without JavaScript the answers on the page come
    along: they are saved first (the ones that do not fit their question are left as they were).
    """
    attempt = _own_attempt(request, public_id)
    action = request.POST.get("action")
    if action not in TIMER_ACTIONS:
        messages.error(request, _("That button is not one of this page's; nothing was changed."))
        return redirect("quizzes:take", public_id=public_id)
    try:
        responses, _errors = responses_from_post(attempt.questions, request.POST)
        if responses and not attempt.is_submitted:
            save_answers(attempt, responses, get_language())
        change_timer(attempt, action)
    except TimeUp:
        return _time_up(request, public_id)
    except AttemptClosed:
        return _closed(request, attempt, wants_json=False)
    except TimerFixed:
        message = _("This timer cannot be changed here. In an assignment, your teacher can give you extra time.")
        return render(request, "quizzes/closed.html", {"attempt": attempt, "message": message}, status=409)
    if action == "off":
        messages.success(request, _("The timer is off: take all the time you need."))
    else:
        messages.success(request, _("You have more time now."))
    return redirect("quizzes:take", public_id=public_id)


def _chosen_language(action):
    """The code of a "save and continue in …" button, or None when the action names no language this site has."""
    code = action.removeprefix("language:")
    return code if action.startswith("language:") and code in dict(settings.LANGUAGES) else None


@require_POST
def save(request, public_id):
    """Save the posted answers; then, by the button pressed, stay, submit, or switch language."""
    attempt = _own_attempt(request, public_id)
    action = request.POST.get("action", "save")
    wants_json = action == "autosave"
    language = _chosen_language(action)
    if action not in SAVE_ACTIONS and language is None:
        # Only the page's own buttons; an unknown "language" is never activated (each one cost memory).
        messages.error(request, _("That button is not one of this page's; nothing was saved."))
        return _render_take(request, attempt, status=400)
    if attempt.is_submitted:
        return _closed(request, attempt, wants_json)
    responses, errors = responses_from_post(attempt.questions, request.POST)
    submit = action == "submit" and not errors
    # At the deadline (the page submits itself at zero) nobody is asked about unanswered questions.
    ask = submit and not request.POST.get("submit_anyway") and not timing.is_due(attempt.deadline, timezone.now())
    unanswered = _unanswered(attempt, responses) if ask else []
    try:
        result = save_answers(attempt, responses, get_language(), submit=submit and not unanswered)
    except TimeUp:
        return _closed(request, attempt, wants_json, time_up=True)
    except AttemptClosed:
        return _closed(request, attempt, wants_json)
    errors = {**{p: str(m) for p, m in errors.items()}, **result.errors}
    if wants_json:
        return JsonResponse(
            {"saved": result.saved, "errors": {str(p): str(m) for p, m in errors.items()}},
            status=400 if errors else 200,
        )
    if errors:
        return _render_take(request, attempt, errors=errors, status=400)
    if result.submitted:
        return redirect("quizzes:result", public_id=public_id)
    if unanswered:
        # Saved, not submitted: the learner confirms first (the page's script asks before posting).
        context = {"attempt": attempt, "unanswered": unanswered, "total": int(attempt.max_score)}
        return render(request, "quizzes/confirm_submit.html", context)
    if language:
        take_url = reverse("quizzes:take", kwargs={"public_id": public_id})
        return redirect(translate_url(take_url, language))
    messages.success(request, _("Your answers are saved."))
    return redirect("quizzes:take", public_id=public_id)


def _closed(request, attempt, wants_json, *, time_up=False):
    """A save that came after the submit: say so and point to the result (nothing to try again)."""
    message = _("This quiz has been submitted; its answers can no longer change.")
    if time_up:
        message = _(
            "Time was up: the quiz was submitted with the answers saved before the deadline."
            " The answers just sent were not saved."
        )
    result_url = reverse("quizzes:result", kwargs={"public_id": attempt.public_id})
    if wants_json:
        return JsonResponse(
            {"error": message, "submitted": True, "result_url": result_url, "result_label": _("See the result")},
            status=409,
        )
    return render(request, "quizzes/closed.html", {"attempt": attempt, "message": message}, status=409)


@require_GET
def result(request, public_id):
    attempt = _own_attempt(request, public_id, defer_questions=True)
    close_if_late(attempt, timezone.now())  # grading sets its score and submitted_at
    if not attempt.is_submitted:
        return redirect("quizzes:take", public_id=public_id)
    language = get_language()

    def rows():
        # A submitted attempt never changes: the template caches this HTML and calls this only on a miss.
        answers = {a.position: a for a in answers_marking_reported(attempt)}
        return [
            {
                "number": i + 1,
                "position": i,
                "reported": answers[i].reported,
                **presentation.for_result(q, answers[i].response, answers[i].mark, language),
            }
            for i, q in enumerate(attempt.questions)
        ]

    show_answers = attempt.shows_answers(timezone.now())  # an assignment's answer release may hold them back
    context = {
        "attempt": attempt,
        "rows": rows,
        "show_answers": show_answers,
        "report_form": REPORT_FORM,
        "result_version": result_version(attempt),  # read before the answers: a report renews it
    }
    return render(request, "quizzes/result.html", context)
