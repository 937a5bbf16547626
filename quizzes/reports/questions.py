"""The questions an export takes: a named quiz's, an assignment's (frozen), a topic's whole bank.

Selectors: they read and return the writers' input (questions paired with the variant each was
drawn for) and the content version; words, filenames and formats are the view's. Variant n is
drawn with seed n, so exporting again gives the same questions, byte for byte.
"""

from ..content import load_content
from ..generation import QuizSettings, all_question_keys, generate_from_keys, generate_quiz
from ..interchange import content_version, unique_questions
from ..models import Attempt


def _seeds(variants):
    return range(1, variants + 1)


def _variant(seed, variants):
    # One draw: its ids are the bare question keys (a re-import updates them in place).
    return seed if variants > 1 else None


def quiz_questions(settings, variants):
    """A named quiz's (or any quiz settings') questions, drawn ``variants`` times, and the content version."""
    content = load_content()
    entries = [
        (question, _variant(seed, variants))
        for seed in _seeds(variants)
        for question in generate_quiz(content, QuizSettings(**settings), seed)
    ]
    return tuple(entries), content_version(content)


def bank_questions(topic, variants):
    """Every question key of a topic, each with its variants (its key's draws, the same draw once)."""
    content = load_content()
    keys = all_question_keys(content, (topic,))[topic]
    drawn = {seed: {q["key"]: q for q in generate_from_keys(content, keys, seed)} for seed in _seeds(variants)}
    entries = [
        (drawn[seed][key], _variant(seed, variants)) for key in keys for seed in _seeds(variants) if key in drawn[seed]
    ]
    return unique_questions(entries), content_version(content)


def assignment_questions(assignment, variants):
    """An assignment's questions: the ones its attempts froze when everyone shares them, else ``variants`` draws.

    Before anyone has started, the shared questions are the draw the first attempt will freeze.
    """
    settings = {"topic": assignment.topic, "length": assignment.length, "difficulty": assignment.difficulty}
    if not assignment.same_questions:
        return quiz_questions(settings, variants)
    frozen = (
        Attempt.objects.filter(assignment=assignment, number=1)
        .order_by("pk")
        .values_list("questions", flat=True)
        .first()
    )
    if frozen is None:
        content = load_content()
        frozen = generate_quiz(content, QuizSettings(**settings), assignment.seed_for(1))
        return tuple((question, None) for question in frozen), content_version(content)
    # Frozen questions keep the content they were drawn from: their version is their own digest.
    return tuple((question, None) for question in frozen), f"frozen-{content_version(frozen)}"
