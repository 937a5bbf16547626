"""Frozen questions and responses turned into what a page shows, in one language.

Pure: the take page gets options by position (never their keys or which is
right); the result page gets the learner's answer and the right one as text.
"""

from .values import Text


def _text(text, language):
    return Text(**text).get(language) if isinstance(text, dict) else str(text)


def for_taking(question, response, language):
    """What the quiz page needs for one question, with the learner's saved answer filled in."""
    options = question["options"]
    targets = question.get("targets") or []
    target_index = {t["key"]: i for i, t in enumerate(targets)}
    if question["type"] == "ordering" and isinstance(response, list):
        place = {key: n + 1 for n, key in enumerate(response)}
    else:
        place = {}
    rows = []
    for i, option in enumerate(options):
        row = {"index": i, "text": _text(option["text"], language)}
        if question["type"] == "ordering":
            row["place"] = place.get(option["key"])
        elif question["type"] == "matching":
            row["target"] = (
                target_index.get((response or {}).get(option["key"])) if isinstance(response, dict) else None
            )
        else:
            row["checked"] = response == option["key"]
        rows.append(row)
    return {
        "type": question["type"],
        "prompt": _text(question["prompt"], language),
        "options": rows,
        "targets": [{"index": i, "text": _text(t["text"], language)} for i, t in enumerate(targets)],
        "places": list(range(1, len(options) + 1)),
    }


def _texts_by_key(question, language):
    found = {o["key"]: _text(o["text"], language) for o in question["options"]}
    found.update({t["key"]: _text(t["text"], language) for t in question.get("targets") or []})
    return found


def describe(question, value, language):
    """A response or an answer key as readable text: a list for ordering and matching."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    texts = _texts_by_key(question, language)
    if question["type"] == "ordering":
        return [texts.get(key, "?") for key in value]
    if question["type"] == "matching":
        return [f"{texts.get(left, '?')} → {texts.get(right, '?')}" for left, right in value.items()]
    return texts.get(value, "?")


def for_result(question, response, mark, language):
    source = question.get("source")
    return {
        "type": question["type"],
        "prompt": _text(question["prompt"], language),
        "given": describe(question, response, language),
        "correct": describe(question, question["answer"], language),
        "explanation": _text(question["explanation"], language),
        "source": {**source, "title": _text(source["title"], language)} if source else None,
        "mark": mark,
        "verdict": "correct" if mark is not None and mark >= 1 else ("partial" if mark else "wrong"),
        "topic": question["topic"],
    }
