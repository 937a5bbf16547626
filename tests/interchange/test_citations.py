"""An export's feedback cites as the site does (issue 18, findings 7 and 8, in exports).

Editorial: the site's editorial line and no source, even when the question still carries one;
several sources: every one of them, each dated as /sources/ dates it; mixed: the note that the
marked statements are editorial. In every format and language, read back by the strict readers.
"""

import pytest

from quizzes.interchange import FORMATS, Export, with_variants

from .test_round_trip import EXPORTS, IDS, records_of

DIGITAL_AGE = {
    "title": {"tr": "Dijital dönüşüm", "en": "Digital transformation"},
    "publisher": "Digital Age",
    "published_on": "2018-07-10",
    "published_precision": "day",
    "accessed_on": None,
    "url": "https://digitalage.com.tr/a",
}
SAMANYOLU = {
    "title": {"tr": "Ofis yeniden yapılandı", "en": "The office restructured"},
    "publisher": "Samanyolu Haber",
    "published_on": "2019-10-01",
    "published_precision": "month",
    "accessed_on": None,
    "url": "https://samanyoluhaber.com/b",
}
SETA = {
    "title": {"tr": "Dijital devlet", "en": "Digital state"},
    "publisher": "SETA",
    "published_on": None,
    "published_precision": "day",
    "accessed_on": "2026-11-25",
    "url": "https://setav.org/c",
}


def question(**cited):
    return {
        "key": "tf_focus:x",
        "type": "truefalse",
        "topic": "departments",
        "prompt": {"tr": "Soru", "en": "Question"},
        "options": [
            {"key": "true", "text": {"tr": "Doğru", "en": "True"}},
            {"key": "false", "text": {"tr": "Yanlış", "en": "False"}},
        ],
        "targets": [],
        "answer": "true",
        "explanation": {"tr": "Açıklama.", "en": "Explanation."},
        **cited,
    }


def cited(fmt, language, q):
    data = FORMATS[fmt].write(Export("Citations", with_variants([q]), language, "span", "v"))
    return data, {r["language"]: (r["basis"], r["sources"], r["note"]) for r in records_of(fmt, language, data)}


@pytest.mark.parametrize(("fmt", "language", "syntax"), EXPORTS, ids=IDS)
def test_an_editorial_question_says_so_and_cites_no_source_even_if_it_carries_one(fmt, language, syntax):
    q = question(basis="editorial", sources=[DIGITAL_AGE], source=DIGITAL_AGE)
    data, found = cited(fmt, language, q)
    lines = {
        "tr": "Editoryal: kaynaktan alıntı değil, bizim açıklamamız.",
        "en": "Editorial: our own explanation, not a quotation of a source.",
    }
    assert found == {each: ("editorial", [], lines[each]) for each in found}
    assert "digitalage" not in data.decode("utf-8", "replace")  # QTI: compressed, so the readers' word stands


@pytest.mark.parametrize(("fmt", "language", "syntax"), EXPORTS, ids=IDS)
def test_every_source_of_an_explanation_is_cited_with_its_date_as_the_site_shows_it(fmt, language, syntax):
    q = question(basis="mixed", sources=[DIGITAL_AGE, SAMANYOLU, SETA], source=DIGITAL_AGE)
    data, found = cited(fmt, language, q)
    expected = {
        "tr": (
            "mixed",
            [
                ("Dijital dönüşüm", "Digital Age", "yayımlandı: 10 Temmuz 2018", "https://digitalage.com.tr/a"),
                ("Ofis yeniden yapılandı", "Samanyolu Haber", "yayımlandı: Ekim 2019", "https://samanyoluhaber.com/b"),
                ("Dijital devlet", "SETA", "erişildi: 25 Kasım 2026", "https://setav.org/c"),
            ],
            "[bizim açıklamamız] ile işaretlenen ifadeler editoryaldir.",
        ),
        "en": (
            "mixed",
            [
                ("Digital transformation", "Digital Age", "published 10 July 2018", "https://digitalage.com.tr/a"),
                (
                    "The office restructured",
                    "Samanyolu Haber",
                    "published October 2019",
                    "https://samanyoluhaber.com/b",
                ),
                ("Digital state", "SETA", "accessed 25 November 2026", "https://setav.org/c"),
            ],
            "The statements marked [our explanation] are editorial.",
        ),
    }
    assert found == {each: expected[each] for each in found}


@pytest.mark.parametrize("fmt", ["moodle", "gift", "qti"])
def test_a_question_frozen_before_bases_keeps_its_one_source(fmt):
    _, found = cited(fmt, "en", question(source=SETA))
    assert found == {"en": ("sourced", [("Digital state", "SETA", "accessed 25 November 2026", SETA["url"])], None)}
