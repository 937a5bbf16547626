"""Frozen questions and responses turned into what a page shows, in one language.

Pure: the take page gets options by position (never their keys or which is
right); the result page gets the learner's answer and the right one as text.
"""

from .question_types import MATCHING, ORDERING


def text_in(text, language):
    """A frozen text ({"tr": ..., "en": ...}) in one language, Turkish when that one is empty.

    The one place that picks a language out of a frozen text: pages, reports,
    exports and the ``in_language`` template filter all come here.
    """
    if isinstance(text, dict):
        return text.get(language) or text.get("tr") or ""
    return "" if text is None else str(text)


def shown_in(question, side, language):
    """The language a side ("prompt" or "options") of a question is shown in.

    A cross-language question fixes both (the prompt in one language, the
    options in the other) whatever the page's language; others follow the page.
    """
    return (question.get("shown") or {}).get(side) or language


def _languages(question, language):
    """The prompt's and the options' languages, and the ``lang`` attributes a page puts on them."""
    prompt, options = shown_in(question, "prompt", language), shown_in(question, "options", language)
    marks = {"prompt_lang": prompt, "options_lang": options} if question.get("shown") else {}
    return prompt, options, marks


def for_taking(question, response, language):
    """What the quiz page needs for one question, with the learner's saved answer filled in."""
    prompt_language, language, marks = _languages(question, language)  # the options' language from here on
    options = question["options"]
    targets = question.get("targets") or []
    target_index = {t["key"]: i for i, t in enumerate(targets)}
    if question["type"] == ORDERING and isinstance(response, list):
        place = {key: n + 1 for n, key in enumerate(response)}
    else:
        place = {}
    rows = []
    for i, option in enumerate(options):
        row = {"index": i, "text": text_in(option["text"], language)}
        if question["type"] == ORDERING:
            row["place"] = place.get(option["key"])
        elif question["type"] == MATCHING:
            row["target"] = (
                target_index.get((response or {}).get(option["key"])) if isinstance(response, dict) else None
            )
        else:
            row["checked"] = response == option["key"]
        rows.append(row)
    return {
        "type": question["type"],
        "prompt": text_in(question["prompt"], prompt_language),
        "options": rows,
        "targets": [{"index": i, "text": text_in(t["text"], language)} for i, t in enumerate(targets)],
        "places": list(range(1, len(options) + 1)),
        **marks,
    }


def _texts_by_key(question, language):
    found = {o["key"]: text_in(o["text"], language) for o in question["options"]}
    found.update({t["key"]: text_in(t["text"], language) for t in question.get("targets") or []})
    return found


def describe(question, value, language):
    """A response or an answer key as readable text: a list for ordering and matching."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    texts = _texts_by_key(question, language)
    if question["type"] == ORDERING:
        return [texts.get(key, "?") for key in value]
    if question["type"] == MATCHING:
        return [f"{texts.get(left, '?')} → {texts.get(right, '?')}" for left, right in value.items()]
    return texts.get(value, "?")


def citation_in(question, language):
    """What a question's explanation rests on, in one language: its basis and every source it used.

    The one reading of a question's citation: the result page and the paper
    test's key show it alike. A question frozen before questions carried their
    basis has one source or none, and its basis is what that says.
    """
    sources = question.get("sources")
    if sources is None:
        sources = [question["source"]] if question.get("source") else []
    basis = question.get("basis") or ("sourced" if sources else None)
    if basis == "editorial":
        sources = []  # our own explanation: no source says it
    return {"basis": basis, "sources": [{**s, "title": text_in(s["title"], language)} for s in sources]}


def for_result(question, response, mark, language):
    prompt_language, options_language, marks = _languages(question, language)
    return {
        "type": question["type"],
        "prompt": text_in(question["prompt"], prompt_language),
        "given": describe(question, response, options_language),
        "correct": describe(question, question["answer"], options_language),
        "explanation": text_in(question["explanation"], language),
        **citation_in(question, language),
        "mark": mark,
        "verdict": "correct" if mark is not None and mark >= 1 else ("partial" if mark else "wrong"),
        "topic": question["topic"],
        **marks,
    }
