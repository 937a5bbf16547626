"""Published content as plain, immutable data: the one seam between the ORM and pure code.

The generator and the learning pages work on a ``Content`` value, never on
querysets, so they can be tested without a database.
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
    id: int
    title: Text
    publisher: str
    published_on: datetime.date | None = None
    url: str = ""

    def as_dict(self):
        return {
            "title": self.title.as_dict(),
            "publisher": self.publisher,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "url": self.url,
        }


@dataclass(frozen=True)
class OrganisationItem:
    key: str
    name: Text
    short_name: Text
    summary: Text
    founded_on: datetime.date | None
    closed_on: datetime.date | None
    source: SourceRef


@dataclass(frozen=True)
class DepartmentItem:
    key: str
    name: Text
    focus: Text
    listing: str  # "source" (the five the article lists) or "official_2019"
    confidence: str
    source: SourceRef


@dataclass(frozen=True)
class DutyItem:
    key: str
    text: Text
    holder: str  # "office" or "transferred"
    confidence: str
    source: SourceRef


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


@dataclass(frozen=True)
class Content:
    organisations: tuple[OrganisationItem, ...] = ()
    departments: tuple[DepartmentItem, ...] = ()
    duties: tuple[DutyItem, ...] = ()
    events: tuple[EventItem, ...] = ()
    decoys: tuple[DecoyItem, ...] = ()
    terms: tuple[TermItem, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)


def _text(obj, name):
    return Text(tr=getattr(obj, f"{name}_tr") or "", en=getattr(obj, f"{name}_en") or "")


def _source(source):
    if source is None:
        return None
    return SourceRef(
        id=source.pk,
        title=_text(source, "title"),
        publisher=source.publisher,
        published_on=source.published_on,
        url=source.url,
    )


def load_content():
    """Read every published content item (six queries, whatever the amount of content).

    An item whose source is still a draft is left out: every fact a learner
    sees must be one they can follow to a published source.
    """
    from .models import Decoy, Department, Duty, GlossaryTerm, Organisation, TimelineEvent

    def rows(model):
        qs = model.objects.published()
        if any(f.name == "source" for f in model._meta.fields):
            qs = qs.select_related("source")
        return list(qs)

    def sourced(obj):
        return obj.source is not None and obj.source.is_published

    organisations = tuple(
        OrganisationItem(
            key=o.slug,
            name=_text(o, "name"),
            short_name=_text(o, "short_name"),
            summary=_text(o, "summary"),
            founded_on=o.founded_on,
            closed_on=o.closed_on,
            source=_source(o.source),
        )
        for o in rows(Organisation)
        if sourced(o)
    )
    departments = tuple(
        DepartmentItem(
            key=d.slug,
            name=_text(d, "name"),
            focus=_text(d, "focus"),
            listing=d.listing,
            confidence=d.confidence,
            source=_source(d.source),
        )
        for d in rows(Department)
        if sourced(d)
    )
    duties = tuple(
        DutyItem(key=d.slug, text=_text(d, "text"), holder=d.holder, confidence=d.confidence, source=_source(d.source))
        for d in rows(Duty)
        if sourced(d)
    )
    events = tuple(
        EventItem(
            key=e.slug,
            date=e.date,
            precision=e.precision,
            title=_text(e, "title"),
            description=_text(e, "description"),
            legal_reference=_text(e, "legal_reference"),
            gazette_number=e.gazette_number,
            decree_number=e.decree_number,
            confidence=e.confidence,
            source=_source(e.source),
        )
        for e in rows(TimelineEvent)
        if sourced(e)
    )
    decoys = tuple(DecoyItem(key=d.slug, kind=d.kind, text=_text(d, "text")) for d in rows(Decoy))
    terms = tuple(
        TermItem(key=t.slug, term=_text(t, "term"), definition=_text(t, "definition"), source=_source(t.source))
        for t in rows(GlossaryTerm)
        if t.source is None or t.source.is_published
    )
    return Content(
        organisations=organisations,
        departments=departments,
        duties=duties,
        events=events,
        decoys=decoys,
        terms=terms,
    )
