"""Cross-language practice: the prompt in one language, the options in the other.

The office's Turkish terminology and its English equivalents: glossary terms,
the glossary's official names (legal instruments, titles: written with
capitals), department names (each among its own list) and organisation names, in both
directions. Each
direction is a topic of its own (``xlang_tr_en``, ``xlang_en_tr``), drawn only
when a quiz asks for it, so the two directions are different question keys
(different items in the item statistics) and no other quiz changes.

A question says in which language each side is shown (``"shown": {"prompt":
"tr", "options": "en"}``): the page shows them so whatever its own language;
the explanation follows the page. The generator's rules hold: declared
near-equivalents are never each other's distractors, distractors are of the
same kind as the answer (a term among terms, a name among names, a department
among departments), and no option reads like another in either language.
"""

from ..question_types import SINGLE
from ..values import SOURCED, Text
from .questions import not_near, question, single, source_of
from .registry import CROSS_LANGUAGE, template
from .wording import bare, sentence

TR_EN, EN_TR = CROSS_LANGUAGE
DIRECTIONS = {TR_EN: ("tr", "en"), EN_TR: ("en", "tr")}


def _is_name(term):
    """A glossary entry written as a proper name (an instrument, a title): its English has a capital."""
    return any(ch.isupper() for ch in term.term.en)


def _terms(ix, names):
    return [t for t in ix.content.terms if _is_name(t) == names]


def _subjects(items):
    return lambda ix: [(item.key,) for item in items(ix)]


# What each kind asks, by direction: (prompt in Turkish, prompt in English), given the asked text.
KINDS = {
    "term": {
        "items": lambda ix: _terms(ix, names=False),
        "text": lambda t: t.term,
        "ref": "term",
        "difficulty": "easy",
        TR_EN: lambda w: (
            f"“{w}” teriminin İngilizce karşılığı hangisidir?",
            f"What is the English for the term “{w}”?",
        ),
        EN_TR: lambda w: (
            f"İngilizce “{w}” teriminin Türkçe karşılığı hangisidir?",
            f"Which Turkish term means “{w}”?",
        ),
    },
    "name": {
        "items": lambda ix: _terms(ix, names=True),
        "text": lambda t: t.term,
        "ref": "term",
        "difficulty": "medium",
        TR_EN: lambda w: (f"“{w}” adının İngilizce karşılığı hangisidir?", f"What is the English for the name “{w}”?"),
        EN_TR: lambda w: (
            f"İngilizce “{w}” adının Türkçe karşılığı hangisidir?",
            f"Which Turkish name stands for “{w}”?",
        ),
    },
    "dept": {
        "items": lambda ix: list(ix.content.departments),
        "text": lambda d: d.name,
        "ref": "department",
        "difficulty": "medium",
        TR_EN: lambda w: (f"“{w}” biriminin İngilizce adı hangisidir?", f"What is the English name of the unit “{w}”?"),
        EN_TR: lambda w: (
            f"İngilizce adı “{w}” olan birimin Türkçe adı hangisidir?",
            f"What is the Turkish name of the unit called “{w}”?",
        ),
    },
    "org": {
        "items": lambda ix: list(ix.content.organisations),
        "text": lambda o: o.name,
        "ref": "organisation",
        "difficulty": "easy",
        TR_EN: lambda w: (f"“{w}” kurumunun İngilizce adı hangisidir?", f"What is the English name of the body “{w}”?"),
        EN_TR: lambda w: (
            f"İngilizce adı “{w}” olan kurumun Türkçe adı hangisidir?",
            f"What is the Turkish name of the body called “{w}”?",
        ),
    },
}


def _build(kind, direction):
    spec = KINDS[kind]
    asked, answered = DIRECTIONS[direction]

    def build(t, ix, slugs, rng):
        items = spec["items"](ix)
        item = next((i for i in items if i.key == slugs[0]), None)
        if item is None:
            return None
        ref = f"{spec['ref']}:{item.key}"
        # A department competes only with its own list: the other list renames some of the same units.
        pool = ix.same_listing(item) if spec["ref"] == "department" else items
        candidates = [(f"{spec['ref']}:{o.key}", spec["text"](o)) for o in not_near(item, pool) if o.key != item.key]
        options = single(rng, (ref, spec["text"](item)), candidates)
        if options is None:
            return None
        tr, en = bare(spec["text"](item).tr), bare(spec["text"](item).en)
        prompt = spec[direction](bare(spec["text"](item).get(asked)))
        definition = getattr(item, "definition", None)
        explanation = Text(
            f"“{tr}” İngilizcede “{en}” olarak karşılanır." + (f" {sentence(definition.tr)}" if definition else ""),
            f"“{tr}” is “{en}” in English." + (f" {sentence(definition.en)}" if definition else ""),
        )
        # A unit's name rests on its list's source, whatever the basis of its focus text.
        citation = source_of(item, basis=SOURCED) if spec["ref"] == "department" else source_of(item)
        found = question(t, slugs, ref, options, ref, Text(*prompt), explanation, citation)
        found["shown"] = {"prompt": asked, "options": answered}
        return found

    return build


for _direction in CROSS_LANGUAGE:
    for _kind, _spec in KINDS.items():
        suffix = _direction.removeprefix("xlang_")
        template(
            f"xl_{_kind}_{suffix}", SINGLE, _direction, _spec["difficulty"], [_spec["ref"]], _subjects(_spec["items"])
        )(_build(_kind, _direction))
