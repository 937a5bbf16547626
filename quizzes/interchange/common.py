"""What the three writers share: what an export holds, its ids, its languages and its feedback.

Pure: the writers take the generator's plain questions (or an attempt's frozen ones) and return
bytes. Every text goes out as HTML with its characters escaped, so a text is never read as
markup, a multilang span or a GIFT separator; leading and trailing spaces and carriage returns
are written as character references, which the importers keep (they trim the rest).
"""

import datetime
import hashlib
import html
import re
from dataclasses import dataclass

from ..generation.wording import date_text
from ..presentation import citation_in, shown_in, text_in
from ..question_types import MATCHING, ORDERING

LANGUAGES = {"tr": ("tr",), "en": ("en",), "both": ("tr", "en")}
SYNTAXES = ("span", "mlang")  # Moodle's core multilang filter, or the multilang2 plugin's {mlang} tags
MOODLE_ID_LENGTH = 100  # question.idnumber is 100 characters in Moodle
# The words an export adds of its own, in both languages (the writers import nothing of Django); the
# citation's are the site's catalogue wording (templates/quizzes/_citation.html, the source_date filter).
WORDS = {
    "right": {"tr": "Doğru.", "en": "Correct."},
    "wrong": {"tr": "Yanlış. Doğru cevap: {answer}", "en": "Not quite. The right answer: {answer}"},
    "source": {"tr": "Kaynak:", "en": "Source:"},
    "sources": {"tr": "Kaynaklar:", "en": "Sources:"},
    "editorial": {
        "tr": "Editoryal: kaynaktan alıntı değil, bizim açıklamamız.",
        "en": "Editorial: our own explanation, not a quotation of a source.",
    },
    "mixed": {
        "tr": "[bizim açıklamamız] ile işaretlenen ifadeler editoryaldir.",
        "en": "The statements marked [our explanation] are editorial.",
    },
    "published": {"tr": "yayımlandı: {date}", "en": "published {date}"},
    "accessed": {"tr": "erişildi: {date}", "en": "accessed {date}"},
}
PRECISIONS = ("day", "month", "year")
TOPICS = {
    "departments": {"tr": "Daireler", "en": "Departments"},
    "duties": {"tr": "Görevler", "en": "Duties"},
    "timeline": {"tr": "Zaman çizelgesi 2017–2025", "en": "Timeline 2017–2025"},
    "glossary": {"tr": "Sözlük", "en": "Glossary"},
    "xlang_tr_en": {"tr": "Türkçe → İngilizce", "en": "Turkish → English"},
    "xlang_en_tr": {"tr": "İngilizce → Türkçe", "en": "English → Turkish"},
}
ROOT_CATEGORY = "DDO Learn"
# Characters XML 1.0 cannot hold, not even as references (a form feed pasted into the admin): dropped.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value):
    """A question (or any part of one) without the characters no XML file can carry."""
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, dict):
        return {k: xml_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(v) for v in value)
    return value


@dataclass(frozen=True)
class Export:
    """What one download holds: questions (each with the variant it was drawn for, or None) and how to write them."""

    title: str
    questions: tuple  # of (question, variant)
    language: str = "both"  # a key of LANGUAGES
    syntax: str = "span"  # a member of SYNTAXES: how a bilingual Moodle text marks its languages
    version: str = ""  # the content version the questions came from

    def __post_init__(self):
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}")
        if self.syntax not in SYNTAXES:
            raise ValueError(f"unknown multilang syntax {self.syntax!r}")
        object.__setattr__(self, "questions", tuple((xml_safe(q), v) for q, v in self.questions))
        object.__setattr__(self, "title", xml_safe(self.title))

    @property
    def languages(self):
        return LANGUAGES[self.language]


def with_variants(questions, variant=None):
    """Questions paired with the variant (seed) they were drawn for: the writers' input."""
    return tuple((q, variant) for q in questions)


def question_id(question, variant, limit=None):
    """A question's stable id: its key, with ``@variant`` when several draws of it are exported.

    Cut to ``limit`` characters with a digest of the whole when longer, so it stays unique; the
    ``@variant`` stays at its end.
    """
    suffix = "" if variant is None else f"@{variant}"
    found = question["key"] + suffix
    if limit and len(found) > limit:
        digest = hashlib.sha1(found.encode()).hexdigest()[:12]  # noqa: S324 -- an id, not a secret
        found = f"{question['key'][: limit - 13 - len(suffix)]}~{digest}{suffix}"  # the variant stays readable
    return found


def ncname(value):
    """``value`` as an XML NCName (QTI identifiers), unique per value: safe characters and a digest."""
    digest = hashlib.sha1(value.encode()).hexdigest()[:10]  # noqa: S324 -- an id, not a secret
    return f"Q_{re.sub(r'[^A-Za-z0-9_.-]', '_', value)}_{digest}"


def unique_questions(entries):
    """The entries without repeats: a key drawn the same way by two variants is exported once."""
    seen, found = set(), []
    for question, variant in entries:
        fingerprint = repr((question["key"], question["prompt"], question["options"], question.get("targets")))
        if fingerprint not in seen:
            seen.add(fingerprint)
            found.append((question, variant))
    return tuple(found)


def texts(question, side, text):
    """A text of one side ("prompt" or "options") of a question as {language: text}.

    A cross-language question shows each side in its fixed language whatever the export's.
    """
    return {language: text_in(text, shown_in(question, side, language)) for language in ("tr", "en")}


def escape_html(text):
    """Plain text as HTML that reads back to exactly that text, braces and edge spaces included."""
    escaped = html.escape(text, quote=False).replace("\r", "&#13;").replace("{", "&#123;").replace("}", "&#125;")
    body = escaped.strip()
    if not body:
        return "".join(f"&#{ord(c)};" for c in escaped)
    start = escaped.index(body[0])
    lead, trail = escaped[:start], escaped[start + len(body) :]
    return "".join(f"&#{ord(c)};" for c in lead) + body + "".join(f"&#{ord(c)};" for c in trail)


def multilang_html(htmls, languages, syntax):
    """Per-language HTML as one text: alone for one language, else in the chosen multilang syntax."""
    if len(languages) == 1:
        return htmls[languages[0]]
    if syntax == "mlang":
        return "".join(f"{{mlang {language}}}{htmls[language]}{{mlang}}" for language in languages)
    return "".join(f'<span lang="{language}" class="multilang">{htmls[language]}</span>' for language in languages)


def multilang(by_language, languages, syntax):
    return multilang_html({k: escape_html(v) for k, v in by_language.items()}, languages, syntax)


def _day(value):
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, datetime.date) else None


def source_date(source, language):
    """When a source speaks from, as the site says it: "published October 2019", "accessed 25 November 2026"."""
    published, accessed = _day(source.get("published_on")), _day(source.get("accessed_on"))
    if published:
        precision = source.get("published_precision")
        when = date_text(published, precision if precision in PRECISIONS else "day")
        return WORDS["published"][language].format(date=when.get(language))
    if accessed:
        return WORDS["accessed"][language].format(date=date_text(accessed, "day").get(language))
    return ""


def citation(question, language):
    """(basis, runs): what the site shows under an explanation (``presentation.citation_in``), in one language.

    Editorial: the editorial line alone, no source; else "Source(s): " and every source the
    explanation used (publisher, title, date, address), then a mixed basis's note; nothing when
    nothing is cited. Runs are ("words", ours) or ("text", the source's), "cite", "date" and "a".
    """
    cited = citation_in(question, language)
    if cited["basis"] == "editorial":
        return "editorial", [("words", WORDS["editorial"][language])]
    sources = cited["sources"]
    if not sources:
        return None, []
    runs = [("words", WORDS["sources" if len(sources) > 1 else "source"][language] + " ")]
    for n, source in enumerate(sources):
        if n:
            runs.append(("words", "; "))
        if source.get("publisher"):
            runs += [("text", source["publisher"]), ("words", ", ")]
        runs.append(("cite", source["title"]))
        when = source_date(source, language)
        if when:
            runs += [("words", " ("), ("date", when), ("words", ")")]
        if source.get("url"):
            runs += [("words", " "), ("a", source["url"])]
    runs.append(("words", "."))
    if cited["basis"] == "mixed":
        runs.append(("words", " " + WORDS["mixed"][language]))
    return cited["basis"], runs


def citation_html(runs):
    """Citation runs as HTML with no span in it (Moodle's multilang filter ends a language at the first </span>)."""
    found = []
    for kind, value in runs:
        if kind == "words":
            found.append(html.escape(value, quote=False))
        elif kind == "text":
            found.append(escape_html(value))
        elif kind == "cite":
            found.append(f"<cite>{escape_html(value)}</cite>")
        elif kind == "date":
            found.append(f"<time>{html.escape(value, quote=False)}</time>")
        else:
            url = html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;")
            found.append(f'<a href="{url}">{url}</a>')
    return "".join(found)


def general_feedback(question, languages, syntax):
    """The explanation, then its citation as the site shows it, one paragraph each, in the export's languages."""
    explanation = multilang(texts(question, "explanation", question["explanation"]), languages, syntax)
    found = f"<p>{explanation}</p>"
    lines = {language: citation_html(citation(question, language)[1]) for language in languages}
    if any(lines.values()):
        found += f"<p>{multilang_html(lines, languages, syntax)}</p>"
    return found


def answer_texts(question):
    """The right answer as {language: text}: an option's text, a year, the order or the pairs."""
    options = {o["key"]: o for o in question["options"]}
    answer = question["answer"]
    if question["type"] == ORDERING:
        parts = [texts(question, "options", options[k]["text"]) for k in answer]
        return {language: "; ".join(p[language] for p in parts) for language in ("tr", "en")}
    if question["type"] == MATCHING:
        targets = {t["key"]: t for t in question["targets"]}
        return {
            language: "; ".join(
                f"{texts(question, 'options', options[left]['text'])[language]} → "
                f"{texts(question, 'options', targets[right]['text'])[language]}"
                for left, right in answer.items()
            )
            for language in ("tr", "en")
        }
    return texts(question, "options", options[answer]["text"])


def option_feedback(question, right, languages, syntax):
    """The feedback on one option: "Correct." on the right one; the right answer named on the others."""
    if right:
        return multilang(WORDS["right"], languages, syntax)
    answer = answer_texts(question)
    return multilang({k: WORDS["wrong"][k].format(answer=answer[k]) for k in ("tr", "en")}, languages, syntax)


def year_of(question):
    """A year question's right answer as a number (its option key is ``year:<yyyy>``)."""
    return int(str(question["answer"]).rpartition(":")[2])


def category(topic, languages):
    """A topic's category name in the export's languages (both: "Turkish (English)")."""
    names = TOPICS.get(topic, {"tr": topic, "en": topic})
    if len(languages) == 1:
        return names[languages[0]]
    return f"{names['tr']} ({names['en']})"


def comment_safe(text):
    """Text for a comment line: one line, nothing that would end an XML comment."""
    return " ".join(str(text).split()).replace("--", "–")


def header(export):
    return f"DDO Learn: {comment_safe(export.title)} · content version {comment_safe(export.version)}"
