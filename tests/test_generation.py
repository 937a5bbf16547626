"""The quiz generator's draw: pure, deterministic, truthful. No database.

Property tests run over many seeds and over randomly changed content (items
dropped, renamed, redated; decoys added) built in tests/content_builders.py;
then examples of the draw (seeds, keys that no longer rebuild, decoys kept out).
What each template asks on the office content: tests/test_generation_templates.py.
"""

import dataclasses
import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.generation import (
    TEMPLATES,
    TOPICS,
    QuizSettings,
    all_question_keys,
    generate_from_keys,
    generate_quiz,
    item_refs,
    questions_for_item,
)
from quizzes.generation.draw import template_cap
from quizzes.languages import turkish_lower
from quizzes.values import Content, DecoyItem, Text
from tests.content_builders import DECOYS, DEPARTMENTS, EVENTS, office_content

QUESTION_KEYS = {
    "key",
    "template",
    "item",
    "type",
    "topic",
    "difficulty",
    "prompt",
    "options",
    "targets",
    "answer",
    "explanation",
    "basis",
    "sources",
    "source",
}
SINGLE_TYPES = {"single", "truefalse", "year"}
IS_ONE_OF = {"dept_is", "duty_is", "duty_passed"}  # the answer is real, every other option a decoy
IS_NOT = {"dept_is_not", "duty_is_not"}  # the answer is a decoy, every other option real

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- Strategies ----------------------------------------------------------------

words = st.text(alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇİIŞĞÜÖ ", min_size=1, max_size=12).filter(
    lambda s: s.strip()
)
texts = st.builds(Text, words, words)
seeds = st.integers(min_value=0, max_value=2**31 - 1)
quiz_settings = st.builds(
    QuizSettings,
    topic=st.sampled_from([*TOPICS, "mixed"]),
    length=st.sampled_from([1, 5, 10, 20]),
    difficulty=st.sampled_from(["any", "easy", "medium", "hard"]),
)


@st.composite
def changed_content(draw):
    """The office content with items dropped, renamed and redated, and decoys added."""
    base = office_content()

    def keep(items):
        return tuple(item for item in items if draw(st.sampled_from([True, True, True, False])))

    def maybe_rename(item, field):
        if draw(st.integers(0, 5)) == 0:
            return dataclasses.replace(item, **{field: draw(texts)})
        return item

    departments = tuple(maybe_rename(maybe_rename(d, "name"), "focus") for d in keep(base.departments))
    duties = tuple(maybe_rename(d, "text") for d in keep(base.duties))
    events = []
    for e in keep(base.events):
        e = maybe_rename(e, "title")
        if draw(st.integers(0, 5)) == 0:
            e = dataclasses.replace(
                e,
                date=draw(st.dates(datetime.date(2015, 1, 1), datetime.date(2026, 12, 31))),
                precision=draw(st.sampled_from(["year", "month", "day"])),
            )
        events.append(e)
    terms = tuple(maybe_rename(t, "term") for t in keep(base.terms))
    added = draw(st.lists(st.tuples(st.sampled_from(["department", "duty"]), texts), max_size=4))
    decoys = keep(base.decoys) + tuple(DecoyItem(f"added-{i}", kind, text) for i, (kind, text) in enumerate(added))
    return Content(
        organisations=keep(base.organisations),
        departments=departments,
        duties=duties,
        events=tuple(events),
        decoys=decoys,
        terms=terms,
    )


contents = st.one_of(st.just(office_content()), changed_content())


# --- Checks on one question --------------------------------------------------------


def folded(text, language):
    text = " ".join(text.split())
    return turkish_lower(text) if language == "tr" else text.casefold()


def assert_filled(text):
    assert set(text) == {"tr", "en"}
    assert text["tr"].strip() and text["en"].strip()


def assert_distinct(entries):
    keys = [e["key"] for e in entries]
    assert len(set(keys)) == len(keys), keys
    for language in ("tr", "en"):
        seen = [folded(e["text"][language], language) for e in entries]
        assert len(set(seen)) == len(seen), seen


def by_ref(content):
    found = {}
    for kind, items in (
        ("department", content.departments),
        ("duty", content.duties),
        ("event", content.events),
        ("decoy", content.decoys),
        ("term", content.terms),
        ("organisation", content.organisations),
    ):
        for item in items:
            found[f"{kind}:{item.key}"] = item
    return found


def assert_sound(question, content):
    """Everything a question must be, whatever the content."""
    assert set(question) == QUESTION_KEYS
    assert question["template"] == question["key"].split(":")[0]
    assert question["topic"] in TOPICS and question["difficulty"] in {"easy", "medium", "hard"}
    template = TEMPLATES[question["template"]]
    assert (question["type"], question["topic"], question["difficulty"]) == (
        template.type,
        template.topic,
        template.difficulty,
    )
    assert_filled(question["prompt"])
    assert_filled(question["explanation"])
    for entry in question["options"] + question["targets"]:
        assert_filled(entry["text"])
    assert_distinct(question["options"])
    assert_distinct(question["targets"])
    keys = [o["key"] for o in question["options"]]
    items = by_ref(content)
    assert question["item"] in items
    assert all(ref in items for ref in item_refs(question))
    source = question["source"]
    assert source is None or (source["publisher"] and source["title"]["tr"] and source["title"]["en"])
    assert question["basis"] in ("sourced", "editorial", "mixed")
    assert (question["basis"] == "editorial") == (question["sources"] == []), question["key"]
    assert source == (question["sources"][0] if question["sources"] else None)
    kind = question["type"]
    if kind in SINGLE_TYPES:
        assert question["targets"] == []
        assert keys.count(question["answer"]) == 1
        assert len(keys) >= (2 if kind == "truefalse" or question["template"] == "first_of_two" else 3)
    if kind == "truefalse":
        assert [o["key"] for o in question["options"]] == ["true", "false"]
        assert question["options"][0]["text"] == {"tr": "Doğru", "en": "True"}
        assert question["options"][1]["text"] == {"tr": "Yanlış", "en": "False"}
        if question["answer"] == "true":
            # A decoy is never stated as true.
            assert not any(ref.startswith("decoy:") for ref in item_refs(question))
    if kind == "ordering":
        assert sorted(question["answer"]) == sorted(keys) and len(keys) == 4
        events = [items[k] for k in question["answer"]]
        assert [e.date for e in events] == sorted(e.date for e in events)
    if kind == "matching":
        assert set(question["answer"]) == set(keys)
        assert sorted(question["answer"].values()) == sorted(t["key"] for t in question["targets"])
        assert 3 <= len(keys) <= 4
    if kind == "year":
        years = [int(k.split(":")[1]) for k in keys]
        answer = int(question["answer"].split(":")[1])
        assert all(abs(year - answer) <= 5 for year in years)
        subject = items[question["item"]]
        date = subject.date if hasattr(subject, "date") else subject.founded_on
        assert answer == date.year
    if question["template"] in IS_ONE_OF:
        assert not question["answer"].startswith("decoy:")
        assert all(k.startswith("decoy:") for k in keys if k != question["answer"])
    if question["template"] in IS_NOT:
        assert question["answer"].startswith("decoy:")
        assert not any(k.startswith("decoy:") for k in keys if k != question["answer"])
    if question["template"] == "year_event":
        asked = items[question["item"]].date.year
        assert sum(items[k].date.year == asked for k in keys) == 1
    if question["template"] == "dept_focus":
        focus = items[question["item"]].focus
        real = [items[k] for k in keys if k.startswith("department:")]
        assert sum(folded(d.focus.en, "en") == folded(focus.en, "en") for d in real) == 1


# --- Properties ------------------------------------------------------------------


@FAST
@given(contents, quiz_settings, seeds)
def test_the_same_inputs_give_the_same_questions(content, quiz, seed):
    again = dataclasses.replace(content)  # equal content, another object
    assert generate_quiz(content, quiz, seed) == generate_quiz(again, quiz, seed)


@FAST
@given(contents, quiz_settings, seeds)
def test_every_question_is_sound(content, quiz, seed):
    for question in generate_quiz(content, quiz, seed):
        assert_sound(question, content)


@FAST
@given(contents, quiz_settings, seeds)
def test_a_quiz_respects_its_length_and_never_repeats_a_key(content, quiz, seed):
    questions = generate_quiz(content, quiz, seed)
    keys = [q["key"] for q in questions]
    assert len(keys) == len(set(keys))
    assert len(questions) <= quiz.length
    if quiz.topic != "mixed":
        assert {q["topic"] for q in questions} <= {quiz.topic}


@FAST
@given(quiz_settings, seeds)
def test_a_quiz_is_as_long_as_the_content_allows(quiz, seed):
    content = office_content()
    available = all_question_keys(content)
    topics = TOPICS if quiz.topic == "mixed" else [quiz.topic]
    cap = template_cap(quiz.length)
    total = sum(
        min(cap, sum(k.startswith(f"{name}:") for k in available[t.topic]))
        for name, t in TEMPLATES.items()
        if t.topic in topics
    )
    assert len(generate_quiz(content, quiz, seed)) == min(quiz.length, total)


@FAST
@given(seeds)
def test_a_mixed_quiz_spreads_across_topics(seed):
    questions = generate_quiz(office_content(), QuizSettings("mixed", 8), seed)
    topics = [q["topic"] for q in questions]
    assert all(topics.count(t) == 2 for t in TOPICS)


@FAST
@given(st.sampled_from(["easy", "medium", "hard"]), st.sampled_from([*TOPICS, "mixed"]), seeds)
def test_a_difficulty_is_kept_while_the_content_has_enough(difficulty, topic, seed):
    content = office_content()
    questions = generate_quiz(content, QuizSettings(topic, 5, difficulty), seed)
    at_level = sum(
        min(template_cap(5), sum(key.startswith(f"{t.name}:") for key in all_question_keys(content)[t.topic]))
        for t in TEMPLATES.values()
        if t.difficulty == difficulty and (t.topic in TOPICS if topic == "mixed" else t.topic == topic)
    )
    wanted = sum(q["difficulty"] == difficulty for q in questions)
    assert wanted == min(5, at_level)
    assert len(questions) == 5  # other difficulties fill in


@FAST
@given(contents, quiz_settings, seeds, seeds)
def test_keys_rebuild_the_same_questions(content, quiz, seed, other_seed):
    questions = generate_quiz(content, quiz, seed)
    rebuilt = generate_from_keys(content, [q["key"] for q in questions], other_seed)
    assert [q["key"] for q in rebuilt] == [q["key"] for q in questions]
    for before, after in zip(questions, rebuilt, strict=True):
        for field in (
            "template",
            "item",
            "type",
            "topic",
            "difficulty",
            "prompt",
            "answer",
            "explanation",
            "basis",
            "sources",
        ):
            assert before[field] == after[field], field
        if before["type"] in {"truefalse", "ordering", "matching"}:
            assert sorted(o["key"] for o in before["options"]) == sorted(o["key"] for o in after["options"])
        assert_sound(after, content)


@FAST
@given(contents)
def test_every_published_item_is_reachable(content):
    """Departments, duties and terms always; events unless their title gives away their year."""
    refs = [f"department:{d.key}" for d in content.departments]
    refs += [f"duty:{d.key}" for d in content.duties]
    refs += [f"term:{t.key}" for t in content.terms]
    refs += [f"event:{e.key}" for e in content.events if str(e.date.year) not in e.title.tr + e.title.en]
    for ref in refs:
        questions = questions_for_item(content, ref)
        assert questions, ref
        for question in questions:
            assert ref in item_refs(question)
            assert_sound(question, content)


@FAST
@given(contents)
def test_all_keys_rebuild(content):
    for topic, keys in all_question_keys(content).items():
        assert len(keys) == len(set(keys))
        rebuilt = generate_from_keys(content, keys, 0)
        assert [q["key"] for q in rebuilt] == keys
        assert all(q["topic"] == topic for q in rebuilt)


# --- Examples of the draw ----------------------------------------------------------


def test_generation_uses_no_global_random(monkeypatch):
    import random

    def refuse(*args, **kwargs):
        raise AssertionError("global random used")

    for name in ("random", "shuffle", "choice", "sample", "randint"):
        monkeypatch.setattr(random, name, refuse)
    assert generate_quiz(office_content(), QuizSettings("mixed", 20), 7)


def test_different_seeds_give_different_quizzes():
    quizzes = {
        tuple(q["key"] for q in generate_quiz(office_content(), QuizSettings("mixed", 10), s)) for s in range(10)
    }
    assert len(quizzes) > 5


def test_keys_of_items_that_are_gone_are_skipped():
    content = office_content(departments=DEPARTMENTS[1:])
    keys = ["dept_focus:siber-guvenlik", "dept_focus:yapay-zeka-veri-bilimi", "nonsense", "no_such:x", "dept_focus:"]
    assert [q["key"] for q in generate_from_keys(content, keys, 1)] == ["dept_focus:yapay-zeka-veri-bilimi"]


def test_an_ordering_key_whose_events_now_tie_is_skipped():
    tied = tuple(dataclasses.replace(e, date=datetime.date(2018, 1, 1)) if e.key == "yemin" else e for e in EVENTS)
    keys = ["order_four:halkoylamasi+yemin+cbk-1+cbk-48"]
    assert generate_from_keys(office_content(), keys, 1)
    tied_content = office_content(events=tuple(dataclasses.replace(e, precision="year") for e in tied))
    assert generate_from_keys(tied_content, keys, 1) == []


def test_a_decoy_that_reads_like_a_real_department_is_never_used():
    slip = DecoyItem("slip", "department", Text("SİBER GÜVENLİK DAİRESİ BAŞKANLIĞI", "department of cyber security"))
    content = office_content(decoys=(*DECOYS, slip))
    assert questions_for_item(content, "decoy:slip") == []
    for seed in range(30):
        for q in generate_quiz(content, QuizSettings("departments", 20), seed):
            assert "decoy:slip" not in [o["key"] for o in q["options"]]


def test_distractors_never_read_like_the_answer_in_turkish_casing():
    twin = dataclasses.replace(DECOYS[0], text=Text("YAPAY ZEKÂ VE VERİ BİLİMİ DAİRESİ BAŞKANLIĞI", "Farming"))
    content = office_content(decoys=(twin, *DECOYS[1:]))
    for seed in range(30):
        for q in generate_quiz(content, QuizSettings("departments", 20), seed):
            assert_sound(q, content)


def test_empty_content_gives_no_questions():
    for topic in [*TOPICS, "mixed"]:
        assert generate_quiz(Content(), QuizSettings(topic, 10), 1) == []
