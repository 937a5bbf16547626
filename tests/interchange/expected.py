"""What an exported question must read back as, built from the source question alone (tests only).

The citation is what the site shows for it: the basis, every source (its date written by the
site's own ``source_date`` filter) and the catalogue's words, in the record's language.
"""

from django.utils import translation

from quizzes.presentation import shown_in, text_in
from quizzes.templatetags.ddo import source_date

RIGHT = {"tr": "Doğru.", "en": "Correct."}
WRONG = {"tr": "Yanlış. Doğru cevap: {}", "en": "Not quite. The right answer: {}"}


def _side(question, side, text, language):
    return text_in(text, shown_in(question, side, language))


def _sources(question):
    """Every source the explanation used: ``sources``, else (a question frozen before) its one ``source``."""
    if "sources" in question:
        return question["sources"] or []
    return [question["source"]] if question.get("source") else []


def citation(question, language):
    """{"basis", "sources", "note"}: the basis, each source as (title, publisher, date, url), the site's note.

    Editorial: the site's editorial line and no source, whatever the question carries; several
    sources: all of them; mixed: the note that the marked statements are editorial.
    """
    sources = _sources(question)
    basis = question.get("basis") or "sourced"
    if basis == "editorial":
        sources = []
    elif not sources:  # nothing to cite: the site shows no citation at all
        basis = None
    with translation.override(language):
        note = {
            "editorial": translation.gettext("Editorial: our own explanation, not a quotation of a source."),
            "mixed": translation.gettext("The statements marked [our explanation] are editorial."),
        }.get(basis)
        found = [
            (
                text_in(s["title"], language),
                s.get("publisher") or None,
                source_date(s) or None,
                s.get("url") or None,
            )
            for s in sources
        ]
    return {"basis": basis, "sources": found, "note": note}


def record(question, language, fmt):
    """The record a reader of ``fmt`` ("moodle", "gift", "qti") must give for ``question`` in ``language``."""
    kind = question["type"]
    options = {o["key"]: _side(question, "options", o["text"], language) for o in question["options"]}
    targets = {t["key"]: _side(question, "options", t["text"], language) for t in question.get("targets") or []}
    found = {
        "type": kind,
        "language": language,
        "prompt": _side(question, "prompt", question["prompt"], language),
        "explanation": _side(question, "explanation", question["explanation"], language),
        **citation(question, language),
    }
    answer = question["answer"]
    if kind == "single" or (kind == "truefalse" and fmt == "qti"):
        found["options"] = list(options.values())
        found["answer"] = options[answer]
    if kind in ("single", "truefalse") and fmt != "qti":
        right_text = options[answer]
        found["option_feedback"] = [
            RIGHT[language] if key == answer else WRONG[language].format(right_text)
            for key in (options if kind == "single" else ("true", "false") if fmt == "moodle" else ())
        ]
    if kind == "truefalse" and fmt == "qti":
        found["type"] = "single"
    if kind == "truefalse" and fmt == "moodle":
        found["options"] = ["true", "false"]
        found["answer"] = answer
    if kind == "truefalse" and fmt == "gift":
        found["answer"] = answer
        found["option_feedback"] = [WRONG[language].format(options[answer]), RIGHT[language]]
    if kind == "year":
        found["answer"] = int(answer.rpartition(":")[2])
        if fmt != "qti":
            found["tolerance"] = 0.0
            found["option_feedback"] = [RIGHT[language]]
    if kind == "ordering":
        in_order = [options[key] for key in answer]
        if fmt == "gift":  # no ordering in GIFT: position -> item
            found["type"] = "matching"
            found["answer"] = [(str(place), text) for place, text in enumerate(in_order, 1)]
        else:
            found["answer"] = in_order
            if fmt == "qti":
                found["options"] = list(options.values())
    if kind == "matching":
        pairs = [(options[left], targets[answer[left]]) for left in options]
        distractors = [(None, text) for key, text in targets.items() if key not in answer.values()]
        if fmt == "qti":
            found["options"], found["targets"] = list(options.values()), list(targets.values())
            found["answer"] = [(options[left], targets[right]) for left, right in answer.items()]
        else:
            found["answer"] = pairs + distractors
    return found


def without_ids(read):
    return {k: v for k, v in read.items() if k not in ("id", "name", "category")}
