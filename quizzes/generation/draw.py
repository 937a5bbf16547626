"""The draw: which questions a quiz of some topic, length and difficulty asks, for one seed."""

from dataclasses import dataclass
from random import Random

from .index import Index
from .registry import DIFFICULTIES, TEMPLATES, TOPICS, candidates


@dataclass(frozen=True)
class QuizSettings:
    topic: str  # one of TOPICS, or "mixed"
    length: int
    difficulty: str = "any"  # one of DIFFICULTIES, or "any"


def template_cap(length):
    """The most questions of one template a quiz of ``length`` asks: two per ten."""
    return 2 * max(1, -(-length // 10))


def _draw(ix, choices, topics, count, rng, seen, used_items, per_template, cap):
    """Up to ``count`` questions of the (template, slugs) ``choices``, taking topics in turn and a random
    template within a topic.

    A question about an item already asked about is set aside and used only
    when nothing else is left (two questions on one item can give each other away).
    """
    pools, deferred = {}, {}
    for t, slugs in choices:
        pools.setdefault(t.topic, {}).setdefault(t.name, []).append(slugs)
    for by_template in pools.values():
        for subjects in by_template.values():
            rng.shuffle(subjects)
    templates = {t.name: t for t, _ in choices}

    def take(t, slugs, strict):
        key = f"{t.name}:{'+'.join(slugs)}"
        if key in seen or per_template.get(t.name, 0) >= cap:
            return None
        if strict and set(t.refs(slugs)) & used_items:
            deferred.setdefault(t.topic, {}).setdefault(t.name, []).append(slugs)
            return None
        question = t.build(t, ix, slugs, rng)
        if question is not None:
            per_template[t.name] = per_template.get(t.name, 0) + 1
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
    ix = Index(content)
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
    found, seen, used_items, per_template = [], set(), set(), {}
    for level in levels:
        if len(found) >= settings.length:
            break
        chosen = [t for t in templates if level is None or t.difficulty == level]
        found += _draw(
            ix,
            candidates(ix, chosen),
            topics,
            settings.length - len(found),
            rng,
            seen,
            used_items,
            per_template,
            template_cap(settings.length),
        )
    return found
