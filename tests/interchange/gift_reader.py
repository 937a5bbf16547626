"""A strict reader of our GIFT files (tests only), following Moodle's GIFT import.

Escapes are read as Moodle reads them (``\\~ \\= \\# \\{ \\} \\:`` ``\\\\`` and ``\\n``); any other
backslash, an unescaped special inside a text, a question without a name or an id is refused.
"""

import re

from .html_text import ImportRefused, feedback, texts
from .moodle_reader import _pick

SPECIALS = "~=#{}:\\"
ID = re.compile(r"\[id:([^\]]+)\]")


TOKENS = re.compile(r"\\(.)|([~=#{}:\\])|([^~=#{}:\\]+)", re.S)


def unescape(text):
    """Text with its escapes read; refused on an unknown escape or a special character left bare."""
    out = []
    for escaped, bare, plain in TOKENS.findall(text):
        if plain:
            out.append(plain)
        elif bare:
            raise ImportRefused(f"an unescaped {bare!r} (or a backslash at the end) in {text[:100]!r}")
        elif escaped == "n":
            out.append("\n")
        elif escaped in SPECIALS:
            out.append(escaped)
        else:
            raise ImportRefused(f"an unknown escape \\{escaped}")
    return "".join(out)


def split_unescaped(text, separators):
    """Pieces of ``text`` cut at each unescaped separator character, with the separator that began each."""
    pieces, leading, current = [], None, []
    for match in TOKENS.finditer(text):
        if match.group(2) and match.group(2) in separators:
            pieces.append((leading, "".join(current)))
            leading, current = match.group(2), []
        else:
            current.append(match.group(0))
    pieces.append((leading, "".join(current)))
    return pieces


def clean(text):
    """A text as Moodle keeps it: unescaped (refused if a special is left bare), then trimmed."""
    return unescape(text).strip()


def _answers(body):
    """(type, fields) of the part between the braces."""
    parts = body.split("####")
    if len(parts) != 2:
        raise ImportRefused("no general feedback (####)")
    answers, general = parts[0].strip(), parts[1].strip()
    fields = {"feedback": feedback(clean(general))}
    if answers in ("TRUE", "FALSE") or answers.startswith(("TRUE#", "FALSE#")):
        value, *comments = split_unescaped(answers, "#")
        if len(comments) != 2:
            raise ImportRefused("a true/false needs its wrong and right feedback")
        fields["answer"] = value[1].strip().lower()
        fields["option_feedback"] = [texts(clean(c)) for _, c in comments]
        return "truefalse", fields
    if answers.startswith("#"):
        (_, head), *rest = split_unescaped(answers[1:], "#")
        value, _, tolerance = head.lstrip("=").partition(":")
        if not tolerance:
            raise ImportRefused("a numerical answer needs a tolerance")
        fields.update(answer=int(value), tolerance=float(tolerance), option_feedback=[texts(clean(c)) for _, c in rest])
        return "year", fields
    items = [(lead, part.strip()) for lead, part in split_unescaped(answers, "=~") if part.strip() or lead]
    if not items or items[0][0] is None and items[0][1]:
        raise ImportRefused(f"text before the first answer: {answers[:100]!r}")
    items = [i for i in items if i[0] is not None]
    if all("->" in part for _, part in items):
        pairs = []
        for lead, part in items:
            left, _, right = part.partition("->")
            if lead != "=" or "->" in right:
                raise ImportRefused("a matching pair needs = and one ->")
            left = clean(left)
            pairs.append((texts(left) if left else None, texts(clean(right))))
        if len([p for p in pairs if p[0]]) < 2 or len(pairs) < 3:
            raise ImportRefused("matching needs two subquestions and three answers")
        fields["answer"] = pairs
        return "matching", fields
    options, option_feedback, right = [], [], []
    for lead, part in items:
        text, *comments = split_unescaped(part, "#")
        if len(comments) > 1:
            raise ImportRefused("an answer with two feedbacks")
        options.append(texts(clean(text[1])))
        option_feedback.append(texts(clean(comments[0][1])) if comments else None)
        if lead == "=":
            right.append(options[-1])
    if len(right) != 1 or len(options) < 2:
        raise ImportRefused("a multiple choice needs one right answer and another")
    fields.update(options=options, answer=right[0], option_feedback=option_feedback)
    return "single", fields


def _question(lines, category, ident):
    text = "\n".join(lines)
    if not text.startswith("::"):
        raise ImportRefused("a question without a name")
    name_end = re.search(r"(?<!\\)::", text[2:])
    name = unescape(text[2 : 2 + name_end.start()]).strip()
    rest = text[2 + name_end.end() :]
    if not name or not rest.startswith("[html]"):
        raise ImportRefused("a question without a name or not in HTML")
    rest = rest[len("[html]") :]
    opening = next(i for i, (lead, _) in enumerate(split_unescaped(rest, "{")) if lead == "{") if "{" in rest else None
    if opening is None or not rest.rstrip().endswith("}"):
        raise ImportRefused("a question without answers")
    pieces = split_unescaped(rest, "{")
    prompt, body = pieces[0][1], "{".join(p for _, p in pieces[opening:])
    qtype, fields = _answers(body.rstrip()[:-1])
    fields["prompt"] = texts(clean(prompt))
    records = []
    for language in fields["prompt"]:
        record = {k: _pick(v, language) for k, v in fields.items()}
        explanation, cited = record.pop("feedback")
        record.update(
            id=ident,
            name=name,
            category=category,
            type=qtype,
            language=language,
            explanation=explanation,
            **cited,
        )
        records.append(record)
    return records


def read(data):
    """Every question of a GIFT file as records, one per language (None: unmarked)."""
    text = data.decode("utf-8")
    records, category, ident, ids = [], None, None, set()
    for block in re.split(r"\n\s*\n", text):
        lines = []
        for line in block.split("\n"):
            if line.lstrip().startswith("//"):
                found = ID.search(line)
                ident = found.group(1) if found else ident
            elif line.startswith("$CATEGORY:"):
                category = line[len("$CATEGORY:") :].strip()
            elif line.strip():
                lines.append(line)
        if lines:
            if category is None or ident is None or (category, ident) in ids:
                raise ImportRefused("a question without a category or a unique id")
            ids.add((category, ident))
            records += _question(lines, category, ident)
            ident = None
    return records
