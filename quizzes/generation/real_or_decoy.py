"""Questions on whether something was one of the office's departments or duties.

Departments and duties are asked about the same way: pick the real one among
decoys, pick the decoy among real ones, and true/false on a real item or a
decoy. A ``Kind`` says what differs between the two; the builders here are
shared by departments.py and duties.py. A decoy is only ever a wrong option
or a false statement.
"""

from dataclasses import dataclass

from ..values import Text
from .questions import question, single, source_of, truefalse
from .wording import NO_LEAD, OFFICE_OF, lead, quote


@dataclass(frozen=True)
class Kind:
    name: str  # the item refs' prefix and the decoys' kind: "department" or "duty"
    field: str  # the field of Content (and of the index) that holds them: "departments" or "duties"
    plural: Text  # "one of the office's <plural>"
    text: object  # (item) -> the Text that names it: a department's name, a duty's text
    lead: object  # (item) -> the lead-in of a question about it ("According to the source, ")
    statement: object  # (quoted Text) -> Text: "<it> was one of the office's <plural>. True or false?"
    truth: object = None  # (index) -> the one list a "which was never one of them" question rests on
    never_prompt: Text = None  # that question's prompt, naming the list
    cite: object = source_of  # (item) -> what "<item> was one of them" rests on (questions.source_of)

    def items(self, ix):
        return getattr(ix, self.field)

    def decoys(self, ix):
        return getattr(ix, f"decoy_{self.field}")


def _usable_decoy(kind, ix, slugs):
    decoy = ix.decoys.get(slugs[0])
    if decoy is None or decoy.kind != kind.name or decoy.key not in ix.usable_decoys:
        return None
    return decoy


def one_of_prompt(kind, item):
    """ "Which of these was one of the office's <plural>?", with the item's lead-in."""
    return lead(
        kind.lead(item),
        f"aşağıdakilerden hangisi {OFFICE_OF.tr} {kind.plural.tr} biriydi?",
        f"which of these was one of {OFFICE_OF.en} {kind.plural.en}?",
    )


def real_among_decoys(t, ix, slugs, rng, kind, explanation, prompt=one_of_prompt, accept=lambda item: True):
    """Single choice: the item is the answer, decoys of its kind the other options."""
    item = kind.items(ix).get(slugs[0])
    if item is None or not accept(item):
        return None
    ref = f"{kind.name}:{item.key}"
    options = single(rng, (ref, kind.text(item)), [(f"decoy:{o.key}", o.text) for o in kind.decoys(ix)])
    if options is None:
        return None
    return question(t, slugs, ref, options, ref, prompt(kind, item), explanation(item), kind.cite(item))


def decoy_among_real(t, ix, slugs, rng, kind, explanation):
    """Single choice: which was NOT one of them; a decoy is the answer, real items the other options."""
    decoy = _usable_decoy(kind, ix, slugs)
    if decoy is None:
        return None
    ref = f"decoy:{decoy.key}"
    truth = kind.truth(ix) if kind.truth else getattr(ix.content, kind.field)
    candidates = [(f"{kind.name}:{o.key}", kind.text(o)) for o in truth]
    options = single(rng, (ref, decoy.text), candidates)
    if options is None:
        return None
    prompt = kind.never_prompt or Text(
        f"Aşağıdakilerden hangisi {OFFICE_OF.tr} {kind.plural.tr} biri değildi?",
        f"Which of these was never one of {OFFICE_OF.en} {kind.plural.en}?",
    )
    return question(t, slugs, ref, options, ref, prompt, explanation(decoy), None)


def true_of_real(t, ix, slugs, rng, kind, explanation):
    """True/false: "<item> was one of the office's <plural>" (true).

    Worded exactly as a decoy's statement: a lead-in only true statements carry
    ("According to the source, …") would be an answer key. The explanation says
    what the statement rests on.
    """
    item = kind.items(ix).get(slugs[0])
    if item is None:
        return None
    statement = kind.statement(quote(kind.text(item)))
    prompt = lead(NO_LEAD, statement.tr, statement.en)
    return truefalse(t, slugs, f"{kind.name}:{item.key}", True, prompt, explanation(item), kind.cite(item))


def false_of_decoy(t, ix, slugs, rng, kind, explanation):
    """True/false: "<decoy> was one of the office's <plural>" (false)."""
    decoy = _usable_decoy(kind, ix, slugs)
    if decoy is None:
        return None
    statement = kind.statement(quote(decoy.text))
    prompt = lead(NO_LEAD, statement.tr, statement.en)
    return truefalse(t, slugs, f"decoy:{decoy.key}", False, prompt, explanation(decoy), None)
