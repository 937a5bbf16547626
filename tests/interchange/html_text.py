"""The strict reading of an exported HTML text back into plain text per language (tests only).

An export's texts are HTML with every character of the source escaped: a text reads back by
splitting it into its languages (one, multilang spans or ``{mlang}`` tags) and parsing each as
XML, which fails on anything else.
"""

import re

from lxml import etree

MLANG = re.compile(r"\{mlang (\w+)\}(.*?)\{mlang\}", re.S)
MULTILANG_SPAN = {"class": "multilang"}


class ImportRefused(AssertionError):
    """What the platform's importer would refuse (or a strict reader cannot read back)."""


def fragment(raw):
    try:
        return etree.fromstring(f"<div>{raw}</div>")
    except etree.XMLSyntaxError as error:
        raise ImportRefused(f"not well-formed HTML: {raw[:200]!r}: {error}") from error


def by_language(raw):
    """{language: element} for a text in one language (key None), multilang spans or mlang tags."""
    if raw.startswith("{mlang "):
        pieces = list(MLANG.finditer(raw))
        if "".join(p.group(0) for p in pieces) != raw:
            raise ImportRefused(f"text outside the mlang tags: {raw[:200]!r}")
        found = {p.group(1): fragment(p.group(2)) for p in pieces}
    else:
        div = fragment(raw)
        spans = [c for c in div if c.tag == "span" and c.get("class") == "multilang"]
        if not spans or len(spans) != len(div):
            return {None: div}
        if (div.text or "") or any(s.tail for s in spans) or any(set(s.keys()) != {"lang", "class"} for s in spans):
            raise ImportRefused(f"text outside the multilang spans: {raw[:200]!r}")
        if any(s.find(".//span") is not None for s in spans):
            # Moodle's filter ends a language at the first </span>: a span inside one cuts it short.
            raise ImportRefused(f"a span inside a multilang span: {raw[:200]!r}")
        found = {s.get("lang"): s for s in spans}
    if len(found) != len(pieces if raw.startswith("{mlang ") else spans):
        raise ImportRefused(f"a language twice: {raw[:200]!r}")
    return found


def plain(element):
    if len(element):
        raise ImportRefused(f"markup inside a plain text: {etree.tostring(element)[:200]!r}")
    return element.text or ""


def texts(raw):
    """{language: plain text} of a text field."""
    return {language: plain(element) for language, element in by_language(raw).items()}


LEADS = {"Source: ": 1, "Kaynak: ": 1, "Sources: ": 2, "Kaynaklar: ": 2}  # 2: several
NO_CITATION = {"basis": None, "sources": [], "note": None}


def citation(element, ns="", date="time"):
    """{"basis", "sources", "note"} of a citation in one language, as the site's _citation.html writes one.

    Either the editorial line alone (text, no markup), or "Source(s): " and each source as
    ``publisher, <cite>title</cite> (<time>published …</time>) <a>url</a>``, ";" between them,
    "." after the last, then the note of a mixed basis. Anything else is refused.
    """
    children, text = list(element), element.text or ""
    if not children:
        if not text.strip():
            raise ImportRefused("an empty citation")
        return {"basis": "editorial", "sources": [], "note": text}
    lead = next((lead for lead in LEADS if text.startswith(lead)), None)
    if lead is None:
        raise ImportRefused(f"a citation without its lead: {text[:100]!r}")
    before, sources, at = text[len(lead) :], [], 0

    def next_is(tag):
        return at < len(children) and children[at].tag == f"{ns}{tag}"

    while True:
        if before and (not before.endswith(", ") or len(before) == 2):
            raise ImportRefused(f"not a publisher before a title: {before[:100]!r}")
        if not next_is("cite"):
            raise ImportRefused("a source without its title")
        cite, publisher, when, url = children[at], before[:-2] or None, None, None
        at, tail = at + 1, cite.tail or ""
        if tail == " (" and next_is(date):
            when, tail, at = plain(children[at]), children[at].tail or "", at + 1
            if not tail.startswith(")"):
                raise ImportRefused("a source's date not in brackets")
            tail = tail[1:]
        if tail == " " and next_is("a"):
            link, at = children[at], at + 1
            if link.get("href") != link.text:
                raise ImportRefused("a source link whose text is not its address")
            url, tail = link.get("href"), link.tail or ""
        sources.append((plain(cite), publisher, when, url))
        if tail.startswith("; ") and at < len(children):
            before = tail[2:]
            continue
        break
    if at != len(children) or not (tail == "." or tail.startswith(". ") and len(tail) > 2):
        raise ImportRefused(f"markup or text after the sources: {tail[:100]!r}")
    if (LEADS[lead] == 1) != (len(sources) == 1):
        raise ImportRefused(f"{lead!r} before {len(sources)} source(s)")
    note = tail[2:] or None
    return {"basis": "mixed" if note else "sourced", "sources": sources, "note": note}


PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def feedback(raw):
    """{language: (explanation, citation)} of a general feedback: one paragraph each (no citation: none cited)."""
    paragraphs = PARAGRAPH.findall(raw)
    if "".join(f"<p>{p}</p>" for p in paragraphs) != raw or len(paragraphs) not in (1, 2):
        raise ImportRefused(f"a general feedback not in one or two paragraphs: {raw[:200]!r}")
    explanation = texts(paragraphs[0])
    citations = (
        {k: citation(v) for k, v in by_language(paragraphs[1]).items()}
        if len(paragraphs) == 2
        else dict.fromkeys(explanation, NO_CITATION)
    )
    if set(citations) != set(explanation):
        raise ImportRefused("the explanation and the citation in different languages")
    return {language: (explanation[language], citations[language]) for language in explanation}
