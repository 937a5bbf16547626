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


def source_line(element):
    """(title, publisher, date, url) from a "Source: <cite/>, publisher, date. <a/>" line."""
    cite = element.find("cite")
    if cite is None or element.text not in ("Kaynak: ", "Source: "):
        raise ImportRefused("a source line without its title")
    publisher = element.find("span")
    date = element.find("time")
    link = element.find("a")
    if link is not None and link.get("href") != link.text:
        raise ImportRefused("a source link whose text is not its address")
    return (
        plain(cite),
        plain(publisher) if publisher is not None else None,
        plain(date) if date is not None else None,
        link.get("href") if link is not None else None,
    )


PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def feedback(raw):
    """{language: (explanation, source or None)} of a general feedback: one paragraph each."""
    paragraphs = PARAGRAPH.findall(raw)
    if "".join(f"<p>{p}</p>" for p in paragraphs) != raw or len(paragraphs) not in (1, 2):
        raise ImportRefused(f"a general feedback not in one or two paragraphs: {raw[:200]!r}")
    explanation = texts(paragraphs[0])
    sources = (
        {k: source_line(v) for k, v in by_language(paragraphs[1]).items()}
        if len(paragraphs) == 2
        else dict.fromkeys(explanation)
    )
    if set(sources) != set(explanation):
        raise ImportRefused("the explanation and the source in different languages")
    return {language: (explanation[language], sources[language]) for language in explanation}
