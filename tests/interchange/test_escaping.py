"""Hypothesis fuzzes the escaping: any text a content editor might type reads back exactly, in every format.

GIFT's special characters (``~ = # { } :`` and ``\\``), HTML's ``& < > " '``, Turkish İ/ı/ş/ğ,
right-to-left marks, newlines, carriage returns, edge spaces, the multilang syntaxes themselves
and very long texts.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.interchange import FORMATS, Export, with_variants

from .expected import record
from .test_round_trip import EXPORTS, LANGUAGES, records_of

HOSTILE = [
    "~", "=", "#", "{", "}", ":", "\\", "&", "<", ">", '"', "'", "İ", "ı", "ş", "ğ", "Ş", "Ğ", "ç", "ö", "ü",
    "\u200f", "\u200e", "\u202b", "\n", "\r", "\t", " ", "->", "####", "::", "\\n", "]]>", "-->",
    '<span lang="en" class="multilang">', "</span>", "{mlang en}", "{mlang}", "&amp;", "&#13;", "[html]",
]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8),
)
TEXT = st.lists(PIECES, min_size=1, max_size=12).map("".join)
LONG_TEXT = st.one_of(TEXT, TEXT.map(lambda t: (t + " ") * (6000 // (len(t) + 1) + 1)))
SOURCES = st.fixed_dictionaries(
    {
        "title": st.builds(dict, tr=TEXT, en=TEXT),
        "publisher": st.one_of(TEXT, st.just("")),
        "published_on": st.sampled_from([None, "2025-10-27"]),
        "url": st.sampled_from([None, "https://example.org/a?b=1&c=ğ#x"]),
    },
    optional={
        "published_precision": st.sampled_from(["day", "month", "year"]),
        "accessed_on": st.sampled_from([None, "2026-11-25"]),
    },
)


def both(draw):
    return {"tr": draw(LONG_TEXT), "en": draw(TEXT)}


@st.composite
def questions(draw):
    kind = draw(st.sampled_from(["single", "truefalse", "matching", "ordering", "year"]))
    count = 2 if kind == "truefalse" else draw(st.integers(min_value=3, max_value=4))
    if kind == "truefalse":
        options = [{"key": "true", "text": both(draw)}, {"key": "false", "text": both(draw)}]
    elif kind == "year":
        options = [{"key": f"year:{2016 + i}", "text": {"tr": str(2016 + i), "en": str(2016 + i)}} for i in range(4)]
    else:
        options = [{"key": f"option:{i}", "text": both(draw)} for i in range(count)]
    targets = [{"key": f"target:{i}", "text": both(draw)} for i in range(count + 1)] if kind == "matching" else []
    if kind in ("single", "year"):
        answer = options[draw(st.integers(0, len(options) - 1))]["key"]
    elif kind == "truefalse":
        answer = draw(st.sampled_from(["true", "false"]))
    elif kind == "ordering":
        answer = [o["key"] for o in draw(st.permutations(options))]
    else:  # one target more than items: a distractor
        answer = {o["key"]: t["key"] for o, t in zip(options, draw(st.permutations(targets)), strict=False)}
    sources = draw(st.lists(SOURCES, max_size=3))
    # What the question says it rests on; "legacy": frozen before questions carried their basis (one source or none).
    # An editorial question may still carry sources (an old frozen one): its export must cite none.
    basis = draw(st.sampled_from(["legacy", "sourced", "editorial", "mixed"]))
    if basis == "legacy":
        cited = {"source": sources[0] if sources else None}
    else:
        cited = {"basis": basis, "sources": sources, "source": sources[0] if sources else None}
    return {
        "key": draw(st.sampled_from(["dept_focus:a+b", "tf_dept:x", "order_four:a+b+c+d"])),
        "type": kind,
        "topic": draw(st.sampled_from(["departments", "timeline", "glossary"])),
        "prompt": both(draw),
        "options": options,
        "targets": targets,
        "answer": answer,
        "explanation": both(draw),
        **cited,
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(question=questions())
def test_any_text_reads_back_exactly_in_every_format_and_language(question):
    for fmt, language, syntax in EXPORTS:
        data = FORMATS[fmt].write(Export("Fuzz", with_variants([question]), language, syntax, "v"))
        expected = [record(question, each, fmt) for each in LANGUAGES[language]]
        assert records_of(fmt, language, data) == expected, (fmt, language, syntax)


def test_characters_no_xml_can_hold_are_dropped_and_nothing_else():
    question = {
        "key": "tf_dept:x",
        "type": "truefalse",
        "topic": "departments",
        "prompt": {"tr": "Form\x0cfeed\x00 İ", "en": "Bell\x07 ı"},
        "options": [
            {"key": "true", "text": {"tr": "Doğru", "en": "True"}},
            {"key": "false", "text": {"tr": "Yanlış", "en": "False"}},
        ],
        "targets": [],
        "answer": "true",
        "explanation": {"tr": "Açıklama\x1f.", "en": "Explanation."},
        "source": None,
    }
    clean = {
        **question,
        "prompt": {"tr": "Formfeed İ", "en": "Bell ı"},
        "explanation": {"tr": "Açıklama.", "en": "Explanation."},
    }
    for fmt, language, syntax in EXPORTS:
        data = FORMATS[fmt].write(Export("Fuzz\x0b", with_variants([question]), language, syntax, "v"))
        assert records_of(fmt, language, data) == [record(clean, each, fmt) for each in LANGUAGES[language]]
