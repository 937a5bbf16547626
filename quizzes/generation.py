"""Pure quiz generation: published content + settings + a seed in, questions out.

Nobody writes questions by hand. Each *template* below turns one or a few
content items into a question; a question's key is ``<template>:<slugs>``
(several slugs joined by ``+``), which is enough to rebuild it from today's
content (``generate_from_keys``). The same content, settings and seed always
give the same questions: all randomness comes from one ``random.Random(seed)``
and every collection is walked in a fixed order.

Templates (type, topic, difficulty):

============== ========== =========== ========== ==========================================
template       type       topic       difficulty asks
============== ========== =========== ========== ==========================================
dept_focus     single     departments medium     which department focused on X
dept_of_focus  single     departments medium     what did department Y focus on
dept_is        single     departments easy       which of these was one of its departments
dept_is_not    single     departments medium     which of these was NOT (answer: a decoy)
tf_dept        truefalse  departments easy       "Y was one of its departments" (true)
tf_decoy_dept  truefalse  departments easy       "<decoy> was one of its departments" (false)
tf_focus       truefalse  departments medium     "Y focused on X" (true)
tf_focus_swap  truefalse  departments hard       "Y focused on <another's focus>" (false)
match_focus    matching   departments hard       match 3–4 departments to their focus
duty_is        single     duties      easy       which of these was one of its duties
duty_is_not    single     duties      medium     which of these was NOT (answer: a decoy)
duty_passed    single     duties      hard       which of these duties passed on in 2025
tf_duty        truefalse  duties      easy       "D was one of its duties" (true)
tf_decoy_duty  truefalse  duties      easy       "<decoy> was one of its duties" (false)
event_year     year       timeline    medium     in which year did event X happen
event_month    single     timeline    hard       in which month (month or day precision)
year_event     single     timeline    medium     what happened in year Y
first_of_two   single     timeline    medium     which of two events came first
order_four     ordering   timeline    hard       put four events in order
decree_number  single     timeline    hard       which decree number (event's title redacted)
tf_event_year  truefalse  timeline    easy       "X happened in <its year>" (true)
tf_wrong_year  truefalse  timeline    medium     "X happened in <another year>" (false)
successor      single     timeline    medium     which body took over the office's duties in 2025
org_founded    year       timeline    hard       in which year was organisation O founded
term_tr_en     single     glossary    easy       the English for a Turkish term
term_en_tr     single     glossary    medium     the Turkish for an English term
term_meaning   single     glossary    medium     which term a definition describes
tf_term        truefalse  glossary    easy       "the English for T is E" (true)
tf_term_swap   truefalse  glossary    medium     "the English for T is <another term's English>" (false)
============== ========== =========== ========== ==========================================

Truth: a decoy (a department or duty the office never had) only ever appears
as a wrong option or as a false statement, never as an answer that claims it
is true. Duties the source says passed to the Cyber Security Presidency in
2025 were the office's duties until then, so they count as its duties
("was one of its duties", past tense) and also feed ``duty_passed``. Facts of
"source only" confidence, and the five departments as the source lists them,
are asked "according to the source". A template is skipped for an item when
the content lacks enough distinct distractors (a single-choice question needs
at least three options), or when the event's title would give the answer away
(its title contains the year asked about).
"""

import functools
import re
from dataclasses import dataclass
from random import Random

from .languages import turkish_lower, turkish_upper
from .values import Text

TOPICS = ("departments", "duties", "timeline", "glossary")
DIFFICULTIES = ("easy", "medium", "hard")
OPTIONS = 4  # options of a single-choice question, the answer included
MIN_OPTIONS = 3
PREVIEW_SEED = 0

TR_MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
TRUE_FALSE = (
    {"key": "true", "text": {"tr": "Doğru", "en": "True"}},
    {"key": "false", "text": {"tr": "Yanlış", "en": "False"}},
)
OFFICE = Text("Cumhurbaşkanlığı Dijital Dönüşüm Ofisi", "the Presidential Digital Transformation Office")
OFFICE_OF = Text("Cumhurbaşkanlığı Dijital Dönüşüm Ofisinin", "the Presidential Digital Transformation Office's")
SUCCESSOR = Text("Siber Güvenlik Başkanlığı", "the Cyber Security Presidency")
ACCORDING = Text("Kaynağa göre ", "According to the source, ")


@dataclass(frozen=True)
class QuizSettings:
    topic: str  # one of TOPICS, or "mixed"
    length: int
    difficulty: str = "any"  # one of DIFFICULTIES, or "any"


# --- Text helpers ------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _fold(text, language):
    """Text compared case-insensitively, Turkish-aware for Turkish."""
    text = " ".join(text.split())
    return turkish_lower(text) if language == "tr" else text.casefold()


def _clashes(a, b):
    """True when two texts read the same in either language."""
    return _fold(a.tr, "tr") == _fold(b.tr, "tr") or _fold(a.en, "en") == _fold(b.en, "en")


def _bare(text):
    """Text to embed in a sentence: without the full stop a sentence of its own would end with."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _quote(text):
    return Text(f"“{_bare(text.tr)}”", f"“{_bare(text.en)}”")


def _date_text(date, precision):
    """A date as precise as the content knows it, in both languages."""
    if precision == "day":
        return Text(
            f"{date.day} {TR_MONTHS[date.month - 1]} {date.year}", f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"
        )
    if precision == "month":
        return Text(f"{TR_MONTHS[date.month - 1]} {date.year}", f"{EN_MONTHS[date.month - 1]} {date.year}")
    return Text(str(date.year), str(date.year))


def _same_text(value):
    return Text(value, value)


def _according(confident):
    """The "according to the source" lead-in for facts only the source states."""
    return Text("", "") if confident else ACCORDING


def _capitalise(text, language):
    first = turkish_upper(text[:1]) if language == "tr" else text[:1].upper()
    return first + text[1:]


def _lead(prefix, tr, en):
    """A sentence with an optional lead-in; it starts with a capital when the lead-in is empty."""
    return Text(
        f"{prefix.tr}{tr}" if prefix.tr else _capitalise(tr, "tr"),
        f"{prefix.en}{en}" if prefix.en else _capitalise(en, "en"),
    )


def _sentence(text):
    """Text ending like a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "”", ")")) else f"{text}."


def _the(name):
    """An English name with the article a sentence needs ("the Department of ..."), unless it has one."""
    return name if name.casefold().startswith("the ") else f"the {name}"


# --- The content, indexed ------------------------------------------------------


class _Index:
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
            if d.kind == "department" and not any(_clashes(d.text, o.name) for o in content.departments)
        ]
        self.decoy_duties = [
            d for d in content.decoys if d.kind == "duty" and not any(_clashes(d.text, o.text) for o in content.duties)
        ]
        self.usable_decoys = {d.key for d in [*self.decoy_departments, *self.decoy_duties]}
        self.chronological = sorted(content.events, key=lambda e: (e.date, e.key))
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


def _source(item):
    source = getattr(item, "source", None)
    return source.as_dict() if source else None


def _compatible(answer, candidates, group):
    """Candidates, in the order given, that can stand together beside the answer.

    None reads like the answer or an earlier one (in either language), and no
    two share a group (e.g. the year of an event).
    """
    chosen = []
    keys = {answer[0]}
    seen_tr, seen_en = {_fold(answer[1].tr, "tr")}, {_fold(answer[1].en, "en")}
    taken = {group(answer[0])} if group else set()
    for key, text in candidates:
        tr, en = _fold(text.tr, "tr"), _fold(text.en, "en")
        if key in keys or tr in seen_tr or en in seen_en:
            continue
        if group:
            if group(key) in taken:
                continue
            taken.add(group(key))
        keys.add(key)
        seen_tr.add(tr)
        seen_en.add(en)
        chosen.append((key, text))
    return chosen


def _single(rng, answer, candidates, minimum=MIN_OPTIONS, group=None):
    """Shuffled options for a single-choice question, or None when there are too few distractors.

    Whether there are enough is decided on the candidates in content order, so
    it never depends on the seed (a key always rebuilds); which ones appear does.
    """
    enough = _compatible(answer, candidates, group)
    if len(enough) + 1 < minimum:
        return None
    shuffled = list(candidates)
    rng.shuffle(shuffled)
    distractors = _compatible(answer, shuffled, group)[: OPTIONS - 1]
    if len(distractors) < min(OPTIONS - 1, len(enough)):
        distractors = rng.sample(enough, min(OPTIONS - 1, len(enough)))
    options = [answer, *distractors]
    rng.shuffle(options)
    return [{"key": key, "text": text.as_dict()} for key, text in options]


def _question(template, slugs, item, options, answer, prompt, explanation, source, targets=()):
    return {
        "key": f"{template.name}:{'+'.join(slugs)}",
        "template": template.name,
        "item": item,
        "type": template.type,
        "topic": template.topic,
        "difficulty": template.difficulty,
        "prompt": prompt.as_dict(),
        "options": list(options),
        "targets": list(targets),
        "answer": answer,
        "explanation": {"tr": _sentence(explanation.tr), "en": _sentence(explanation.en)},
        "source": source,
    }


def _truefalse(template, slugs, item, truth, prompt, explanation, source):
    return _question(
        template, slugs, item, [dict(o) for o in TRUE_FALSE], "true" if truth else "false", prompt, explanation, source
    )


# --- Templates -------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    name: str
    type: str
    topic: str
    difficulty: str
    kinds: tuple  # the item kind of each slug in the key ("event" alone: every slug is an event)
    subjects: object  # (index) -> list of slug tuples it may ask about
    build: object  # (template, index, slugs, rng) -> question or None

    def refs(self, slugs):
        kinds = self.kinds if len(self.kinds) == len(slugs) else self.kinds[:1] * len(slugs)
        return [f"{kind}:{slug}" for kind, slug in zip(kinds, slugs, strict=True)]


TEMPLATES = {}


def template(name, type, topic, difficulty, kinds, subjects):
    def register(build):
        TEMPLATES[name] = Template(name, type, topic, difficulty, tuple(kinds), subjects, build)
        return build

    return register


def _one_each(items):
    return lambda ix: [(item.key,) for item in getattr(ix.content, items)]


def _department_confident(department):
    return department.listing != "source" and department.confidence != "source_only"


def _department_list_lead(department):
    """How a department question names the list it rests on."""
    if department.listing == "official_2019":
        return Text(
            "2019 resmî teşkilat şemasına göre ", "According to the office's official 2019 organisation chart, "
        )
    return _according(_department_confident(department))


# Departments ---------------------------------------------------------------------


@template("dept_focus", "single", "departments", "medium", ["department"], _one_each("departments"))
def _dept_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    # Departments of the other listing may share a focus, so only the same list and decoys compete.
    # A department with the same focus would be a second right answer.
    candidates = [
        (f"department:{o.key}", o.name) for o in ix.same_listing(d) if o.key != d.key and not _clashes(o.focus, d.focus)
    ]
    candidates += [(f"decoy:{o.key}", o.text) for o in ix.decoy_departments]
    options = _single(rng, (f"department:{d.key}", d.name), candidates)
    if options is None:
        return None
    lead = _according(_department_confident(d))
    focus = _quote(d.focus)
    return _question(
        t,
        slugs,
        f"department:{d.key}",
        options,
        f"department:{d.key}",
        _lead(
            lead,
            f"aşağıdaki dairelerden hangisi şu alana odaklanıyordu: {focus.tr}?",
            f"which of these departments focused on {focus.en}?",
        ),
        Text(
            f"{_bare(d.name.tr)} — odak alanı: {_bare(d.focus.tr)}", f"{_bare(d.name.en)} — focus: {_bare(d.focus.en)}"
        ),
        _source(d),
    )


@template("dept_of_focus", "single", "departments", "medium", ["department"], _one_each("departments"))
def _dept_of_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    candidates = [(f"focus:{o.key}", o.focus) for o in ix.same_listing(d) if o.key != d.key]
    options = _single(rng, (f"focus:{d.key}", d.focus), candidates)
    if options is None:
        return None
    lead = _according(_department_confident(d))
    name = _quote(d.name)
    return _question(
        t,
        slugs,
        f"department:{d.key}",
        options,
        f"focus:{d.key}",
        _lead(lead, f"{name.tr} hangi alana odaklanıyordu?", f"what did {name.en} focus on?"),
        Text(
            f"{_bare(d.name.tr)} — odak alanı: {_bare(d.focus.tr)}", f"{_bare(d.name.en)} — focus: {_bare(d.focus.en)}"
        ),
        _source(d),
    )


@template("dept_is", "single", "departments", "easy", ["department"], _one_each("departments"))
def _dept_is(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    candidates = [(f"decoy:{o.key}", o.text) for o in ix.decoy_departments]
    options = _single(rng, (f"department:{d.key}", d.name), candidates)
    if options is None:
        return None
    return _question(
        t,
        slugs,
        f"department:{d.key}",
        options,
        f"department:{d.key}",
        _lead(
            _department_list_lead(d),
            f"aşağıdakilerden hangisi {OFFICE_OF.tr} dairelerinden biriydi?",
            f"which of these was one of {OFFICE_OF.en} departments?",
        ),
        Text(
            f"{_bare(d.name.tr)}, {OFFICE_OF.tr} dairelerinden biriydi. "
            "Diğer seçenekler Ofisin hiç sahip olmadığı birimlerdir.",
            f"{_capitalise(_the(d.name.en), 'en')} was one of the office's departments. "
            "The other options are units it never had.",
        ),
        _source(d),
    )


def _decoy_subjects(kind):
    return lambda ix: [(d.key,) for d in ix.content.decoys if d.kind == kind]


@template("dept_is_not", "single", "departments", "medium", ["decoy"], _decoy_subjects("department"))
def _dept_is_not(t, ix, slugs, rng):
    decoy = ix.decoys.get(slugs[0])
    if decoy is None or decoy.kind != "department" or decoy.key not in ix.usable_decoys:
        return None
    candidates = [(f"department:{d.key}", d.name) for d in ix.content.departments]
    options = _single(rng, (f"decoy:{decoy.key}", decoy.text), candidates)
    if options is None:
        return None
    return _question(
        t,
        slugs,
        f"decoy:{decoy.key}",
        options,
        f"decoy:{decoy.key}",
        Text(
            f"Aşağıdakilerden hangisi {OFFICE_OF.tr} dairelerinden biri değildi?",
            f"Which of these was never one of {OFFICE_OF.en} departments?",
        ),
        Text(
            f"{_bare(decoy.text.tr)}: Ofisin böyle bir dairesi yoktu; diğerleri Ofisin daireleriydi.",
            f"{_bare(decoy.text.en)}: the office never had such a department; the others were its departments.",
        ),
        None,
    )


@template("tf_dept", "truefalse", "departments", "easy", ["department"], _one_each("departments"))
def _tf_dept(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    return _truefalse(
        t,
        slugs,
        f"department:{d.key}",
        True,
        _lead(
            _department_list_lead(d),
            f"{_quote(d.name).tr}, {OFFICE_OF.tr} dairelerinden biriydi. Doğru mu, yanlış mı?",
            f"{_quote(d.name).en} was one of {OFFICE_OF.en} departments. True or false?",
        ),
        Text(
            f"Doğru: {_bare(d.name.tr)} Ofisin dairelerinden biriydi.",
            f"True: {_the(d.name.en)} was one of the office's departments.",
        ),
        _source(d),
    )


@template("tf_decoy_dept", "truefalse", "departments", "easy", ["decoy"], _decoy_subjects("department"))
def _tf_decoy_dept(t, ix, slugs, rng):
    decoy = ix.decoys.get(slugs[0])
    if decoy is None or decoy.kind != "department" or decoy.key not in ix.usable_decoys:
        return None
    return _truefalse(
        t,
        slugs,
        f"decoy:{decoy.key}",
        False,
        Text(
            f"{_quote(decoy.text).tr}, {OFFICE_OF.tr} dairelerinden biriydi. Doğru mu, yanlış mı?",
            f"{_quote(decoy.text).en} was one of {OFFICE_OF.en} departments. True or false?",
        ),
        Text(
            f"Yanlış: Ofisin böyle bir dairesi yoktu ({_bare(decoy.text.tr)}).",
            f"False: the office never had such a department ({_bare(decoy.text.en)}).",
        ),
        None,
    )


@template("tf_focus", "truefalse", "departments", "medium", ["department"], _one_each("departments"))
def _tf_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    return _truefalse(
        t,
        slugs,
        f"department:{d.key}",
        True,
        _lead(
            _according(_department_confident(d)),
            f"{_quote(d.name).tr} şu alana odaklanıyordu: {_quote(d.focus).tr}. Doğru mu, yanlış mı?",
            f"{_quote(d.name).en} focused on {_quote(d.focus).en}. True or false?",
        ),
        Text(
            f"Doğru. {_bare(d.name.tr)} — odak alanı: {_bare(d.focus.tr)}",
            f"True. {_bare(d.name.en)} — focus: {_bare(d.focus.en)}",
        ),
        _source(d),
    )


def _swap_subjects(ix):
    """Each department paired with the next one of its list (the focus it is wrongly given)."""
    found = []
    for d in ix.content.departments:
        peers = ix.same_listing(d)
        if len(peers) > 1:
            other = peers[(peers.index(d) + 1) % len(peers)]
            found.append((d.key, other.key))
    return found


@template("tf_focus_swap", "truefalse", "departments", "hard", ["department", "department"], _swap_subjects)
def _tf_focus_swap(t, ix, slugs, rng):
    if len(slugs) != 2:
        return None
    d, other = ix.departments.get(slugs[0]), ix.departments.get(slugs[1])
    if d is None or other is None or d.key == other.key or _clashes(d.focus, other.focus):
        return None
    return _truefalse(
        t,
        slugs,
        f"department:{d.key}",
        False,
        _lead(
            _according(_department_confident(d)),
            f"{_quote(d.name).tr} şu alana odaklanıyordu: {_quote(other.focus).tr}. Doğru mu, yanlış mı?",
            f"{_quote(d.name).en} focused on {_quote(other.focus).en}. True or false?",
        ),
        Text(
            f"Yanlış. {_bare(d.name.tr)} — odak alanı: {_bare(d.focus.tr)}. "
            f"Verilen alan şu dairenindi: {_bare(other.name.tr)}.",
            f"False. {_bare(d.name.en)} — focus: {_bare(d.focus.en)}. "
            f"The focus given was that of {_the(_bare(other.name.en))}.",
        ),
        _source(d),
    )


def _groups(items, size):
    """Overlapping groups of ``size`` consecutive items (cyclic), one starting at each item, without repeats."""
    if len(items) < size:
        return []
    found = []
    for start in range(len(items)):
        group = tuple(sorted(items[(start + i) % len(items)] for i in range(size)))
        if group not in found:
            found.append(group)
    return found


def _match_subjects(ix):
    found = []
    for listing in dict.fromkeys(d.listing for d in ix.content.departments):
        keys = [d.key for d in ix.content.departments if d.listing == listing]
        found += _groups(keys, min(4, len(keys))) if len(keys) >= 3 else []
    return found


@template("match_focus", "matching", "departments", "hard", ["department"], _match_subjects)
def _match_focus(t, ix, slugs, rng):
    departments = [ix.departments.get(s) for s in slugs]
    if not 3 <= len(departments) <= 4 or None in departments or len(set(slugs)) != len(slugs):
        return None
    if len({d.listing for d in departments}) != 1:
        return None
    for i, a in enumerate(departments):
        for b in departments[i + 1 :]:
            if _clashes(a.name, b.name) or _clashes(a.focus, b.focus):
                return None
    left = [{"key": f"department:{d.key}", "text": d.name.as_dict()} for d in departments]
    right = [{"key": f"focus:{d.key}", "text": d.focus.as_dict()} for d in departments]
    rng.shuffle(left)
    rng.shuffle(right)
    first = departments[0]
    return _question(
        t,
        slugs,
        f"department:{first.key}",
        left,
        {f"department:{d.key}": f"focus:{d.key}" for d in departments},
        _lead(
            _according(all(_department_confident(d) for d in departments)),
            "her daireyi odaklandığı alanla eşleştirin.",
            "match each department to what it focused on.",
        ),
        Text(
            " ".join(f"{_bare(d.name.tr)} — {_bare(d.focus.tr)}." for d in departments),
            " ".join(f"{_bare(d.name.en)} — {_bare(d.focus.en)}." for d in departments),
        ),
        _source(first),
        targets=right,
    )


# Duties ------------------------------------------------------------------------------


def _duty_note(duty):
    if duty.holder == "transferred":
        return Text(f" Bu görev 2025'te {SUCCESSOR.tr}na geçti.", f" This duty passed to {SUCCESSOR.en} in 2025.")
    return Text("", "")


@template("duty_is", "single", "duties", "easy", ["duty"], _one_each("duties"))
def _duty_is(t, ix, slugs, rng):
    d = ix.duties.get(slugs[0])
    if d is None:
        return None
    options = _single(rng, (f"duty:{d.key}", d.text), [(f"decoy:{o.key}", o.text) for o in ix.decoy_duties])
    if options is None:
        return None
    note = _duty_note(d)
    return _question(
        t,
        slugs,
        f"duty:{d.key}",
        options,
        f"duty:{d.key}",
        _lead(
            _according(d.confidence != "source_only"),
            f"aşağıdakilerden hangisi {OFFICE_OF.tr} görevlerinden biriydi?",
            f"which of these was one of {OFFICE_OF.en} duties?",
        ),
        Text(
            f"Ofisin görevlerinden biri: {_bare(d.text.tr)}.{note.tr} "
            "Diğer seçenekler Ofisin hiç üstlenmediği işlerdir.",
            f"One of the office's duties: {_bare(d.text.en)}.{note.en} The other options are tasks it never held.",
        ),
        _source(d),
    )


@template("duty_is_not", "single", "duties", "medium", ["decoy"], _decoy_subjects("duty"))
def _duty_is_not(t, ix, slugs, rng):
    decoy = ix.decoys.get(slugs[0])
    if decoy is None or decoy.kind != "duty" or decoy.key not in ix.usable_decoys:
        return None
    options = _single(rng, (f"decoy:{decoy.key}", decoy.text), [(f"duty:{d.key}", d.text) for d in ix.content.duties])
    if options is None:
        return None
    return _question(
        t,
        slugs,
        f"decoy:{decoy.key}",
        options,
        f"decoy:{decoy.key}",
        Text(
            f"Aşağıdakilerden hangisi {OFFICE_OF.tr} görevlerinden biri değildi?",
            f"Which of these was never one of {OFFICE_OF.en} duties?",
        ),
        Text(
            f"Ofis şu görevi hiç üstlenmedi: {_bare(decoy.text.tr)}. Diğerleri Ofisin görevleriydi.",
            f"The office never held this duty: {_bare(decoy.text.en)}. The others were its duties.",
        ),
        None,
    )


@template(
    "duty_passed",
    "single",
    "duties",
    "hard",
    ["duty"],
    lambda ix: [(d.key,) for d in ix.content.duties if d.holder == "transferred"],
)
def _duty_passed(t, ix, slugs, rng):
    d = ix.duties.get(slugs[0])
    if d is None or d.holder != "transferred":
        return None
    # Only decoys compete: the office's other duties also went with its closure, so they are not safe wrong answers.
    options = _single(rng, (f"duty:{d.key}", d.text), [(f"decoy:{o.key}", o.text) for o in ix.decoy_duties])
    if options is None:
        return None
    return _question(
        t,
        slugs,
        f"duty:{d.key}",
        options,
        f"duty:{d.key}",
        Text(
            f"Kaynağa göre {OFFICE_OF.tr} aşağıdaki görevlerinden hangisi 2025'te {SUCCESSOR.tr}na geçti?",
            f"According to the source, which of these duties of the office passed to {SUCCESSOR.en} in 2025?",
        ),
        Text(
            f"Bu görev 2025'te {SUCCESSOR.tr}na geçti: {_bare(d.text.tr)}. "
            "Diğer seçenekler Ofisin hiç üstlenmediği işlerdir.",
            f"This duty passed to {SUCCESSOR.en} in 2025: {_bare(d.text.en)}. "
            "The other options are tasks the office never held.",
        ),
        _source(d),
    )


@template("tf_duty", "truefalse", "duties", "easy", ["duty"], _one_each("duties"))
def _tf_duty(t, ix, slugs, rng):
    d = ix.duties.get(slugs[0])
    if d is None:
        return None
    note = _duty_note(d)
    return _truefalse(
        t,
        slugs,
        f"duty:{d.key}",
        True,
        _lead(
            _according(d.confidence != "source_only"),
            f"şu iş {OFFICE_OF.tr} görevlerinden biriydi: {_quote(d.text).tr}. Doğru mu, yanlış mı?",
            f"this was one of {OFFICE_OF.en} duties: {_quote(d.text).en}. True or false?",
        ),
        Text(
            f"Doğru: bu, Ofisin görevlerinden biriydi.{note.tr}", f"True: this was one of the office's duties.{note.en}"
        ),
        _source(d),
    )


@template("tf_decoy_duty", "truefalse", "duties", "easy", ["decoy"], _decoy_subjects("duty"))
def _tf_decoy_duty(t, ix, slugs, rng):
    decoy = ix.decoys.get(slugs[0])
    if decoy is None or decoy.kind != "duty" or decoy.key not in ix.usable_decoys:
        return None
    return _truefalse(
        t,
        slugs,
        f"decoy:{decoy.key}",
        False,
        Text(
            f"Şu iş {OFFICE_OF.tr} görevlerinden biriydi: {_quote(decoy.text).tr}. Doğru mu, yanlış mı?",
            f"This was one of {OFFICE_OF.en} duties: {_quote(decoy.text).en}. True or false?",
        ),
        Text("Yanlış: Ofis böyle bir görevi hiç üstlenmedi.", "False: the office never held such a duty."),
        None,
    )


# Timeline ------------------------------------------------------------------------------


def _title_names_year(event, year):
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    return bool(pattern.search(event.title.tr) or pattern.search(event.title.en))


def _event_explanation(event):
    when = _date_text(event.date, event.precision)
    return Text(f"{when.tr}: {_bare(event.title.tr)}", f"{when.en}: {_bare(event.title.en)}")


def _years_near(rng, year, count, latest):
    """``count`` distinct years near ``year``, from a six-year window placed at random around it.

    Placing the window at random keeps the answer from always being the middle
    option; the window never passes ``latest`` (the content's last year), so
    no option is a year the story has not reached.
    """
    start = min(year - rng.randint(0, 5), max(latest, year) - 5)
    return rng.sample([y for y in range(start, start + 6) if y != year], count)


def _year_option(year):
    return {"key": f"year:{year}", "text": {"tr": str(year), "en": str(year)}}


def _event_subjects(condition=lambda e: True):
    return lambda ix: [(e.key,) for e in ix.content.events if condition(e)]


@template("event_year", "year", "timeline", "medium", ["event"], _event_subjects())
def _event_year(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or _title_names_year(e, e.date.year):
        return None
    options = [_year_option(y) for y in [e.date.year, *_years_near(rng, e.date.year, OPTIONS - 1, ix.latest_year)]]
    rng.shuffle(options)
    title = _quote(e.title)
    return _question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"year:{e.date.year}",
        Text(f"Şu olay hangi yılda gerçekleşti: {title.tr}?", f"In which year did this happen: {title.en}?"),
        _event_explanation(e),
        _source(e),
    )


@template("event_month", "single", "timeline", "hard", ["event"], _event_subjects(lambda e: e.precision != "year"))
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
    title = _quote(e.title)
    return _question(
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
        _source(e),
    )


@template("year_event", "single", "timeline", "medium", ["event"], _event_subjects())
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
    options = _single(rng, (f"event:{e.key}", e.title), candidates, group=lambda key: ix.events[key[6:]].date.year)
    if options is None:
        return None
    return _question(
        t,
        slugs,
        f"event:{e.key}",
        options,
        f"event:{e.key}",
        Text(
            f"Aşağıdakilerden hangisi {e.date.year} yılında gerçekleşti?", f"Which of these happened in {e.date.year}?"
        ),
        _event_explanation(e),
        _source(e),
    )


def _ordered(a, b):
    """-1/1 when ``a`` is surely before/after ``b`` at the precision both dates have, else 0."""
    coarse = (
        "year" if "year" in (a.precision, b.precision) else "month" if "month" in (a.precision, b.precision) else "day"
    )

    def cut(e):
        return (e.date.year,) if coarse == "year" else (e.date.year, e.date.month) if coarse == "month" else (e.date,)

    if cut(a) == cut(b):
        return 0
    return -1 if cut(a) < cut(b) else 1


def _pair_subjects(ix, companions=3):
    """Each event with the next few events it can be told apart from, as sorted pairs."""
    found = []
    events = ix.chronological
    for i, a in enumerate(events):
        taken = 0
        for b in events[i + 1 :]:
            if taken == companions:
                break
            if _ordered(a, b) and not _clashes(a.title, b.title):
                found.append(tuple(sorted((a.key, b.key))))
                taken += 1
    return found


@template("first_of_two", "single", "timeline", "medium", ["event", "event"], _pair_subjects)
def _first_of_two(t, ix, slugs, rng):
    if len(slugs) != 2:
        return None
    a, b = ix.events.get(slugs[0]), ix.events.get(slugs[1])
    if a is None or b is None or not _ordered(a, b) or _clashes(a.title, b.title):
        return None
    first, second = (a, b) if _ordered(a, b) < 0 else (b, a)
    options = [{"key": f"event:{e.key}", "text": e.title.as_dict()} for e in (a, b)]
    rng.shuffle(options)
    one, two = _event_explanation(first), _event_explanation(second)
    return _question(
        t,
        slugs,
        f"event:{first.key}",
        options,
        f"event:{first.key}",
        Text("Bu iki olaydan hangisi daha önce gerçekleşti?", "Which of these two events happened first?"),
        Text(f"Önce {one.tr}; sonra {two.tr}", f"First {one.en}; then {two.en}"),
        _source(first),
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
            if all(_ordered(c, e) for c in chosen) and not any(_clashes(c.title, e.title) for c in chosen):
                chosen.append(e)
        if len(chosen) == 4:
            group = tuple(e.key for e in chosen)
            if group not in found:
                found.append(group)
    return found


@template("order_four", "ordering", "timeline", "hard", ["event"], _four_subjects)
def _order_four(t, ix, slugs, rng):
    events = [ix.events.get(s) for s in slugs]
    if len(events) != 4 or None in events or len(set(slugs)) != 4:
        return None
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if not _ordered(a, b) or _clashes(a.title, b.title):
                return None
    in_order = sorted(events, key=lambda e: (e.date, e.key))
    options = [{"key": f"event:{e.key}", "text": e.title.as_dict()} for e in events]
    while True:
        rng.shuffle(options)
        if [o["key"] for o in options] != [f"event:{e.key}" for e in in_order]:
            break
    lines = [_event_explanation(e) for e in in_order]
    return _question(
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
        _source(in_order[0]),
    )


def _redact(text, number):
    pattern = re.compile(rf"(?<!\d){number}(?!\d)")
    return Text(pattern.sub("…", text.tr), pattern.sub("…", text.en))


@template(
    "decree_number", "single", "timeline", "hard", ["event"], _event_subjects(lambda e: e.decree_number is not None)
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
    title = _quote(_redact(e.title, number))
    when = _date_text(e.date, e.precision)
    return _question(
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
        _source(e),
    )


@template("tf_event_year", "truefalse", "timeline", "easy", ["event"], _event_subjects())
def _tf_event_year(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None or _title_names_year(e, e.date.year):
        return None
    title = _quote(e.title)
    return _truefalse(
        t,
        slugs,
        f"event:{e.key}",
        True,
        Text(
            f"Şu olay {e.date.year} yılında gerçekleşti: {title.tr}. Doğru mu, yanlış mı?",
            f"This happened in {e.date.year}: {title.en}. True or false?",
        ),
        Text(f"Doğru. {_event_explanation(e).tr}", f"True. {_event_explanation(e).en}"),
        _source(e),
    )


def _wrong_year(event):
    """A year near the event's but not its own; fixed per event, so the key rebuilds the same statement."""
    rng = Random(f"wrong-year:{event.key}")
    return rng.choice([y for y in range(event.date.year - 3, event.date.year + 4) if y != event.date.year])


@template("tf_wrong_year", "truefalse", "timeline", "medium", ["event"], _event_subjects())
def _tf_wrong_year(t, ix, slugs, rng):
    e = ix.events.get(slugs[0])
    if e is None:
        return None
    year = _wrong_year(e)
    if _title_names_year(e, year) or _title_names_year(e, e.date.year):
        return None
    title = _quote(e.title)
    return _truefalse(
        t,
        slugs,
        f"event:{e.key}",
        False,
        Text(
            f"Şu olay {year} yılında gerçekleşti: {title.tr}. Doğru mu, yanlış mı?",
            f"This happened in {year}: {title.en}. True or false?",
        ),
        Text(f"Yanlış. {_event_explanation(e).tr}", f"False. {_event_explanation(e).en}"),
        _source(e),
    )


# Organisations ------------------------------------------------------------------------


def _successor_subjects(ix):
    _, successor = ix.successor()
    return [(successor.key,)] if successor else []


@template("successor", "single", "timeline", "medium", ["organisation"], _successor_subjects)
def _successor(t, ix, slugs, rng):
    office, successor = ix.successor()
    if successor is None or successor.key != slugs[0]:
        return None
    candidates = [(f"organisation:{o.key}", o.name) for o in ix.content.organisations if o is not successor]
    options = _single(rng, (f"organisation:{successor.key}", successor.name), candidates)
    if options is None:
        return None
    year = office.closed_on.year
    return _question(
        t,
        slugs,
        f"organisation:{successor.key}",
        options,
        f"organisation:{successor.key}",
        Text(
            f"{year} yılında {office.name.tr} kapatıldığında görevlerini hangi kurum devraldı?",
            f"When {_the(office.name.en)} was closed in {year}, which body took over its duties?",
        ),
        Text(
            f"{successor.name.tr} ({successor.short_name.tr}): {successor.summary.tr}",
            f"{successor.name.en} ({successor.short_name.en}): {successor.summary.en}",
        ),
        _source(successor),
    )


@template(
    "org_founded",
    "year",
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
    if re.search(rf"(?<!\d){year}(?!\d)", o.name.tr + " " + o.name.en):
        return None
    options = [_year_option(y) for y in [year, *_years_near(rng, year, OPTIONS - 1, ix.latest_year)]]
    rng.shuffle(options)
    name = _quote(o.name)
    return _question(
        t,
        slugs,
        f"organisation:{o.key}",
        options,
        f"year:{year}",
        Text(f"{name.tr} hangi yılda kuruldu?", f"In which year was {name.en} founded?"),
        Text(
            f"{_bare(o.name.tr)}: {year} yılında kuruldu.",
            f"{_bare(o.name.en)}: founded in {year}.",
        ),
        _source(o),
    )


# Glossary ----------------------------------------------------------------------------------


def _term_translation(t, ix, slugs, rng, asked, answered, prompt, explanation):
    """Which option translates a term: ``asked`` and ``answered`` are "tr"/"en", the prompt and the
    explanation are functions of (the quoted term asked about, the term)."""
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    candidates = [(f"term:{o.key}", _same_text(o.term.get(answered))) for o in ix.content.terms if o.key != term.key]
    options = _single(rng, (f"term:{term.key}", _same_text(term.term.get(answered))), candidates)
    if options is None:
        return None
    word = _quote(_same_text(term.term.get(asked)))
    return _question(
        t, slugs, f"term:{term.key}", options, f"term:{term.key}", prompt(word, term), explanation(term), _source(term)
    )


@template("term_tr_en", "single", "glossary", "easy", ["term"], _one_each("terms"))
def _term_tr_en(t, ix, slugs, rng):
    return _term_translation(
        t,
        ix,
        slugs,
        rng,
        "tr",
        "en",
        lambda word, term: Text(
            f"{word.tr} teriminin İngilizce karşılığı hangisidir?",
            f"What is the English for the Turkish term {word.en}?",
        ),
        lambda term: Text(
            f"“{term.term.tr}” teriminin İngilizce karşılığı “{term.term.en}”. {term.definition.tr}",
            f"The English for the Turkish term “{term.term.tr}” is “{term.term.en}”. {term.definition.en}",
        ),
    )


@template("term_en_tr", "single", "glossary", "medium", ["term"], _one_each("terms"))
def _term_en_tr(t, ix, slugs, rng):
    return _term_translation(
        t,
        ix,
        slugs,
        rng,
        "en",
        "tr",
        lambda word, term: Text(
            f"İngilizce {word.tr} teriminin Türkçe karşılığı hangisidir?", f"Which Turkish term means {word.en}?"
        ),
        lambda term: Text(
            f"İngilizce “{term.term.en}” teriminin Türkçe karşılığı “{term.term.tr}”. {term.definition.tr}",
            f"The Turkish term for “{term.term.en}” is “{term.term.tr}”. {term.definition.en}",
        ),
    )


@template("tf_term", "truefalse", "glossary", "easy", ["term"], _one_each("terms"))
def _tf_term(t, ix, slugs, rng):
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    tr, en = _quote(_same_text(term.term.tr)).tr, _quote(_same_text(term.term.en)).en
    return _truefalse(
        t,
        slugs,
        f"term:{term.key}",
        True,
        Text(
            f"{tr} teriminin İngilizce karşılığı {en} terimidir. Doğru mu, yanlış mı?",
            f"The English for the Turkish term {tr} is {en}. True or false?",
        ),
        Text(f"Doğru. {term.term.tr}: {term.definition.tr}", f"True. {term.term.en}: {term.definition.en}"),
        _source(term),
    )


def _term_pairs(ix):
    """Each term paired with the next one (whose English it is wrongly given)."""
    terms = ix.content.terms
    return [(a.key, terms[(i + 1) % len(terms)].key) for i, a in enumerate(terms)] if len(terms) > 1 else []


@template("tf_term_swap", "truefalse", "glossary", "medium", ["term", "term"], _term_pairs)
def _tf_term_swap(t, ix, slugs, rng):
    if len(slugs) != 2:
        return None
    term, other = ix.terms.get(slugs[0]), ix.terms.get(slugs[1])
    if term is None or other is None or term.key == other.key:
        return None
    # Wrong only if no term pairs this Turkish with that English.
    if any(
        _fold(o.term.tr, "tr") == _fold(term.term.tr, "tr") and _fold(o.term.en, "en") == _fold(other.term.en, "en")
        for o in ix.content.terms
    ):
        return None
    tr, en = _quote(_same_text(term.term.tr)).tr, _quote(_same_text(other.term.en)).en
    return _truefalse(
        t,
        slugs,
        f"term:{term.key}",
        False,
        Text(
            f"{tr} teriminin İngilizce karşılığı {en} terimidir. Doğru mu, yanlış mı?",
            f"The English for the Turkish term {tr} is {en}. True or false?",
        ),
        Text(
            f"Yanlış. “{term.term.tr}” teriminin İngilizce karşılığı “{term.term.en}”; "
            f"“{other.term.en}” ise “{other.term.tr}” demektir.",
            f"False. The English for “{term.term.tr}” is “{term.term.en}”; “{other.term.en}” is “{other.term.tr}”.",
        ),
        _source(term),
    )


@template("term_meaning", "single", "glossary", "medium", ["term"], _one_each("terms"))
def _term_meaning(t, ix, slugs, rng):
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    candidates = [(f"term:{o.key}", o.term) for o in ix.content.terms if o.key != term.key]
    options = _single(rng, (f"term:{term.key}", term.term), candidates)
    if options is None:
        return None
    definition = _quote(term.definition)
    return _question(
        t,
        slugs,
        f"term:{term.key}",
        options,
        f"term:{term.key}",
        Text(f"Şu tanım hangi terime aittir: {definition.tr}?", f"Which term does this describe: {definition.en}?"),
        Text(f"{term.term.tr}: {term.definition.tr}", f"{term.term.en}: {term.definition.en}"),
        _source(term),
    )


# --- Public API ----------------------------------------------------------------------------------


def _parse(key):
    name, _, rest = str(key).partition(":")
    template = TEMPLATES.get(name)
    if template is None or not rest:
        return None, ()
    return template, tuple(rest.split("+"))


def item_refs(question):
    """Every content item a question rests on (``department:<slug>`` ...), the main item first."""
    template, slugs = _parse(question["key"])
    refs = template.refs(slugs) if template else []
    return list(dict.fromkeys([question["item"], *refs]))


def _candidates(ix, templates):
    """(template, slugs) for each question the templates may ask, in a fixed order."""
    return [(t, tuple(slugs)) for t in templates for slugs in t.subjects(ix)]


def all_question_keys(content):
    """Every question key the content produces, by topic (each checked by building it)."""
    ix = _Index(content)
    found = {topic: [] for topic in TOPICS}
    for t, slugs in _candidates(ix, TEMPLATES.values()):
        question = t.build(t, ix, slugs, Random(PREVIEW_SEED))
        if question is not None and question["key"] not in found[t.topic]:
            found[t.topic].append(question["key"])
    return found


def questions_for_item(content, item_ref):
    """Every question an item takes part in, built with a fixed seed (the admin preview)."""
    ix = _Index(content)
    found = []
    for t, slugs in _candidates(ix, TEMPLATES.values()):
        if item_ref not in t.refs(slugs):
            continue
        question = t.build(t, ix, slugs, Random(PREVIEW_SEED))
        if question is not None and all(q["key"] != question["key"] for q in found):
            found.append(question)
    return found


def generate_from_keys(content, keys, seed):
    """The questions for ``keys`` rebuilt from today's content, in the given order.

    Keys whose items are gone (or no longer make a valid question) are skipped;
    options and their order come from ``seed``.
    """
    ix = _Index(content)
    rng = Random(seed)
    found, seen = [], set()
    for key in keys:
        template, slugs = _parse(key)
        if template is None or key in seen:
            continue
        seen.add(key)
        question = template.build(template, ix, slugs, rng)
        if question is not None:
            found.append(question)
    return found


def _draw(ix, candidates, topics, count, rng, seen, used_items):
    """Up to ``count`` questions, taking topics in turn and a random template within a topic.

    A question about an item already asked about is set aside and used only
    when nothing else is left (two questions on one item can give each other away).
    """
    pools, deferred = {}, {}
    for t, slugs in candidates:
        pools.setdefault(t.topic, {}).setdefault(t.name, []).append(slugs)
    for by_template in pools.values():
        for subjects in by_template.values():
            rng.shuffle(subjects)
    templates = {t.name: t for t, _ in candidates}

    def take(t, slugs, strict):
        key = f"{t.name}:{'+'.join(slugs)}"
        if key in seen:
            return None
        if strict and set(t.refs(slugs)) & used_items:
            deferred.setdefault(t.topic, {}).setdefault(t.name, []).append(slugs)
            return None
        question = t.build(t, ix, slugs, rng)
        if question is not None:
            seen.add(key)
            used_items.update(t.refs(slugs))
        return question

    found = []
    for strict, source in ((True, pools), (False, deferred)):
        turn = [topic for topic in topics if topic in source]
        while len(found) < count and turn:
            for topic in list(turn):
                if len(found) == count:
                    break
                question = None
                while question is None:
                    names = sorted(name for name, subjects in source[topic].items() if subjects)
                    if not names:
                        turn.remove(topic)
                        break
                    name = rng.choice(names)
                    question = take(templates[name], source[topic][name].pop(), strict)
                if question is not None:
                    found.append(question)
    return found


def generate_quiz(content, settings, seed):
    """Up to ``settings.length`` questions, never the same key twice; fewer if the content runs out.

    A topic quiz asks only that topic; "mixed" takes the four topics in turn
    (in an order the seed shuffles). With a difficulty other than "any", the
    templates of that difficulty come first; when they cannot fill the quiz,
    questions of the other difficulties (nearest first: easy/hard fall back to
    medium, then to the other extreme) fill the rest.
    """
    rng = Random(seed)
    ix = _Index(content)
    topics = list(TOPICS) if settings.topic == "mixed" else [settings.topic]
    if settings.topic == "mixed":
        rng.shuffle(topics)
    templates = [t for t in TEMPLATES.values() if t.topic in topics]
    if settings.difficulty in DIFFICULTIES:
        levels = sorted(
            DIFFICULTIES, key=lambda d: abs(DIFFICULTIES.index(d) - DIFFICULTIES.index(settings.difficulty))
        )
    else:
        levels = [None]
    found, seen, used_items = [], set(), set()
    for level in levels:
        if len(found) >= settings.length:
            break
        chosen = [t for t in templates if level is None or t.difficulty == level]
        found += _draw(ix, _candidates(ix, chosen), topics, settings.length - len(found), rng, seen, used_items)
    return found
