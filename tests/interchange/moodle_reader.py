"""A strict reader of our Moodle XML (tests only): Moodle's own import rules, then our question form.

Each question reads back as one record per language it holds: type, prompt, options, right
answer, explanation, source and per-option feedback, as ``expected.record`` builds them from
the source question.
"""

from lxml import etree

from .html_text import ImportRefused, by_language, feedback, plain, texts

TYPES = {"multichoice": "single", "truefalse": "truefalse", "matching": "matching", "ordering": "ordering"}
TYPES["numerical"] = "year"


def _text(element, tag):
    found = element.find(tag)
    if found is None or found.find("text") is None:
        raise ImportRefused(f"no <{tag}><text>")
    return found.find("text").text or ""


def _fraction(answer):
    return float(answer.get("fraction"))


def _check_rules(question, qtype):
    """Moodle's import refusals for the types we write."""
    if not _text(question, "name").strip():
        raise ImportRefused("a question without a name")
    answers = question.findall("answer")
    if qtype == "multichoice":
        if question.findtext("single") != "true":
            raise ImportRefused("multichoice is not single")
        if [_fraction(a) for a in answers].count(100.0) != 1 or any(_fraction(a) not in (0.0, 100.0) for a in answers):
            raise ImportRefused("a single multichoice needs exactly one 100% answer")
        if len(answers) < 2:
            raise ImportRefused("a multichoice needs two answers")
    if qtype == "truefalse":
        if sorted(a.findtext("text") for a in answers) != ["false", "true"] or sorted(map(_fraction, answers)) != [
            0,
            100,
        ]:
            raise ImportRefused("a truefalse needs a true and a false answer, one of them right")
    if qtype == "matching":
        subs = question.findall("subquestion")
        if len([s for s in subs if (s.findtext("text") or "").strip()]) < 2 or len(subs) < 3:
            raise ImportRefused("matching needs two subquestions and three answers")
    if qtype == "numerical":
        if not answers or any(a.find("tolerance") is None for a in answers):
            raise ImportRefused("a numerical answer needs a tolerance")
    if qtype == "ordering":
        if sorted(_fraction(a) for a in answers) != list(range(1, len(answers) + 1)) or len(answers) < 2:
            raise ImportRefused("ordering answers need the places 1..n")


def _answer_texts(answer):
    return texts(answer.findtext("text") or "")


def _per_language(question, qtype):
    """{field: {language: value}} for the fields that carry text."""
    answers = question.findall("answer")
    found = {"prompt": texts(_text(question, "questiontext")), "feedback": feedback(_text(question, "generalfeedback"))}
    if qtype == "multichoice":
        found["options"] = [_answer_texts(a) for a in answers]
        found["answer"] = next(_answer_texts(a) for a in answers if _fraction(a) == 100)
        found["option_feedback"] = [texts(_text(a, "feedback")) for a in answers]
    elif qtype == "truefalse":
        found["option_feedback"] = [texts(_text(a, "feedback")) for a in answers]
    elif qtype == "ordering":
        found["answer"] = [_answer_texts(a) for a in sorted(answers, key=_fraction)]
    elif qtype == "matching":
        found["answer"] = [
            (texts(s.findtext("text") or "") if (s.findtext("text") or "") else None, texts(s.findtext("answer/text")))
            for s in question.findall("subquestion")
        ]
    elif qtype == "numerical":
        found["option_feedback"] = [texts(_text(a, "feedback")) for a in answers]
    return found


def _pick(value, language):
    """One language out of a {language: ...} (None: a text in one language) or of a structure of them."""
    if isinstance(value, dict):
        if None in value:
            return value[None]
        if language not in value:
            raise ImportRefused(f"no {language} text")
        return value[language]
    if isinstance(value, list):
        return [_pick(v, language) for v in value]
    if isinstance(value, tuple):
        return tuple(_pick(v, language) for v in value)
    return value


def _languages(fields):
    """The languages of a question, in the order its prompt gives them; every option must have the same."""
    languages = list(fields["prompt"])
    if any(list(option) != languages for option in fields.get("options", [])):
        raise ImportRefused("options in other languages than the prompt")
    return languages


def read(data):
    """Every question of a Moodle XML file as records, one per language (None: unmarked)."""
    root = etree.fromstring(data)
    if root.tag != "quiz":
        raise ImportRefused("not a Moodle quiz file")
    records, category, ids = [], None, set()
    for question in root.iterchildren("question"):
        qtype = question.get("type")
        if qtype == "category":
            category = _text(question, "category")
            continue
        if qtype not in TYPES:
            raise ImportRefused(f"unknown type {qtype}")
        if category is None:
            raise ImportRefused("a question before any category")
        _check_rules(question, qtype)
        idnumber = question.findtext("idnumber")
        if (category, idnumber) in ids:
            raise ImportRefused(f"idnumber {idnumber} twice in one category")
        ids.add((category, idnumber))
        fields = _per_language(question, qtype)
        for language in _languages(fields):
            record = {k: _pick(v, language) for k, v in fields.items()}
            explanation, cited = record.pop("feedback")
            answers = question.findall("answer")
            record.update(
                id=idnumber,
                name=_text(question, "name"),
                category=category,
                type=TYPES[qtype],
                language=language,
                explanation=explanation,
                **cited,
            )
            if qtype == "truefalse":
                record["options"] = [a.findtext("text") for a in answers]
                record["answer"] = next(a.findtext("text") for a in answers if _fraction(a) == 100)
            if qtype == "numerical":
                record["answer"] = int(answers[0].findtext("text"))
                record["tolerance"] = float(answers[0].findtext("tolerance"))
            records.append(record)
    return records


__all__ = ["ImportRefused", "by_language", "plain", "read"]
