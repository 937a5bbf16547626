"""Spaced review: the due questions as a quiz, and flashcards over terms, departments and timeline events."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timeuntil
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import flashcards
from ..content import load_content
from ..languages import CONTENT_LANGUAGES
from ..owners import owner_for
from ..ratelimits import limited
from ..reports import review as review_reports
from ..services import attempts as attempt_services
from ..services import review as services

MODES = ("same", "cross")


@require_GET
def review(request):
    summary = review_reports.learner_summary(owner_for(request, create=False))
    context = {"review": summary, "decks": flashcards.DECKS, "other_language": _other_language(get_language())}
    if summary.next_due:
        # Rounded up to the minute: a card due in 40 seconds is "in 1 minute", never "in 0 minutes".
        context["next_due_in"] = timeuntil(summary.next_due + timedelta(seconds=59), timezone.now())
    return render(request, "quizzes/review/review.html", context)


@require_POST
@limited("practise")
def start(request):
    try:
        owner = owner_for(request)
        attempt = attempt_services.start_review(owner, review_reports.due_questions(owner))
    except attempt_services.NoQuestions:
        messages.info(request, _("No question is due for review now. Come back later, or study flashcards."))
        return redirect("quizzes:review")
    return redirect("quizzes:take", public_id=attempt.public_id)


def _other_language(language):
    return next(code for code in CONTENT_LANGUAGES if code != language)


def _choice(request, data):
    """The deck and mode asked for: (deck, mode), (None, mode) for none, or None when either is not this page's."""
    deck, mode = data.get("deck", ""), data.get("mode", "same")
    if (deck and deck not in flashcards.DECKS) or mode not in MODES:
        return None
    return deck or None, mode


def _refuse(request, message):
    messages.error(request, message)
    context = {"decks": flashcards.DECKS, "mode": "same", "other_language": _other_language(get_language())}
    return render(request, "quizzes/review/flashcards.html", context, status=400)


@require_http_methods(["GET", "POST"])
@limited("practise")  # counts the POSTs (ratings) only
def flashcard(request):
    """GET: the deck menu, or a deck's next card (front; back too with ``show``). POST: rate the card shown."""
    data = request.POST if request.method == "POST" else request.GET
    choice = _choice(request, data)
    if choice is None:
        return _refuse(request, _("There is no such deck or way of studying it. Choose one below."))
    deck, mode = choice
    language = get_language()
    context = {"decks": flashcards.DECKS, "deck": deck, "mode": mode, "other_language": _other_language(language)}
    if deck is None:
        if request.method == "POST":
            return _refuse(request, _("Choose a deck first."))
        return render(request, "quizzes/review/flashcards.html", context)
    cards = flashcards.deck(load_content(), deck)
    if request.method == "POST":
        return _rate(request, cards, deck, mode)
    card, show, state = _card_to_show(request, cards, deck)
    if card is not None:
        front, back = flashcards.sides(card, language, context["other_language"], cross=mode == "cross")
        context.update(
            card=card,
            front=front,
            back=back,
            front_here=getattr(card.front, language),
            show=show,
            front_language=context["other_language"] if mode == "cross" else language,
            show_url="?" + urlencode({"deck": deck, "mode": mode, "card": card.key, "show": 1}),
            progress=flashcards.progress(cards, card, state.due_today, state.seen),
        )
    return render(request, "quizzes/review/flashcards.html", context)


def _card_to_show(request, cards, deck):
    """(card, show its back, the deck's state): the card named in the query if in the deck, else the next card."""
    state = review_reports.deck_state(owner_for(request, create=False), flashcards.deck_prefix(deck))
    named = request.GET.get("card")
    if named:
        card = next((c for c in cards if c.key == named), None)
        if card is None:
            raise Http404
        return card, bool(request.GET.get("show")), state
    return flashcards.next_card(cards, state.due, state.seen), False, state


def _rate(request, cards, deck, mode):
    card = next((c for c in cards if c.key == request.POST.get("card")), None)
    if card is None:
        return _refuse(request, _("That card is not in this deck any more; nothing was saved."))
    try:
        services.rate_flashcard(owner_for(request), card, request.POST.get("rating", ""))
    except ValueError:
        return _refuse(request, _("Rate the card with one of its four buttons; nothing was saved."))
    return redirect(reverse("quizzes:flashcards") + "?" + urlencode({"deck": deck, "mode": mode}))
