"""Every question key, exported with several seeds in every language and format, reads back as it was.

The readers are strict (tests/interchange/*_reader.py): they refuse what Moodle's importers
refuse, and give back the prompt, options, right answer(s), feedback, citation (basis, every
source, the editorial note) and language; each must equal what the source question says
(expected.py builds that from the question alone, the citation as the site shows it).
"""

import pytest

from quizzes.generation import CROSS_LANGUAGE, TOPICS, all_question_keys, generate_from_keys
from quizzes.interchange import FORMATS, Export, with_variants
from tests.content_builders import office_content

from . import gift_reader, moodle_reader, qti_reader
from .expected import record, without_ids

EXPORTS = [
    ("moodle", "tr", "span"),
    ("moodle", "en", "span"),
    ("moodle", "both", "span"),
    ("moodle", "both", "mlang"),
    ("gift", "tr", "span"),
    ("gift", "en", "span"),
    ("gift", "both", "span"),
    ("gift", "both", "mlang"),
    ("qti", "tr", "span"),
    ("qti", "en", "span"),
    ("qti", "both", "span"),
]
IDS = ["-".join(e) for e in EXPORTS]
LANGUAGES = {"tr": ("tr",), "en": ("en",), "both": ("tr", "en")}


def read_back(fmt, data, validate=None):
    if fmt == "qti":
        return qti_reader.read(data, validate)
    return {"moodle": moodle_reader.read, "gift": gift_reader.read}[fmt](data)


def records_of(fmt, language, data, validate=None):
    # A text in one language carries no mark (None): it is the export's language.
    return [without_ids({**r, "language": r["language"] or language}) for r in read_back(fmt, data, validate)]


def expected_records(questions, fmt, language):
    return [record(q, each, fmt) for q in questions for each in LANGUAGES[language]]


def export_of(questions, seed, language, syntax):
    return Export("Bank", with_variants(questions, seed), language, syntax, "v1")


@pytest.mark.parametrize(("fmt", "language", "syntax"), EXPORTS, ids=IDS)
def test_every_key_reads_back_as_it_was(bank, validate, fmt, language, syntax):
    # Every key × every seed of the snapshot, in every format, language and syntax: the explanation,
    # its basis and every source it used (an editorial one carrying none) read back as the site shows them.
    seeds = sorted(bank)
    for seed in seeds:
        questions = bank[seed]
        data = FORMATS[fmt].write(export_of(questions, seed, language, syntax))
        # The schemas check the first seed's items (the others share their shapes; checks cost time).
        found = records_of(fmt, language, data, validate if seed == seeds[0] else None)
        assert found == expected_records(questions, fmt, language), (fmt, language, seed)


@pytest.mark.parametrize(("fmt", "language", "syntax"), EXPORTS, ids=IDS)
def test_cross_language_questions_keep_each_side_in_its_language(validate, fmt, language, syntax):
    content = office_content()
    keys = [k for ks in all_question_keys(content, (*TOPICS, *CROSS_LANGUAGE)).values() for k in ks]
    questions = generate_from_keys(content, keys, 7)
    assert any(q.get("shown") for q in questions)
    data = FORMATS[fmt].write(export_of(questions, 7, language, syntax))
    assert records_of(fmt, language, data, validate) == expected_records(questions, fmt, language)


TWICE = [("moodle", "both", "mlang"), ("gift", "both", "span"), ("qti", "both", "span")]


@pytest.mark.parametrize(("fmt", "language", "syntax"), TWICE, ids=["-".join(e) for e in TWICE])
def test_exporting_twice_gives_the_same_bytes(bank, fmt, language, syntax):
    questions = bank[min(bank)]
    first = FORMATS[fmt].write(export_of(questions, 1, language, syntax))
    assert first == FORMATS[fmt].write(export_of([dict(q) for q in questions], 1, language, syntax))
