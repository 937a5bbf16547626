"""An IMS QTI 2.1 content package: a zip of ``imsmanifest.xml`` and one item per file.

Single choice and true/false as a choice interaction (identifier), matching as a match
interaction (directedPair), ordering as an order interaction (ordered), a year as a text entry
(integer); each scored by the ``match_correct`` template and carrying ``xml:lang``. QTI has no
multilang syntax: both languages are one item per language, ``<id>_tr`` and ``<id>_en``.
Canvas and Blackboard import the package. The zip's entries carry a fixed date, so the same
questions give the same bytes.
"""

import io
import zipfile

from lxml import etree

from ..question_types import MATCHING, ORDERING, SINGLE, TRUE_FALSE, YEAR
from .common import citation, comment_safe, header, ncname, question_id, texts, year_of

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_LOCATION = f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_LOCATION = f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
ITEM_TYPE = "imsqti_item_xmlv2p1"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
CARDINALITY = {
    SINGLE: "single",
    TRUE_FALSE: "single",
    MATCHING: "multiple",
    ORDERING: "ordered",
    YEAR: "single",
}
BASE_TYPE = {
    SINGLE: "identifier",
    TRUE_FALSE: "identifier",
    MATCHING: "directedPair",
    ORDERING: "identifier",
    YEAR: "integer",
}


def q(tag):
    return f"{{{QTI}}}{tag}"


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, q(tag), {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def _choice_ids(question):
    """Positional identifiers for options (C1 ...) and targets (T1 ...): NCNames, stable per variant."""
    ids = {o["key"]: f"C{i}" for i, o in enumerate(question["options"], 1)}
    ids.update({t["key"]: f"T{i}" for i, t in enumerate(question.get("targets") or [], 1)})
    return ids


def _correct(question, ids):
    answer = question["answer"]
    if question["type"] == MATCHING:
        return [f"{ids[left]} {ids[right]}" for left, right in answer.items()]
    if question["type"] == ORDERING:
        return [ids[key] for key in answer]
    if question["type"] == YEAR:
        return [str(year_of(question))]
    return [ids[answer]]


def _option(question, option, language):
    return texts(question, "options", option["text"])[language]


def _body(item, question, language, ids):
    body = _sub(item, "itemBody")
    prompt = texts(question, "prompt", question["prompt"])[language]
    kind = question["type"]
    if kind == YEAR:
        _sub(body, "p", prompt)
        _sub(_sub(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="4")
        return
    if kind == MATCHING:
        interaction = _sub(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="false")
        interaction.set("maxAssociations", str(len(question["options"])))
        _sub(interaction, "prompt", prompt)
        for group in (question["options"], question["targets"]):
            match_set = _sub(interaction, "simpleMatchSet")
            for choice in group:
                text = _option(question, choice, language)
                _sub(match_set, "simpleAssociableChoice", text, identifier=ids[choice["key"]], matchMax="1")
        return
    if kind == ORDERING:
        interaction = _sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="false")
    else:
        interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="1")
    _sub(interaction, "prompt", prompt)
    for option in question["options"]:
        _sub(interaction, "simpleChoice", _option(question, option, language), identifier=ids[option["key"]])


def _feedback(item, question, language):
    """The explanation and its citation as the site shows it, after every response (FEEDBACK is never GENERAL)."""
    feedback = _sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="GENERAL", showHide="hide")
    block = _sub(feedback, "div")
    _sub(block, "p", texts(question, "explanation", question["explanation"])[language], class_="explanation")
    basis, runs = citation(question, language)
    if not runs:
        return
    line = _sub(block, "p", class_="source editorial" if basis == "editorial" else "source")
    last = None
    for kind, value in runs:
        if kind in ("words", "text") and last is None:
            line.text = (line.text or "") + value
        elif kind in ("words", "text"):
            last.tail = (last.tail or "") + value
        elif kind == "a":
            last = _sub(line, "a", value, href=value)
        elif kind == "date":  # QTI's XHTML has no <time>
            last = _sub(line, "span", value, class_="date")
        else:
            last = _sub(line, "cite", value)


def item_xml(question, variant, language, version):
    """One question in one language as a QTI 2.1 assessmentItem (UTF-8 bytes)."""
    ids = _choice_ids(question)
    identifier = item_identifier(question, variant, language)
    item = etree.Element(q("assessmentItem"), nsmap={None: QTI, "xsi": XSI})
    item.set(f"{{{XSI}}}schemaLocation", QTI_LOCATION)
    item.set("identifier", identifier)
    item.set("title", question_id(question, variant))
    item.set("adaptive", "false")
    item.set("timeDependent", "false")
    item.set(XML_LANG, language)
    item.append(
        etree.Comment(f" DDO Learn question {comment_safe(question['key'])} · content version {comment_safe(version)} ")
    )
    kind = question["type"]
    response = _sub(
        item, "responseDeclaration", identifier="RESPONSE", cardinality=CARDINALITY[kind], baseType=BASE_TYPE[kind]
    )
    correct = _sub(response, "correctResponse")
    for value in _correct(question, ids):
        _sub(correct, "value", value)
    score = _sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    _sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")
    _body(item, question, language, ids)
    _sub(item, "responseProcessing", template=MATCH_CORRECT)
    _feedback(item, question, language)
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def item_identifier(question, variant, language):
    return f"{ncname(question_id(question, variant))}_{language}"


def manifest_xml(export, hrefs):
    """The package's manifest: one resource per item file."""
    manifest = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "xsi": XSI})
    manifest.set(f"{{{XSI}}}schemaLocation", CP_LOCATION)
    manifest.set("identifier", "MANIFEST_" + ncname(export.title + "|" + export.version))
    manifest.append(etree.Comment(f" {header(export)} "))
    metadata = etree.SubElement(manifest, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.0.0"
    etree.SubElement(manifest, f"{{{CP}}}organizations")
    resources = etree.SubElement(manifest, f"{{{CP}}}resources")
    for identifier, href in hrefs:
        resource = etree.SubElement(
            resources, f"{{{CP}}}resource", identifier=f"RES_{identifier}", type=ITEM_TYPE, href=href
        )
        etree.SubElement(resource, f"{{{CP}}}file", href=href)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _add(package, name, data):
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    package.writestr(info, data, compresslevel=6)


def write(export):
    """The export as a QTI 2.1 content package (zip bytes)."""
    files, hrefs = [], []
    for question, variant in export.questions:
        for language in export.languages:
            identifier = item_identifier(question, variant, language)
            href = f"items/{identifier}.xml"
            files.append((href, item_xml(question, variant, language, export.version)))
            hrefs.append((identifier, href))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.comment = header(export).encode("utf-8")[:65535]
        _add(package, "imsmanifest.xml", manifest_xml(export, hrefs))
        for href, data in files:
            _add(package, href, data)
    return buffer.getvalue()
