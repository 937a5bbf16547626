"""GIFT, Moodle's text format: the same types where GIFT has them.

Multiple choice and true/false with per-answer feedback, matching with ``->``, numerical with
``#``; GIFT has no ordering, so an ordering question becomes matching "position -> item". Texts
are ``[html]``; every GIFT special character (``~ = # { } :`` and ``\\``) is escaped, and a
newline is written ``\\n``, so each text reads back exactly.
"""

from ..question_types import MATCHING, ORDERING, SINGLE, TRUE_FALSE, YEAR
from .common import (
    ROOT_CATEGORY,
    category,
    general_feedback,
    header,
    multilang,
    option_feedback,
    question_id,
    texts,
    year_of,
)

SPECIALS = "\\~=#{}:"


def escape(text):
    """Text with GIFT's special characters escaped and newlines as ``\\n``."""
    for char in SPECIALS:  # the backslash first, so the escapes added after it stay single
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _option(question, option, export):
    return escape(multilang(texts(question, "options", option["text"]), export.languages, export.syntax))


def _feedback(question, right, export):
    return escape(option_feedback(question, right, export.languages, export.syntax))


def _single(question, export):
    lines = []
    for option in question["options"]:
        right = option["key"] == question["answer"]
        lines.append(f"{'=' if right else '~'}{_option(question, option, export)}#{_feedback(question, right, export)}")
    return lines


def _truefalse(question, export):
    right = question["answer"] == "true"
    # After the answer: the feedback for a wrong response, then for a right one.
    return [f"{'TRUE' if right else 'FALSE'}#{_feedback(question, False, export)}#{_feedback(question, True, export)}"]


def _matching(question, export):
    targets = {t["key"]: t for t in question["targets"]}
    lines = [
        f"={_option(question, o, export)} -> {_option(question, targets[question['answer'][o['key']]], export)}"
        for o in question["options"]
    ]
    lines += [
        f"= -> {_option(question, t, export)}"
        for t in question["targets"]
        if t["key"] not in question["answer"].values()
    ]
    return lines


def _ordering(question, export):
    """No ordering in GIFT: matching each position (1, 2, ...) to the item that belongs there."""
    options = {o["key"]: o for o in question["options"]}
    return [f"={place} -> {_option(question, options[key], export)}" for place, key in enumerate(question["answer"], 1)]


def _year(question, export):
    return [f"#={year_of(question)}:0#{_feedback(question, True, export)}"]


ANSWERS = {SINGLE: _single, TRUE_FALSE: _truefalse, MATCHING: _matching, ORDERING: _ordering, YEAR: _year}


def _question(question, variant, export):
    languages, syntax = export.languages, export.syntax
    name = escape(question_id(question, variant, 255))
    prompt = escape(multilang(texts(question, "prompt", question["prompt"]), languages, syntax))
    lines = [f"// [id:{question_id(question, variant, 100)}]", f"::{name}::[html]{prompt}{{"]
    lines += [f"\t{line}" for line in ANSWERS[question["type"]](question, export)]
    lines += [f"\t####{escape(general_feedback(question, languages, syntax))}", "}"]
    return "\n".join(lines)


def write(export):
    """The export as a GIFT file (UTF-8 bytes, one blank line between questions)."""
    blocks = [f"// {header(export)}"]
    topic = None
    for question, variant in export.questions:
        if question["topic"] != topic:
            topic = question["topic"]
            blocks.append(f"$CATEGORY: $course$/top/{ROOT_CATEGORY}/{category(topic, export.languages)}")
        blocks.append(_question(question, variant, export))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
