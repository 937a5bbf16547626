"""Published content and its parts as plain, immutable values: what pure code works on.

The generator, grading and the learning pages take a ``Content`` value, never
querysets, so they can be tested without a database. This module imports
nothing of Django; ``quizzes.content`` fills these values from the ORM.
"""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """One piece of text in both content languages."""

    tr: str
    en: str

    def get(self, language):
        return self.en if language == "en" else self.tr

    def as_dict(self):
        return {"tr": self.tr, "en": self.en}


@dataclass(frozen=True)
class SourceRef:
    """A citation. Its date is when it was published (as precisely as known) or, failing that, when it was read."""

    id: int
    title: Text
    publisher: str
    published_on: datetime.date | None = None
    url: str = ""
    published_precision: str = "day"  # "year", "month" or "day": unknown parts of published_on are 1
    accessed_on: datetime.date | None = None  # only when the publication date is unknown

    @property
    def date(self):
        """The date the source speaks from: published, else accessed (None if neither is known)."""
        return self.published_on or self.accessed_on

    def as_dict(self):
        return {
            "id": self.id,
            "title": self.title.as_dict(),
            "publisher": self.publisher,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "published_precision": self.published_precision,
            "accessed_on": self.accessed_on.isoformat() if self.accessed_on else None,
            "url": self.url,
        }


SOURCED = "sourced"
EDITORIAL = "editorial"
# A question's explanation that rests partly on sources and partly on our own explanation (each statement says which).
MIXED = "mixed"


def is_sourced(item):
    """True when a source states the item's fact (and may be quoted "according to the source")."""
    return getattr(item, "basis", SOURCED) == SOURCED and getattr(item, "source", None) is not None


@dataclass(frozen=True)
class OrganisationItem:
    key: str
    name: Text
    short_name: Text
    summary: Text
    founded_on: datetime.date | None
    closed_on: datetime.date | None
    source: SourceRef
    basis: str = "sourced"
    locator: str = ""
    founding_source: SourceRef | None = None  # the source that states founded_on (the summary's may not)


@dataclass(frozen=True)
class DepartmentItem:
    key: str
    name: Text
    focus: Text
    listing: str  # "source" (the five the article lists) or "official_2019"
    confidence: str
    source: SourceRef
    basis: str = "sourced"  # of the focus text: "sourced" or "editorial" (our own description)
    locator: str = ""
    note: Text = Text("", "")  # an editor's remark, never part of a question
    near: tuple[str, ...] = ()  # keys of near-equivalent departments: never each other's wrong answer


@dataclass(frozen=True)
class DutyItem:
    key: str
    text: Text
    holder: str  # "office" or "transferred"
    confidence: str
    source: SourceRef
    basis: str = "sourced"
    locator: str = ""


@dataclass(frozen=True)
class EventItem:
    key: str
    date: datetime.date
    precision: str  # "year", "month" or "day"
    title: Text
    description: Text
    legal_reference: Text
    gazette_number: str
    decree_number: int | None
    confidence: str
    source: SourceRef
    basis: str = "sourced"
    locator: str = ""
    follows: str = ""  # key of an event this one is known to come after when the dates cannot tell


@dataclass(frozen=True)
class DecoyItem:
    key: str
    kind: str  # "department" or "duty"
    text: Text


@dataclass(frozen=True)
class TermItem:
    key: str
    term: Text  # tr: the Turkish term, en: its English equivalent
    definition: Text
    source: SourceRef | None
    basis: str = "sourced"
    locator: str = ""
    near: tuple[str, ...] = ()  # keys of near-equivalent terms: never each other's wrong answer


@dataclass(frozen=True)
class Content:
    organisations: tuple[OrganisationItem, ...] = ()
    departments: tuple[DepartmentItem, ...] = ()
    duties: tuple[DutyItem, ...] = ()
    events: tuple[EventItem, ...] = ()
    decoys: tuple[DecoyItem, ...] = ()
    terms: tuple[TermItem, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)


ITEM_REF_PREFIX = {
    "Department": "department",
    "Duty": "duty",
    "TimelineEvent": "event",
    "Decoy": "decoy",
    "GlossaryTerm": "term",
    "Organisation": "organisation",
}


def item_ref(obj):
    """The generator's name for a content row, e.g. ``department:siber-guvenlik``."""
    return f"{ITEM_REF_PREFIX[type(obj).__name__]}:{obj.slug}"
