"""Moodle XML: multichoice, truefalse, matching, ordering (core since Moodle 4.4) and numerical.

One ``<question type="category">`` per run of one topic; every question's ``idnumber`` is its
key (with its variant), so importing a newer export into the same category updates the
questions instead of adding copies. Texts are HTML; both languages go in Moodle's multilang
syntax (the core filter's spans or the multilang2 plugin's ``{mlang}`` tags).
"""

from lxml import etree

from ..question_types import MATCHING, ORDERING, SINGLE, TRUE_FALSE, YEAR
from .common import (
    MOODLE_ID_LENGTH,
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

PENALTY = "0.3333333"


def _text(parent, tag, value, fmt="html"):
    element = etree.SubElement(parent, tag, format=fmt) if fmt else etree.SubElement(parent, tag)
    etree.SubElement(element, "text").text = value
    return element


def _plain(parent, tag, value):
    etree.SubElement(parent, tag).text = value


def _category(root, topic, languages):
    element = etree.SubElement(root, "question", type="category")
    _text(element, "category", f"$course$/top/{ROOT_CATEGORY}/{category(topic, languages)}", fmt=None)
    _text(element, "info", "")


def _common(root, qtype, question, variant, export):
    languages, syntax = export.languages, export.syntax
    element = etree.SubElement(root, "question", type=qtype)
    _text(element, "name", question_id(question, variant, 255), fmt=None)
    _text(element, "questiontext", multilang(texts(question, "prompt", question["prompt"]), languages, syntax))
    _text(element, "generalfeedback", general_feedback(question, languages, syntax))
    _plain(element, "defaultgrade", "1.0000000")
    _plain(element, "penalty", PENALTY)
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", question_id(question, variant, MOODLE_ID_LENGTH))
    return element


def _option_text(question, option, export):
    return multilang(texts(question, "options", option["text"]), export.languages, export.syntax)


def _answer(parent, fraction, text, feedback, fmt="html"):
    answer = etree.SubElement(parent, "answer", fraction=fraction, format=fmt)
    etree.SubElement(answer, "text").text = text
    if feedback is not None:
        _text(answer, "feedback", feedback)
    return answer


def _combined_feedback(element):
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")


def _multichoice(root, question, variant, export):
    element = _common(root, "multichoice", question, variant, export)
    _plain(element, "single", "true")
    _plain(element, "shuffleanswers", "false")  # the variant's order is part of what it is
    _plain(element, "answernumbering", "abc")
    _plain(element, "showstandardinstruction", "0")
    _combined_feedback(element)
    for option in question["options"]:
        right = option["key"] == question["answer"]
        feedback = option_feedback(question, right, export.languages, export.syntax)
        _answer(element, "100" if right else "0", _option_text(question, option, export), feedback)


def _truefalse(root, question, variant, export):
    element = _common(root, "truefalse", question, variant, export)
    for value in ("true", "false"):
        right = question["answer"] == value
        feedback = option_feedback(question, right, export.languages, export.syntax)
        _answer(element, "100" if right else "0", value, feedback, fmt="moodle_auto_format")


def _matching(root, question, variant, export):
    element = _common(root, "matching", question, variant, export)
    _plain(element, "shuffleanswers", "true")
    _combined_feedback(element)
    targets = {t["key"]: t for t in question["targets"]}
    for option in question["options"]:
        sub = _text(element, "subquestion", _option_text(question, option, export))
        etree.SubElement(etree.SubElement(sub, "answer"), "text").text = _option_text(
            question, targets[question["answer"][option["key"]]], export
        )
    # A target nobody matches is a distractor: a subquestion with no text.
    for target in question["targets"]:
        if target["key"] not in question["answer"].values():
            sub = _text(element, "subquestion", "")
            etree.SubElement(etree.SubElement(sub, "answer"), "text").text = _option_text(question, target, export)


def _ordering(root, question, variant, export):
    element = _common(root, "ordering", question, variant, export)
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _plain(element, tag, value)
    _combined_feedback(element)
    options = {o["key"]: o for o in question["options"]}
    # The answers in the right order; an ordering question keeps each one's place in its fraction.
    for place, key in enumerate(question["answer"], start=1):
        _answer(element, f"{place}.0000000", _option_text(question, options[key], export), None)


def _numerical(root, question, variant, export):
    element = _common(root, "numerical", question, variant, export)
    answer = _answer(
        element,
        "100",
        str(year_of(question)),
        option_feedback(question, True, export.languages, export.syntax),
        fmt="moodle_auto_format",
    )
    _plain(answer, "tolerance", "0")
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1000000"), ("showunits", "3"), ("unitsleft", "0")):
        _plain(element, tag, value)


WRITERS = {
    SINGLE: _multichoice,
    TRUE_FALSE: _truefalse,
    MATCHING: _matching,
    ORDERING: _ordering,
    YEAR: _numerical,
}


def write(export):
    """The export as a Moodle XML question file (UTF-8 bytes)."""
    root = etree.Element("quiz")
    root.append(etree.Comment(f" {header(export)} "))
    topic = None
    for question, variant in export.questions:
        if question["topic"] != topic:
            topic = question["topic"]
            _category(root, topic, export.languages)
        WRITERS[question["type"]](root, question, variant, export)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
