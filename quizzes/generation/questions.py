"""A question as the rest of the app stores it, and the options it offers."""

from ..values import EDITORIAL, MIXED, SOURCED
from .wording import capitalise, fold, sentence

OPTIONS = 4  # options of a single-choice question, the answer included
MIN_OPTIONS = 3
TRUE_FALSE = (
    {"key": "true", "text": {"tr": "Doğru", "en": "True"}},
    {"key": "false", "text": {"tr": "Yanlış", "en": "False"}},
)


def source_of(item, basis=None, source=None):
    """What the statement an explanation makes about ``item`` rests on: a citation, ((basis, source),).

    ``basis`` and ``source`` override the item's own (a department's name rests
    on its list's source even where the focus text is ours; an organisation's
    founding date on the source that states it). Editorial text carries no
    source: ``(("editorial", None),)``. Citations add up: ``source_of(a) +
    source_of(b)`` for an explanation about two items.
    """
    basis = basis or getattr(item, "basis", SOURCED)
    source = source if source is not None else getattr(item, "source", None)
    if item is None or basis != SOURCED or source is None:
        return ((EDITORIAL, None),)
    return ((SOURCED, source.as_dict()),)


def cited_by(citation):
    """A question's basis and the sources its explanation used, each once, in the order it uses them.

    "sourced" when every statement rests on a source, "editorial" when none
    does, "mixed" otherwise (the explanation then says which statement is ours).
    """
    statements = citation or ((EDITORIAL, None),)
    sources = []
    for basis, source in statements:
        if basis == SOURCED and source not in sources:
            sources.append(source)
    bases = {basis for basis, _ in statements}
    return (SOURCED if bases == {SOURCED} else EDITORIAL if bases == {EDITORIAL} else MIXED), sources


def question(template, slugs, item, options, answer, prompt, explanation, citation, targets=()):
    basis, sources = cited_by(citation)
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
        "explanation": {
            "tr": capitalise(sentence(explanation.tr), "tr"),
            "en": capitalise(sentence(explanation.en), "en"),
        },
        # What the explanation rests on, the same for every page and export that shows it: "basis" says whether
        # it is sourced, editorial (our own) or mixed; "sources" every source it used; "source" the first of them.
        "basis": basis,
        "sources": sources,
        "source": sources[0] if sources else None,
    }


def truefalse(template, slugs, item, truth, prompt, explanation, citation):
    return question(
        template,
        slugs,
        item,
        [dict(o) for o in TRUE_FALSE],
        "true" if truth else "false",
        prompt,
        explanation,
        citation,
    )


def two_of(items, slugs):
    """The two different items the subject slugs of a two-subject template name; (None, None) otherwise."""
    if len(slugs) != 2:
        return None, None
    a, b = items.get(slugs[0]), items.get(slugs[1])
    if a is None or b is None or a.key == b.key:
        return None, None
    return a, b


def not_near(item, others):
    """``others`` without the item's declared near-equivalents (either side may declare them)."""
    near = getattr(item, "near", ())
    return [o for o in others if o.key not in near and item.key not in getattr(o, "near", ())]


def compatible(answer, candidates, group):
    """Candidates, in the order given, that can stand together beside the answer.

    None reads like the answer or an earlier one (in either language), and no
    two share a group (e.g. the year of an event).
    """
    chosen = []
    keys = {answer[0]}
    seen_tr, seen_en = {fold(answer[1].tr, "tr")}, {fold(answer[1].en, "en")}
    taken = {group(answer[0])} if group else set()
    for key, text in candidates:
        tr, en = fold(text.tr, "tr"), fold(text.en, "en")
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


def single(rng, answer, candidates, minimum=MIN_OPTIONS, group=None):
    """Shuffled options for a single-choice question, or None when there are too few distractors.

    Whether there are enough is decided on the candidates in content order, so
    it never depends on the seed (a key always rebuilds); which ones appear does.
    """
    enough = compatible(answer, candidates, group)
    if len(enough) + 1 < minimum:
        return None
    shuffled = list(candidates)
    rng.shuffle(shuffled)
    distractors = compatible(answer, shuffled, group)[: OPTIONS - 1]
    if len(distractors) < min(OPTIONS - 1, len(enough)):
        distractors = rng.sample(enough, min(OPTIONS - 1, len(enough)))
    options = [answer, *distractors]
    rng.shuffle(options)
    return [{"key": key, "text": text.as_dict()} for key, text in options]
