"""How questions say things: names of the office, dates, quotes, sentences, in both languages.

Comparisons fold case the Turkish way for Turkish (İ/i, I/ı), so two texts
that differ only in case or spacing count as the same.
"""

import functools
import re

from ..languages import turkish_lower, turkish_upper
from ..values import Text

TR_MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The office's one canonical name and short name (as in the content): "the office" in running English text.
OFFICE_NAME = Text("Cumhurbaşkanlığı Dijital Dönüşüm Ofisi", "Presidential Digital Transformation Office")
OFFICE_OF = Text("Cumhurbaşkanlığı Dijital Dönüşüm Ofisinin", "the Presidential Digital Transformation Office's")
# The years the story spans: no wrong year falls outside them.
STORY_YEARS = (2016, 2025)
SUCCESSOR = Text("Siber Güvenlik Başkanlığı", "the Cyber Security Presidency")
ACCORDING = Text("Kaynağa göre ", "According to the source, ")
NO_LEAD = Text("", "")


@functools.lru_cache(maxsize=4096)
def fold(text, language):
    """Text compared case-insensitively, Turkish-aware for Turkish."""
    text = " ".join(text.split())
    return turkish_lower(text) if language == "tr" else text.casefold()


def clashes(a, b):
    """True when two texts read the same in either language."""
    return fold(a.tr, "tr") == fold(b.tr, "tr") or fold(a.en, "en") == fold(b.en, "en")


def bare(text):
    """Text to embed in a sentence: without the full stop a sentence of its own would end with."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def quote(text):
    return Text(f"“{bare(text.tr)}”", f"“{bare(text.en)}”")


def same_text(value):
    return Text(value, value)


def date_text(date, precision):
    """A date as precise as the content knows it, in both languages."""
    if precision == "day":
        return Text(
            f"{date.day} {TR_MONTHS[date.month - 1]} {date.year}", f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"
        )
    if precision == "month":
        return Text(f"{TR_MONTHS[date.month - 1]} {date.year}", f"{EN_MONTHS[date.month - 1]} {date.year}")
    return Text(str(date.year), str(date.year))


def standalone(number):
    """A pattern for ``number`` written on its own, not as part of a longer number."""
    return re.compile(rf"(?<!\d){number}(?!\d)")


def according(confident, sourced=True):
    """The "according to the source" lead-in for facts only the source states.

    Never on editorial text (our own description): no source says it.
    """
    return NO_LEAD if confident or not sourced else ACCORDING


def capitalise(text, language):
    first = turkish_upper(text[:1]) if language == "tr" else text[:1].upper()
    return first + text[1:]


def uncapitalise(text, language):
    """A lead-in ("According to the source, ") to follow "True: " inside a sentence."""
    first = turkish_lower(text[:1]) if language == "tr" else text[:1].lower()
    return first + text[1:]


def lead(prefix, tr, en):
    """A sentence with an optional lead-in; it starts with a capital when the lead-in is empty."""
    return Text(
        f"{prefix.tr}{tr}" if prefix.tr else capitalise(tr, "tr"),
        f"{prefix.en}{en}" if prefix.en else capitalise(en, "en"),
    )


def sentence(text):
    """Text ending like a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "”", ")")) else f"{text}."


def the(name):
    """An English name with the article a sentence needs ("the Department of ..."), unless it has one."""
    return name if name.casefold().startswith("the ") else f"the {name}"
