"""Templates on the timeline: when events happened, in which order, by which decree, and the organisations.

A template is skipped for an event whose title would give the answer away
(its title contains the year asked about).
"""

from ..question_types import ORDERING, SINGLE, TRUE_FALSE, YEAR
from ..values import EDITORIAL, SOURCED, Text
from .chronology import chronological, order
from .questions import OPTIONS, question, single, source_of, truefalse, two_of
from .registry import template
from .wording import EN_MONTHS, TR_MONTHS, bare, clashes, date_text, quote, standalone, the
from .years import wrong_years, year_options


def _title_names_year(event, year):
    pattern = standalone(year)
    return bool(pattern.search(event.title.tr) or pattern.search(event.title.en))


def _event_explanation(event):
    when = date_text(event.date, event.precision)
    return Text(f"{when.tr}: {bare(event.title.tr)}", f"{when.en}: {bare(event.title.en)}")


def _said_by(event):
    """Who says it, after a dated line of an explanation about several events: each names its own source."""
    ((basis, source),) = source_of(event)
    if basis == SOURCED:
        return Text(f" [kaynak: {source['publisher']}]", f" [source: {source['publisher']}]")
    return Text(" [bizim açıklamamız]", " [our explanation]")


def _attributed(event):
    line, said = _event_explanation(event), _said_by(event)
    return Text(line.tr + said.tr, line.en + said.en)


def _event_subjects(condition=lambda e: True):
    return lambda ix: [(e.key,) for e in ix.content.events if condition(e)]


@template("event_year", YEAR, "timeline", "medium", ["event"], _event_subjects())
def _event_year(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or _title_names_year(e, e.date.year):
        return None
    options = year_options(rng, ix, e.date.year)
    title = quote(e.title)
    return question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"year:{e.date.year}",
        Text(f"Şu olay hangi yılda gerçekleşti: {title.tr}?", f"In which year did this happen: {title.en}?"),
        _event_explanation(e),
        source_of(e),
    )


@template("event_month", SINGLE, "timeline", "hard", ["event"], _event_subjects(lambda e: e.precision != "year"))
def _event_month(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or e.precision == "year":
        return None
    month = e.date.month
    others = rng.sample([m for m in range(1, 13) if m != month], OPTIONS - 1)
    options = [
        {"key": f"month:{m:02d}", "text": {"tr": TR_MONTHS[m - 1], "en": EN_MONTHS[m - 1]}} for m in [month, *others]
    ]
    rng.shuffle(options)
    title = quote(e.title)
    return question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"month:{month:02d}",
        Text(
            f"Şu olay {e.date.year} yılının hangi ayında gerçekleşti: {title.tr}?",
            f"In which month of {e.date.year} did this happen: {title.en}?",
        ),
        _event_explanation(e),
        source_of(e),
    )


@template("year_event", SINGLE, "timeline", "medium", ["event"], _event_subjects())
def _year_event(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or _title_names_year(e, e.date.year):
        return None
    candidates = [
        (f"event:{o.key}", o.title)
        for o in ix.content.events
        if o.date.year != e.date.year and not _title_names_year(o, e.date.year)
    ]
    # No two options of one year: the question would have two answers or a give-away.
    options = single(rng, (f"event:{e.key}", e.title), candidates, group=lambda key: ix.events[key[6:]].date.year)
    if options is None:
        return None
    return question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"event:{e.key}",
        Text(
            f"Aşağıdakilerden hangisi {e.date.year} yılında gerçekleşti?", f"Which of these happened in {e.date.year}?"
        ),
        _event_explanation(e),
        source_of(e),
    )


def _ordered(ix, a, b):
    """-1/1 when ``a`` is surely before/after ``b`` (by their dates, or an event's known predecessor), else 0."""
    return order(a, b, ix.events)


def _pair_subjects(ix, companions=3):
    """Each event with the next few events it can be told apart from, as sorted pairs."""
    found = []
    events = ix.chronological
    for i, a in enumerate(events):
        taken = 0
        for b in events[i + 1 :]:
            if taken == companions:
                break
            if _ordered(ix, a, b) and not clashes(a.title, b.title):
                found.append(tuple(sorted((a.key, b.key))))
                taken += 1
    return found


@template("first_of_two", SINGLE, "timeline", "medium", ["event", "event"], _pair_subjects)
def _first_of_two(t, ix, slugs, rng):
    a, b = two_of(ix.events, slugs)
    if a is None or not _ordered(ix, a, b) or clashes(a.title, b.title):
        return None
    first, second = (a, b) if _ordered(ix, a, b) < 0 else (b, a)
    options = [{"key": f"event:{e.key}", "text": e.title.as_dict()} for e in (a, b)]
    rng.shuffle(options)
    one, two = _attributed(first), _attributed(second)
    return question(
        t,
        slugs,
        f"event:{first.key}",
        options,
        f"event:{first.key}",
        Text("Bu iki olaydan hangisi daha önce gerçekleşti?", "Which of these two events happened first?"),
        Text(f"Önce {one.tr}; sonra {two.tr}", f"First {one.en}; then {two.en}"),
        source_of(first) + source_of(second),
    )


def _four_subjects(ix):
    """From each event on, the next events it can be told apart from, four at a time."""
    found = []
    events = ix.chronological
    for i in range(len(events)):
        chosen = [events[i]]
        for e in events[i + 1 :]:
            if len(chosen) == 4:
                break
            if all(_ordered(ix, c, e) for c in chosen) and not any(clashes(c.title, e.title) for c in chosen):
                chosen.append(e)
        if len(chosen) == 4:
            group = tuple(e.key for e in chosen)
            if group not in found:
                found.append(group)
    return found


@template("order_four", ORDERING, "timeline", "hard", ["event"], _four_subjects)
def _order_four(t, ix, slugs, rng):
    events = [ix.events.get(s) for s in slugs]
    if len(events) != 4 or None in events or len(set(slugs)) != 4:
        return None
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if not _ordered(ix, a, b) or clashes(a.title, b.title):
                return None
    in_order = chronological(events, ix.events)
    options = [{"key": f"event:{e.key}", "text": e.title.as_dict()} for e in events]
    while True:
        rng.shuffle(options)
        if [o["key"] for o in options] != [f"event:{e.key}" for e in in_order]:
            break
    lines = [_attributed(e) for e in in_order]
    return question(
        t,
        slugs,
        f"event:{in_order[0].key}",
        options,
        [f"event:{e.key}" for e in in_order],
        Text(
            "Şu olayları eskiden yeniye doğru sıralayın.",
            "Put these events in order, from the earliest to the latest.",
        ),
        Text("; ".join(line.tr for line in lines), "; ".join(line.en for line in lines)),
        sum((source_of(e) for e in in_order), ()),
    )


def _redact(text, number):
    pattern = standalone(number)
    return Text(pattern.sub("…", text.tr), pattern.sub("…", text.en))


@template(
    "decree_number", SINGLE, "timeline", "hard", ["event"], _event_subjects(lambda e: e.decree_number is not None)
)
def _decree_number(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or e.decree_number is None:
        return None
    number = e.decree_number
    real = sorted({o.decree_number for o in ix.content.events if o.decree_number and o.decree_number != number})
    near = [n for n in range(max(1, number - 6), number + 7) if n != number and n not in real]
    distractors = rng.sample(real, min(2, len(real)))
    distractors += rng.sample(near, OPTIONS - 1 - len(distractors))
    options = [{"key": f"decree:{n}", "text": {"tr": f"{n} sayılı", "en": f"No. {n}"}} for n in [number, *distractors]]
    rng.shuffle(options)
    title = quote(_redact(e.title, number))
    when = date_text(e.date, e.precision)
    return question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"decree:{number}",
        Text(
            f"{when.tr} tarihli şu olaydaki Cumhurbaşkanlığı Kararnamesinin sayısı neydi: {title.tr}?",
            f"What was the number of the Presidential Decree in this event of {when.en}: {title.en}?",
        ),
        Text(
            f"{number} sayılı Cumhurbaşkanlığı Kararnamesi. {_event_explanation(e).tr}",
            f"Presidential Decree No. {number}. {_event_explanation(e).en}",
        ),
        source_of(e),
    )


def _year_statement(t, ix, slugs, truth):
    """True/false: "<event> happened in <its year>" (true) or "... in <another event's year>" (false)."""
    e = ix.events.get(slugs[0])
    if e is None or _title_names_year(e, e.date.year):
        return None
    year = e.date.year if truth else wrong_years(ix, lambda o: not _title_names_year(o, o.date.year))[e.key]
    if _title_names_year(e, year):
        return None
    title = quote(e.title)
    verdict = Text("Doğru", "True") if truth else Text("Yanlış", "False")
    return truefalse(
        t,
        slugs,
        f"event:{e.key}",
        truth,
        Text(
            f"Şu olay {year} yılında gerçekleşti: {title.tr}. Doğru mu, yanlış mı?",
            f"This happened in {year}: {title.en}. True or false?",
        ),
        Text(f"{verdict.tr}. {_event_explanation(e).tr}", f"{verdict.en}. {_event_explanation(e).en}"),
        source_of(e),
    )


@template("tf_event_year", TRUE_FALSE, "timeline", "easy", ["event"], _event_subjects())
def _tf_event_year(t, ix, slugs, rng):
    return _year_statement(t, ix, slugs, True)


@template("tf_wrong_year", TRUE_FALSE, "timeline", "medium", ["event"], _event_subjects())
def _tf_wrong_year(t, ix, slugs, rng):
    return _year_statement(t, ix, slugs, False)


# Organisations ------------------------------------------------------------------------


def _successor_subjects(ix):
    _, successor = ix.successor()
    return [(successor.key,)] if successor else []


@template("successor", SINGLE, "timeline", "medium", ["organisation"], _successor_subjects)
def _successor(t, ix, slugs, rng):
    office, successor = ix.successor()
    if successor is None or successor.key != slugs[0]:
        return None
    # Never the closed office itself: it did not take over its own duties.
    candidates = [
        (f"organisation:{o.key}", o.name) for o in ix.content.organisations if o is not successor and o is not office
    ]
    options = single(rng, (f"organisation:{successor.key}", successor.name), candidates)
    if options is None:
        return None
    year = office.closed_on.year
    return question(
        t,
        slugs,
        f"organisation:{successor.key}",
        options,
        f"organisation:{successor.key}",
        Text(
            f"{year} yılında {office.name.tr} kapatıldığında görevlerini hangi kurum devraldı?",
            f"When {the(office.name.en)} was closed in {year}, which body took over its duties?",
        ),
        Text(
            f"{successor.name.tr} ({successor.short_name.tr}): {successor.summary.tr}",
            f"{successor.name.en} ({successor.short_name.en}): {successor.summary.en}",
        ),
        source_of(successor),
    )


@template(
    "org_founded",
    YEAR,
    "timeline",
    "hard",
    ["organisation"],
    lambda ix: [(o.key,) for o in ix.content.organisations if o.founded_on],
)
def _org_founded(t, ix, slugs, rng):
    o = ix.organisations.get(slugs[0])
    if o is None or o.founded_on is None:
        return None
    year = o.founded_on.year
    if standalone(year).search(o.name.tr + " " + o.name.en):
        return None
    options = year_options(rng, ix, year)
    name = quote(o.name)
    return question(
        t,
        slugs,
        f"organisation:{o.key}",
        options,
        f"year:{year}",
        Text(f"{name.tr} hangi yılda kuruldu?", f"In which year was {the(bare(o.name.en))} founded?"),
        Text(
            f"{bare(o.name.tr)}: {year} yılında kuruldu.",
            f"{bare(o.name.en)}: founded in {year}.",
        ),
        # The founding date rests on the source that states it, not on the one the summary cites.
        source_of(o, source=o.founding_source) if o.founding_source else ((EDITORIAL, None),),
    )
