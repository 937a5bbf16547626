"""The content indexed for the templates: items by slug, and the derived lists several templates share."""

from .chronology import chronological
from .wording import clashes


class Index:
    """Content items by slug, in content order, with the few derived lists templates share."""

    def __init__(self, content):
        self.content = content
        self.departments = {d.key: d for d in content.departments}
        self.duties = {d.key: d for d in content.duties}
        self.events = {e.key: e for e in content.events}
        self.terms = {t.key: t for t in content.terms}
        self.organisations = {o.key: o for o in content.organisations}
        self.decoys = {d.key: d for d in content.decoys}
        # A decoy that reads like a real item (an editor's slip) would call a true fact false: never used.
        self.decoy_departments = [
            d
            for d in content.decoys
            if d.kind == "department" and not any(clashes(d.text, o.name) for o in content.departments)
        ]
        self.decoy_duties = [
            d for d in content.decoys if d.kind == "duty" and not any(clashes(d.text, o.text) for o in content.duties)
        ]
        self.usable_decoys = {d.key for d in [*self.decoy_departments, *self.decoy_duties]}
        self.chronological = chronological(content.events, self.events)  # every known precedence kept
        dates = [e.date for e in content.events]
        dates += [d for o in content.organisations for d in (o.founded_on, o.closed_on) if d]
        self.latest_year = max(dates).year if dates else 0

    def same_listing(self, department):
        return [d for d in self.content.departments if d.listing == department.listing]

    def successor(self):
        """The body that took over the office's duties: still open, founded the year the office closed.

        The office is the organisation with a closing date; if that does not
        single out one successor, successor questions are not asked.
        """
        closed = [o for o in self.content.organisations if o.closed_on]
        if len(closed) != 1:
            return None, None
        office = closed[0]
        found = [
            o
            for o in self.content.organisations
            if o is not office and not o.closed_on and o.founded_on and o.founded_on.year == office.closed_on.year
        ]
        return (office, found[0]) if len(found) == 1 else (office, None)
