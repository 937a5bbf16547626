"""What an exported question must read back as, built from the source question alone (tests only)."""

from quizzes.presentation import shown_in, text_in

RIGHT = {"tr": "Doğru.", "en": "Correct."}
WRONG = {"tr": "Yanlış. Doğru cevap: {}", "en": "Not quite. The right answer: {}"}


def _side(question, side, text, language):
    return text_in(text, shown_in(question, side, language))


def _source(question, language):
    source = question.get("source")
    if not source:
        return None
    return (
        text_in(source["title"], language),
        source.get("publisher") or None,
        str(source["published_on"]) if source.get("published_on") else None,
        source.get("url") or None,
    )


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
        "source": _source(question, language),
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
