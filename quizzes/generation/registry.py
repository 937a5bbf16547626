"""The templates, by name: what each asks about, and how a question key names its items."""

from dataclasses import dataclass

TOPICS = ("departments", "duties", "timeline", "glossary")
# Cross-language practice, one topic per direction: drawn only when a quiz asks for it (never in "mixed").
CROSS_LANGUAGE = ("xlang_tr_en", "xlang_en_tr")
TOPIC_ORDER = (*TOPICS, *CROSS_LANGUAGE)
DIFFICULTIES = ("easy", "medium", "hard")


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


# Every template by name, in topic order (TOPIC_ORDER), each topic's in the order its module defines them.
# The draw walks them in this order, so it is part of what a seed means.
TEMPLATES = {}


def template(name, type, topic, difficulty, kinds, subjects):
    """Register the decorated function as the build of template ``name``."""

    def register(build):
        TEMPLATES[name] = Template(name, type, topic, difficulty, tuple(kinds), subjects, build)
        # Keep topic order whatever order the topic modules happen to be imported in.
        ordered = sorted(TEMPLATES.values(), key=lambda t: TOPIC_ORDER.index(t.topic))
        TEMPLATES.clear()
        TEMPLATES.update((t.name, t) for t in ordered)
        return build

    return register


def parse(key):
    """The template and the slugs a question key names, or (None, ()) for a key no template makes."""
    name, _, rest = str(key).partition(":")
    found = TEMPLATES.get(name)
    if found is None or not rest:
        return None, ()
    return found, tuple(rest.split("+"))


def one_each(items):
    """Subjects: each item of one kind on its own (``items`` names a field of ``Content``)."""
    return lambda ix: [(item.key,) for item in getattr(ix.content, items)]


def decoys_of(kind):
    """Subjects: each decoy of one kind ("department" or "duty")."""
    return lambda ix: [(d.key,) for d in ix.content.decoys if d.kind == kind]


def candidates(ix, templates):
    """(template, slugs) for each question the templates may ask, in a fixed order."""
    return [(t, tuple(slugs)) for t in templates for slugs in t.subjects(ix)]
