"""Loading published content from the ORM into plain values: the one seam between the ORM and pure code.

The values themselves (``Content``, ``Text`` ...) live in ``quizzes.values``,
which imports nothing of Django.
"""

from .values import (
    Content,
    DecoyItem,
    DepartmentItem,
    DutyItem,
    EventItem,
    OrganisationItem,
    SourceRef,
    TermItem,
    Text,
)


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
        published_precision=source.published_precision,
        accessed_on=source.accessed_on,
    )


def _cited(row):
    """The fields every cited item has: its key, its source and how the source supports it."""
    return {"key": row.slug, "source": _source(row.source), "basis": row.basis, "locator": row.locator}


def _organisation(o):
    return OrganisationItem(
        **_cited(o),
        name=_text(o, "name"),
        short_name=_text(o, "short_name"),
        summary=_text(o, "summary"),
        founded_on=o.founded_on,
        closed_on=o.closed_on,
        founding_source=_source(o.founding_source) if o.founding_source_id else None,
    )


def _near(value):
    return tuple(value.split())


def _department(d):
    return DepartmentItem(
        **_cited(d),
        name=_text(d, "name"),
        focus=_text(d, "focus"),
        listing=d.listing,
        confidence=d.confidence,
        note=_text(d, "note"),
        near=_near(d.near),
    )


def _duty(d):
    return DutyItem(
        **_cited(d),
        text=_text(d, "text"),
        holder=d.holder,
        confidence=d.confidence,
    )


def _event(e):
    return EventItem(
        **_cited(e),
        date=e.date,
        precision=e.precision,
        title=_text(e, "title"),
        description=_text(e, "description"),
        legal_reference=_text(e, "legal_reference"),
        gazette_number=e.gazette_number,
        decree_number=e.decree_number,
        confidence=e.confidence,
        follows=e.follows.slug if e.follows_id else "",
    )


def _decoy(d):
    return DecoyItem(key=d.slug, kind=d.kind, text=_text(d, "text"))


def _term(t):
    return TermItem(
        **_cited(t),
        term=_text(t, "term"),
        definition=_text(t, "definition"),
        near=_near(t.near),
    )


# Content field, model name, converter; the order load_content reads them in.
_KINDS = (
    ("organisations", "Organisation", _organisation),
    ("departments", "Department", _department),
    ("duties", "Duty", _duty),
    ("events", "TimelineEvent", _event),
    ("decoys", "Decoy", _decoy),
    ("terms", "GlossaryTerm", _term),
)


def load_content(preview=None):
    """Read every published content item (six queries, whatever the amount of content).

    An item whose source is still a draft is left out: every fact a learner
    sees must be one they can follow to a published source. ``preview`` (an
    unsaved or draft row) is added as if published, for the admin preview.
    """
    from . import models

    found = {}
    for attribute, model_name, convert in _KINDS:
        model = getattr(models, model_name)
        qs = model.objects.published()  # with a published source, where the item cites one
        related = [f.name for f in model._meta.fields if f.name in ("source", "founding_source", "follows")]
        if related:
            qs = qs.select_related(*related)
        rows = list(qs)
        if preview is not None and isinstance(preview, model):
            rows = [r for r in rows if r.pk != preview.pk] + [preview]
        found[attribute] = tuple(convert(r) for r in rows)
    return Content(**found)
