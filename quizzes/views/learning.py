"""The learning pages: the office, its departments, duties, timeline, glossary and sources.

Each page makes a fixed number of queries (one per list, sources joined in),
and sorts named lists in the page language's alphabetical order.

Their content is the same for everyone: an anonymous visitor gets the whole page from memory
(``cached_for_visitors``), and anyone else gets the page's content block from each process's
fragment cache, per language and content version, around a header rendered for them. The lists
are built only when that block is rendered, so a cached block costs no query.
"""

from django.shortcuts import render
from django.utils.translation import get_language

from ..generation.chronology import chronological, unknown_order_periods
from ..languages import sort_key_for
from ..models import Department, Duty, GlossaryTerm, Organisation, Source, TimelineEvent
from ..page_cache import cached_for_visitors, content_version, lazy_context


def _render(request, template, build, *names):
    """``template`` with the values ``build()`` returns under ``names``, built on first use."""
    return render(request, template, {**lazy_context(build, *names), "content_version": content_version()})


def _published(model):
    """Published rows whose source is published too (see PublishableQuerySet.published), sources joined in."""
    return model.objects.published().select_related("source")


def _sorted_by(items, attribute):
    key = sort_key_for(get_language())
    return sorted(items, key=lambda item: key(getattr(item, attribute)))


@cached_for_visitors
def overview(request):
    def build():
        organisations = {o.slug: o for o in _published(Organisation).select_related("founding_source")}
        return {
            "office": organisations.pop("ddo", None),
            "organisations": list(organisations.values()),
            "decrees": list(_published(TimelineEvent).filter(decree_number__isnull=False)),
        }

    return _render(request, "quizzes/overview.html", build, "office", "organisations", "decrees")


@cached_for_visitors
def departments(request):
    def build():
        rows = list(_published(Department))
        return {
            "source_departments": _sorted_by([d for d in rows if d.listing == Department.Listing.SOURCE], "name"),
            "official_units": _sorted_by([d for d in rows if d.listing == Department.Listing.OFFICIAL_2019], "name"),
        }

    return _render(request, "quizzes/departments.html", build, "source_departments", "official_units")


@cached_for_visitors
def duties(request):
    def build():
        rows = list(_published(Duty))
        return {
            "office_duties": [d for d in rows if d.holder == Duty.Holder.OFFICE],
            "transferred_duties": [d for d in rows if d.holder == Duty.Holder.TRANSFERRED],
        }

    return _render(request, "quizzes/duties.html", build, "office_duties", "transferred_duties")


def _mark_unknown_order(events):
    """The events in an order that keeps every known precedence, each group whose order nobody knows marked.

    The first event of such a group gets ``order_period`` (a date) and
    ``order_precision`` ("year" or "month"): the page says, before the group,
    that the order within that period is unknown. Events whose order is known
    (by their dates, or because one follows the other, as an appointment
    follows the decree that created the office) are never in such a group.
    """
    ordered = chronological(events)
    unknown = unknown_order_periods(ordered)
    for event in ordered:
        event.order_precision = unknown.get(event.slug)
        event.order_period = event.date if event.order_precision else None
    return ordered


@cached_for_visitors
def timeline(request):
    def build():
        return {"events": _mark_unknown_order(list(_published(TimelineEvent).select_related("follows")))}

    return _render(request, "quizzes/timeline.html", build, "events")


@cached_for_visitors
def glossary(request):
    def build():
        return {"terms": _sorted_by(_published(GlossaryTerm), "term")}

    return _render(request, "quizzes/glossary.html", build, "terms")


@cached_for_visitors
def sources(request):
    def build():
        return {"sources": _sorted_by(Source.objects.published(), "publisher")}

    return _render(request, "quizzes/sources.html", build, "sources")
