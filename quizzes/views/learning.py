"""The learning pages: the office, its departments, duties, timeline, glossary and sources.

Each page makes a fixed number of queries (one per list, sources joined in),
and sorts named lists in the page language's alphabetical order.
"""

from django.shortcuts import render
from django.utils.translation import get_language

from ..languages import sort_key_for
from ..models import Department, Duty, GlossaryTerm, Organisation, Source, TimelineEvent
from ..page_cache import cached_for_visitors


def _published(model):
    """Published rows whose source is published too (see PublishableQuerySet.published), sources joined in."""
    return model.objects.published().select_related("source")


def _sorted_by(items, attribute):
    key = sort_key_for(get_language())
    return sorted(items, key=lambda item: key(getattr(item, attribute)))


@cached_for_visitors
def overview(request):
    organisations = {o.slug: o for o in _published(Organisation)}
    events = list(_published(TimelineEvent).filter(decree_number__isnull=False))
    return render(
        request,
        "quizzes/overview.html",
        {
            "office": organisations.pop("ddo", None),
            "organisations": list(organisations.values()),
            "decrees": events,
        },
    )


@cached_for_visitors
def departments(request):
    rows = list(_published(Department))
    return render(
        request,
        "quizzes/departments.html",
        {
            "source_departments": _sorted_by([d for d in rows if d.listing == Department.Listing.SOURCE], "name"),
            "official_units": _sorted_by([d for d in rows if d.listing == Department.Listing.OFFICIAL_2019], "name"),
        },
    )


@cached_for_visitors
def duties(request):
    rows = list(_published(Duty))
    return render(
        request,
        "quizzes/duties.html",
        {
            "office_duties": [d for d in rows if d.holder == Duty.Holder.OFFICE],
            "transferred_duties": [d for d in rows if d.holder == Duty.Holder.TRANSFERRED],
        },
    )


def _mark_unknown_order(events):
    """Group events whose order nobody knows: the same year (or month) at the coarser precision of two of them.

    The first event of each group gets ``order_period`` (a date) and
    ``order_precision`` ("year" or "month"): the page says, before the group,
    that the order within that period is unknown.
    """
    rank = ("year", "month", "day")
    for event in events:
        event.order_period = event.order_precision = None
    groups = {}
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            coarse = min(a.precision, b.precision, key=rank.index)
            key = (a.date.year,) if coarse == "year" else (a.date.year, a.date.month)
            if coarse != "day" and key == ((b.date.year,) if coarse == "year" else (b.date.year, b.date.month)):
                groups.setdefault(key, (a, coarse))
    for first, coarse in groups.values():
        if first.order_precision is None:
            first.order_period, first.order_precision = first.date, coarse
    return events


@cached_for_visitors
def timeline(request):
    events = _mark_unknown_order(list(_published(TimelineEvent)))
    return render(request, "quizzes/timeline.html", {"events": events})


@cached_for_visitors
def glossary(request):
    terms = _published(GlossaryTerm)
    return render(request, "quizzes/glossary.html", {"terms": _sorted_by(terms, "term")})


@cached_for_visitors
def sources(request):
    return render(request, "quizzes/sources.html", {"sources": _sorted_by(Source.objects.published(), "publisher")})
