"""Templates on the glossary: a term's English or Turkish equivalent, and which term a definition describes."""

from ..question_types import SINGLE, TRUE_FALSE
from ..values import Text
from .questions import not_near, question, single, source_of, truefalse, two_of
from .registry import one_each, template
from .wording import fold, quote, same_text


def _term_translation(t, ix, slugs, rng, asked, answered, prompt, explanation):
    """Which option translates a term: ``asked`` and ``answered`` are "tr"/"en", the prompt and the
    explanation are functions of (the quoted term asked about, the term)."""
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    candidates = [
        (f"term:{o.key}", same_text(o.term.get(answered)))
        for o in not_near(term, ix.content.terms)
        if o.key != term.key
    ]
    options = single(rng, (f"term:{term.key}", same_text(term.term.get(answered))), candidates)
    if options is None:
        return None
    word = quote(same_text(term.term.get(asked)))
    return question(
        t,
        slugs,
        f"term:{term.key}",
        options,
        f"term:{term.key}",
        prompt(word, term),
        explanation(term),
        source_of(term),
    )


@template("term_tr_en", SINGLE, "glossary", "easy", ["term"], one_each("terms"))
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


@template("term_en_tr", SINGLE, "glossary", "medium", ["term"], one_each("terms"))
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


def _english_statement(t, slugs, term, english_of, explanation, citation):
    """True/false: "the English for <term> is <the English of english_of>", true when they are the same."""
    tr, en = quote(same_text(term.term.tr)).tr, quote(same_text(english_of.term.en)).en
    return truefalse(
        t,
        slugs,
        f"term:{term.key}",
        english_of is term,
        Text(
            f"{tr} teriminin İngilizce karşılığı {en} terimidir. Doğru mu, yanlış mı?",
            f"The English for the Turkish term {tr} is {en}. True or false?",
        ),
        explanation,
        citation,
    )


@template("tf_term", TRUE_FALSE, "glossary", "easy", ["term"], one_each("terms"))
def _tf_term(t, ix, slugs, rng):
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    explanation = Text(f"Doğru. {term.term.tr}: {term.definition.tr}", f"True. {term.term.en}: {term.definition.en}")
    return _english_statement(t, slugs, term, term, explanation, source_of(term))


def _term_pairs(ix):
    """Each term paired with the next one (whose English it is wrongly given)."""
    terms = ix.content.terms
    return [(a.key, terms[(i + 1) % len(terms)].key) for i, a in enumerate(terms)] if len(terms) > 1 else []


@template("tf_term_swap", TRUE_FALSE, "glossary", "medium", ["term", "term"], _term_pairs)
def _tf_term_swap(t, ix, slugs, rng):
    term, other = two_of(ix.terms, slugs)
    if term is None or not not_near(term, [other]):
        return None
    # Wrong only if no term pairs this Turkish with that English.
    if any(
        fold(o.term.tr, "tr") == fold(term.term.tr, "tr") and fold(o.term.en, "en") == fold(other.term.en, "en")
        for o in ix.content.terms
    ):
        return None
    explanation = Text(
        f"Yanlış. “{term.term.tr}” teriminin İngilizce karşılığı “{term.term.en}”; "
        f"“{other.term.en}” ise “{other.term.tr}” demektir.",
        f"False. The English for “{term.term.tr}” is “{term.term.en}”; “{other.term.en}” is “{other.term.tr}”.",
    )
    return _english_statement(t, slugs, term, other, explanation, source_of(term) + source_of(other))


@template("term_meaning", SINGLE, "glossary", "medium", ["term"], one_each("terms"))
def _term_meaning(t, ix, slugs, rng):
    term = ix.terms.get(slugs[0])
    if term is None:
        return None
    candidates = [(f"term:{o.key}", o.term) for o in not_near(term, ix.content.terms) if o.key != term.key]
    options = single(rng, (f"term:{term.key}", term.term), candidates)
    if options is None:
        return None
    definition = quote(term.definition)
    return question(
        t,
        slugs,
        f"term:{term.key}",
        options,
        f"term:{term.key}",
        Text(f"Şu tanım hangi terime aittir: {definition.tr}?", f"Which term does this describe: {definition.en}?"),
        Text(f"{term.term.tr}: {term.definition.tr}", f"{term.term.en}: {term.definition.en}"),
        source_of(term),
    )
