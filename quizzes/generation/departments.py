"""Templates on the office's departments: what each focused on, and which were (not) its departments."""

from ..question_types import MATCHING, SINGLE, TRUE_FALSE
from ..values import SOURCED, Text, is_sourced
from .questions import not_near, question, single, source_of, truefalse, two_of
from .real_or_decoy import Kind, decoy_among_real, false_of_decoy, real_among_decoys, true_of_real
from .registry import decoys_of, one_each, template
from .wording import OFFICE_OF, according, bare, capitalise, clashes, lead, quote, the, uncapitalise


def _confident(department):
    return department.listing != "source" and department.confidence != "source_only"


def _focus_lead(department):
    """The lead-in of a question on a department's focus: "according to the source" only when a source states it."""
    return according(_confident(department), is_sourced(department))


def _official_chart(ix):
    """The one list "never one of its units" questions rest on: the official 2019 chart."""
    return [d for d in ix.content.departments if d.listing == "official_2019"]


def _list_lead(department):
    """How a department question names the list it rests on."""
    if department.listing == "official_2019":
        return Text(
            "2019 resmî teşkilat şemasına göre ", "According to the office's official 2019 organisation chart, "
        )
    return according(_confident(department))


def _focus_line(department):
    """ "<department> — focus: <its focus>", the explanation of a focus question."""
    return Text(
        f"{bare(department.name.tr)} — odak alanı: {bare(department.focus.tr)}",
        f"{bare(department.name.en)} — focus: {bare(department.focus.en)}",
    )


DEPARTMENT = Kind(
    name="department",
    field="departments",
    plural=Text("dairelerinden", "departments"),
    text=lambda d: d.name,
    lead=_list_lead,
    statement=lambda quoted: Text(
        f"{quoted.tr}, {OFFICE_OF.tr} dairelerinden biriydi. Doğru mu, yanlış mı?",
        f"{the(quoted.en.strip('“”'))} was one of {OFFICE_OF.en} departments. True or false?",
    ),
    truth=_official_chart,
    # A department's name rests on its list's source, whatever the basis of its focus text.
    cite=lambda d: source_of(d, basis=SOURCED),
    never_prompt=Text(
        "Ofisin 2019 resmî teşkilat şemasına göre aşağıdakilerden hangisi Ofisin birimlerinden biri değildi?",
        "According to the office's official 2019 organisation chart, which of these was never one of its units?",
    ),
)


@template("dept_focus", SINGLE, "departments", "medium", ["department"], one_each("departments"))
def _dept_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    # Departments of the other listing may share a focus, so only the same list and decoys compete.
    # A department with the same focus would be a second right answer.
    candidates = [
        (f"department:{o.key}", o.name)
        for o in not_near(d, ix.same_listing(d))
        if o.key != d.key and not clashes(o.focus, d.focus)
    ]
    if len(candidates) < 3:  # plausible distractors first: real units of the same list; decoys only to fill up
        candidates += [(f"decoy:{o.key}", o.text) for o in ix.decoy_departments]
    options = single(rng, (f"department:{d.key}", d.name), candidates)
    if options is None:
        return None
    focus = quote(d.focus)
    return question(
        t,
        slugs,
        f"department:{d.key}",
        options,
        f"department:{d.key}",
        lead(
            _focus_lead(d),
            f"aşağıdaki dairelerden hangisi şu alana odaklanıyordu: {focus.tr}?",
            f"which of these departments focused on {focus.en}?",
        ),
        _focus_line(d),
        source_of(d),
    )


@template("dept_of_focus", SINGLE, "departments", "medium", ["department"], one_each("departments"))
def _dept_of_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    candidates = [(f"focus:{o.key}", o.focus) for o in not_near(d, ix.same_listing(d)) if o.key != d.key]
    options = single(rng, (f"focus:{d.key}", d.focus), candidates)
    if options is None:
        return None
    name = quote(d.name)
    return question(
        t,
        slugs,
        f"department:{d.key}",
        options,
        f"focus:{d.key}",
        lead(_focus_lead(d), f"{name.tr} hangi alana odaklanıyordu?", f"what did {the(bare(d.name.en))} focus on?"),
        _focus_line(d),
        source_of(d),
    )


@template("dept_is", SINGLE, "departments", "easy", ["department"], one_each("departments"))
def _dept_is(t, ix, slugs, rng):
    return real_among_decoys(
        t,
        ix,
        slugs,
        rng,
        DEPARTMENT,
        lambda d: Text(
            f"{bare(d.name.tr)}, {OFFICE_OF.tr} dairelerinden biriydi. "
            "Diğer seçenekler Ofisin hiç sahip olmadığı birimlerdir.",
            f"{capitalise(the(d.name.en), 'en')} was one of the office's departments. "
            "The other options are units it never had.",
        ),
    )


@template("dept_is_not", SINGLE, "departments", "easy", ["decoy"], decoys_of("department"))
def _dept_is_not(t, ix, slugs, rng):
    return decoy_among_real(
        t,
        ix,
        slugs,
        rng,
        DEPARTMENT,
        lambda decoy: Text(
            f"{bare(decoy.text.tr)}: Ofisin böyle bir birimi hiç olmadı; diğerleri 2019 resmî teşkilat şemasındaki "
            "birimleridir.",
            f"{bare(decoy.text.en)}: the office never had such a unit; the others are units of its official 2019 "
            "organisation chart.",
        ),
    )


@template("tf_dept", TRUE_FALSE, "departments", "easy", ["department"], one_each("departments"))
def _tf_dept(t, ix, slugs, rng):
    return true_of_real(
        t,
        ix,
        slugs,
        rng,
        DEPARTMENT,
        lambda d: Text(
            f"Doğru: {uncapitalise(_list_lead(d).tr, 'tr')}{bare(d.name.tr)} Ofisin dairelerinden biriydi.",
            f"True: {uncapitalise(_list_lead(d).en, 'en')}{the(d.name.en)} was one of the office's departments.",
        ),
    )


@template("tf_decoy_dept", TRUE_FALSE, "departments", "easy", ["decoy"], decoys_of("department"))
def _tf_decoy_dept(t, ix, slugs, rng):
    return false_of_decoy(
        t,
        ix,
        slugs,
        rng,
        DEPARTMENT,
        lambda decoy: Text(
            f"Yanlış: Ofisin böyle bir dairesi yoktu ({bare(decoy.text.tr)}).",
            f"False: the office never had such a department ({bare(decoy.text.en)}).",
        ),
    )


def _focus_statement(t, slugs, department, focus_of, explanation, citation):
    """True/false: "<department> focused on <the focus of focus_of>", true when they are the same."""
    return truefalse(
        t,
        slugs,
        f"department:{department.key}",
        focus_of is department,
        lead(
            _focus_lead(department),
            f"{quote(department.name).tr} şu alana odaklanıyordu: {quote(focus_of.focus).tr}. Doğru mu, yanlış mı?",
            f"{the(bare(department.name.en))} focused on {quote(focus_of.focus).en}. True or false?",
        ),
        explanation,
        citation,
    )


@template("tf_focus", TRUE_FALSE, "departments", "medium", ["department"], one_each("departments"))
def _tf_focus(t, ix, slugs, rng):
    d = ix.departments.get(slugs[0])
    if d is None:
        return None
    line = _focus_line(d)
    return _focus_statement(t, slugs, d, d, Text(f"Doğru. {line.tr}", f"True. {line.en}"), source_of(d))


def _swap_subjects(ix):
    """Each department paired with the next one of its list (the focus it is wrongly given)."""
    found = []
    for d in ix.content.departments:
        peers = ix.same_listing(d)
        if len(peers) > 1:
            other = peers[(peers.index(d) + 1) % len(peers)]
            found.append((d.key, other.key))
    return found


@template("tf_focus_swap", TRUE_FALSE, "departments", "hard", ["department", "department"], _swap_subjects)
def _tf_focus_swap(t, ix, slugs, rng):
    d, other = two_of(ix.departments, slugs)
    if d is None or clashes(d.focus, other.focus):
        return None
    if not not_near(d, [other]):
        return None
    line = _focus_line(d)
    explanation = Text(
        f"Yanlış. {line.tr}. Verilen alan şu dairenindi: {bare(other.name.tr)}.",
        f"False. {line.en}. The focus given was that of {the(bare(other.name.en))}.",
    )
    return _focus_statement(t, slugs, d, other, explanation, source_of(d) + source_of(other))


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


@template("match_focus", MATCHING, "departments", "hard", ["department"], _match_subjects)
def _match_focus(t, ix, slugs, rng):
    departments = [ix.departments.get(s) for s in slugs]
    if not 3 <= len(departments) <= 4 or None in departments or len(set(slugs)) != len(slugs):
        return None
    if len({d.listing for d in departments}) != 1:
        return None
    for i, a in enumerate(departments):
        for b in departments[i + 1 :]:
            if clashes(a.name, b.name) or clashes(a.focus, b.focus) or not not_near(a, [b]):
                return None
    left = [{"key": f"department:{d.key}", "text": d.name.as_dict()} for d in departments]
    right = [{"key": f"focus:{d.key}", "text": d.focus.as_dict()} for d in departments]
    rng.shuffle(left)
    rng.shuffle(right)
    first = departments[0]
    return question(
        t,
        slugs,
        f"department:{first.key}",
        left,
        {f"department:{d.key}": f"focus:{d.key}" for d in departments},
        lead(
            according(all(_confident(d) for d in departments), all(is_sourced(d) for d in departments)),
            "her daireyi odaklandığı alanla eşleştirin.",
            "match each department to what it focused on.",
        ),
        Text(
            " ".join(f"{bare(d.name.tr)} — {bare(d.focus.tr)}." for d in departments),
            " ".join(f"{bare(d.name.en)} — {bare(d.focus.en)}." for d in departments),
        ),
        sum((source_of(d) for d in departments), ()),
        targets=right,
    )
