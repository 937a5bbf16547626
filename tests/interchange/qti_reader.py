"""A strict reader of our QTI 2.1 packages (tests only): the manifest, then each item as a record.

It checks what Canvas and Blackboard rely on: every resource's file is in the zip and every file
listed, identifiers unique within the package, ``xml:lang`` on every item, the ``match_correct``
template, and the interaction each type needs.
"""

import io
import zipfile

from lxml import etree

from .html_text import NO_CITATION, ImportRefused, citation

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
ITEM_TYPE = "imsqti_item_xmlv2p1"
SHAPES = {  # interaction -> (type, cardinality, baseType)
    "choiceInteraction": ("single", "single", "identifier"),
    "orderInteraction": ("ordering", "ordered", "identifier"),
    "matchInteraction": ("matching", "multiple", "directedPair"),
    "textEntryInteraction": ("year", "single", "integer"),
}


def _only(element, path):
    found = element.findall(path)
    if len(found) != 1:
        raise ImportRefused(f"{len(found)} × {path}")
    return found[0]


def _text(element):
    if len(element):
        raise ImportRefused("markup inside a choice")
    return element.text or ""


def _feedback(item):
    """(explanation, citation): the citation read as the site writes it (html_text.citation), its date in a span."""
    block = _only(item, f"{QTI}modalFeedback/{QTI}div")
    paragraphs = block.findall(f"{QTI}p")
    if len(paragraphs) not in (1, 2) or len(block) != len(paragraphs):
        raise ImportRefused("a feedback not in one or two paragraphs")
    explanation = _text(paragraphs[0])
    if len(paragraphs) == 1:
        return explanation, NO_CITATION
    dates = paragraphs[1].findall(f"{QTI}span")
    if any(span.get("class") != "date" for span in dates):
        raise ImportRefused("a span in a citation that is not a date")
    return explanation, citation(paragraphs[1], ns=QTI, date="span")


def read_item(data):
    item = etree.fromstring(data)
    language = item.get(XML_LANG)
    if not language:
        raise ImportRefused("an item without xml:lang")
    if _only(item, f"{QTI}responseProcessing").get("template") != MATCH_CORRECT:
        raise ImportRefused("not scored by match_correct")
    body = _only(item, f"{QTI}itemBody")
    interactions = [e for e in body.iter() if etree.QName(e).localname in SHAPES]
    if len(interactions) != 1:
        raise ImportRefused("an item needs exactly one interaction")
    interaction = interactions[0]
    qtype, cardinality, base_type = SHAPES[etree.QName(interaction).localname]
    response = _only(item, f"{QTI}responseDeclaration")
    if (response.get("cardinality"), response.get("baseType")) != (cardinality, base_type):
        raise ImportRefused("a response declaration that does not fit its interaction")
    correct = [v.text for v in response.findall(f"{QTI}correctResponse/{QTI}value")]
    record = {"id": item.get("identifier"), "name": item.get("title"), "type": qtype, "language": language}
    if qtype == "year":
        record["prompt"] = _text(_only(body, f"{QTI}p[1]"))
        record["answer"] = int(correct[0])
    else:
        record["prompt"] = _text(_only(interaction, f"{QTI}prompt"))
    if qtype in ("single", "ordering"):
        choices = {c.get("identifier"): _text(c) for c in interaction.findall(f"{QTI}simpleChoice")}
        record["options"] = list(choices.values())
        record["answer"] = [choices[c] for c in correct] if qtype == "ordering" else choices[_only_value(correct)]
    if qtype == "matching":
        sets = interaction.findall(f"{QTI}simpleMatchSet")
        left, right = ({c.get("identifier"): _text(c) for c in s} for s in sets)
        record["options"], record["targets"] = list(left.values()), list(right.values())
        record["answer"] = [(left[a], right[b]) for a, b in (v.split(" ") for v in correct)]
    record["explanation"], cited = _feedback(item)
    return {**record, **cited}


def _only_value(values):
    if len(values) != 1:
        raise ImportRefused("a single choice needs one right answer")
    return values[0]


def read(data, validate=None):
    """Every item of a QTI package as records (``validate(kind, tree)`` checks each file against its schema)."""
    package = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    if validate:
        validate("manifest", manifest)
    identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    hrefs = []
    for resource in manifest.iter(f"{CP}resource"):
        if resource.get("type") != ITEM_TYPE or [f.get("href") for f in resource.findall(f"{CP}file")] != [
            resource.get("href")
        ]:
            raise ImportRefused("a resource that is not one item file")
        hrefs.append(resource.get("href"))
    if sorted(hrefs) != sorted(n for n in package.namelist() if n != "imsmanifest.xml"):
        raise ImportRefused("the manifest and the zip list different files")
    records = []
    for href in hrefs:
        tree = etree.fromstring(package.read(href))
        if validate:
            validate("item", tree)
        identifiers.append(tree.get("identifier"))
        records.append(read_item(package.read(href)))
    if len(identifiers) != len(set(identifiers)):
        raise ImportRefused("identifiers repeat within the package")
    return records
