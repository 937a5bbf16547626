"""Exports of questions to other platforms' formats: pure writers, one module per format.

Each writer takes an ``Export`` (the generator's plain questions, or an attempt's frozen ones,
with the languages to write) and returns bytes; nothing here reads the database or a request.
"""

import hashlib

from . import gift, moodle_xml, qti
from .common import LANGUAGES, SYNTAXES, Export, unique_questions, with_variants

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "SYNTAXES",
    "Export",
    "Format",
    "content_version",
    "unique_questions",
    "with_variants",
]


class Format:
    def __init__(self, name, write, extension, content_type):
        self.name, self.write, self.extension, self.content_type = name, write, extension, content_type


FORMATS = {
    "moodle": Format("Moodle XML", moodle_xml.write, "xml", "application/xml; charset=utf-8"),
    "gift": Format("GIFT", gift.write, "gift.txt", "text/plain; charset=utf-8"),
    "qti": Format("QTI 2.1", qti.write, "qti.zip", "application/zip"),
}


def content_version(content):
    """A short digest of the published content: the same content always gives the same version."""
    return hashlib.sha256(repr(content).encode("utf-8")).hexdigest()[:12]
