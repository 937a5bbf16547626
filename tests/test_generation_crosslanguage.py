"""Cross-language practice (quizzes/generation/crosslanguage.py), pure: no database.

The prompt in one language, the options in the other, both directions, with
the generator's rules: one defensible answer, distractors of the same kind,
the same questions for the same seed, and keys that say the direction.
"""

import pytest

from quizzes.generation import (
    CROSS_LANGUAGE,
    TOPICS,
    QuizSettings,
    all_question_keys,
    generate_from_keys,
    generate_quiz,
)
from quizzes.generation.wording import fold
from quizzes.presentation import for_result, for_taking
from tests.content_builders import office_content

TR_EN, EN_TR = CROSS_LANGUAGE
SHOWN = {TR_EN: {"prompt": "tr", "options": "en"}, EN_TR: {"prompt": "en", "options": "tr"}}


@pytest.fixture(scope="module")
def content():
    return office_content()


def every_question(content, direction, seeds=range(10)):
    keys = all_question_keys(content, CROSS_LANGUAGE)[direction]
    for seed in seeds:
        yield from generate_from_keys(content, keys, seed)


def items_by_ref(content):
    found = {f"term:{t.key}": t.term for t in content.terms}
    found |= {f"department:{d.key}": d.name for d in content.departments}
    return found | {f"organisation:{o.key}": o.name for o in content.organisations}


@pytest.mark.parametrize("direction", CROSS_LANGUAGE)
def test_the_prompt_is_in_one_language_and_the_options_in_the_other(content, direction):
    texts = items_by_ref(content)
    asked, answered = SHOWN[direction]["prompt"], SHOWN[direction]["options"]
    questions = list(every_question(content, direction, seeds=[0]))
    assert {q["template"].split("_")[1] for q in questions} >= {"term", "dept", "org"}  # names: too few here
    for q in questions:
        assert q["shown"] == SHOWN[direction] and q["topic"] == direction and q["type"] == "single"
        answer = texts[q["answer"]]
        # The prompt names the item in the asked language, in both wordings of the prompt.
        assert all(answer.get(asked).rstrip(".") in q["prompt"][lang] for lang in ("tr", "en")), q["key"]
        assert answer.get(answered) not in q["prompt"][asked] or answer.tr == answer.en, q["key"]


def test_a_learner_on_the_english_page_doing_turkish_to_english_sees_turkish_then_english(content):
    q = next(every_question(content, TR_EN, seeds=[0]))
    shown = for_taking(q, None, "en")
    assert shown["prompt"] == q["prompt"]["tr"] and shown["prompt_lang"] == "tr"
    assert [o["text"] for o in shown["options"]] == [o["text"]["en"] for o in q["options"]]
    assert shown["options_lang"] == "en"
    # On the Turkish page the same question looks the same: the page's language does not matter.
    assert {k: v for k, v in for_taking(q, None, "tr").items()} == shown


def test_the_result_shows_the_answers_in_the_options_language_and_explains_in_the_pages(content):
    q = next(every_question(content, EN_TR, seeds=[0]))
    wrong = next(o for o in q["options"] if o["key"] != q["answer"])
    row = for_result(q, wrong["key"], 0.0, "tr")
    right = next(o for o in q["options"] if o["key"] == q["answer"])
    assert row["prompt"] == q["prompt"]["en"] and row["prompt_lang"] == "en"
    assert row["given"] == wrong["text"]["tr"] and row["correct"] == right["text"]["tr"]
    assert row["options_lang"] == "tr"
    assert row["explanation"] == q["explanation"]["tr"]
    assert for_result(q, wrong["key"], 0.0, "en")["explanation"] == q["explanation"]["en"]


def test_ordinary_questions_follow_the_page_and_carry_no_language_marks(content):
    q = generate_quiz(content, QuizSettings("glossary", 1), 0)[0]
    shown = for_taking(q, None, "en")
    assert shown["prompt"] == q["prompt"]["en"] and "prompt_lang" not in shown and "options_lang" not in shown


@pytest.mark.parametrize("direction", CROSS_LANGUAGE)
def test_distractors_are_of_the_same_kind_never_near_equivalents_and_never_read_alike(content, direction):
    near = {f"term:{t.key}": {f"term:{k}" for k in t.near} for t in content.terms}
    near |= {f"department:{d.key}": {f"department:{k}" for k in d.near} for d in content.departments}
    listing = {f"department:{d.key}": d.listing for d in content.departments}
    names = {f"term:{t.key}" for t in content.terms if any(ch.isupper() for ch in t.term.en)}
    for q in every_question(content, direction):
        keys = [o["key"] for o in q["options"]]
        assert q["answer"] in keys and 3 <= len(keys) <= 4 and len(set(keys)) == len(keys)
        kind = q["answer"].split(":")[0]
        assert all(k.split(":")[0] == kind for k in keys), q["key"]
        assert not set(keys) & near.get(q["answer"], set()), q["key"]
        if kind == "department":
            assert {listing[k] for k in keys} == {listing[q["answer"]]}, q["key"]
        if kind == "term":  # proper names among names, common terms among terms: capitals give nothing away
            assert {k in names for k in keys} == {q["answer"] in names}, q["key"]
        for lang in ("tr", "en"):
            folded = [fold(o["text"][lang], lang) for o in q["options"]]
            assert len(set(folded)) == len(folded), q["key"]


def test_the_same_seed_gives_the_same_practice_and_another_seed_another(content):
    for direction in CROSS_LANGUAGE:
        first = generate_quiz(content, QuizSettings(direction, 8), 7)
        assert first == generate_quiz(content, QuizSettings(direction, 8), 7)
        assert any(generate_quiz(content, QuizSettings(direction, 8), seed) != first for seed in range(8, 12))
        assert all(q["topic"] == direction for q in first)


def test_keys_say_the_direction_and_rebuild_the_same_question(content):
    keys = all_question_keys(content, CROSS_LANGUAGE)
    assert keys[TR_EN] and keys[EN_TR]
    assert all("_tr_en:" in k for k in keys[TR_EN]) and all("_en_tr:" in k for k in keys[EN_TR])
    # The same item asked both ways is two items of the statistics.
    assert {k.replace("_tr_en:", ":") for k in keys[TR_EN]} == {k.replace("_en_tr:", ":") for k in keys[EN_TR]}
    for direction in CROSS_LANGUAGE:
        for q in generate_quiz(content, QuizSettings(direction, 8), 3):
            rebuilt = generate_from_keys(content, [q["key"]], 3)[0]
            assert (rebuilt["key"], rebuilt["answer"], rebuilt["shown"]) == (q["key"], q["answer"], q["shown"])


def test_no_other_quiz_ever_draws_a_cross_language_question(content):
    assert set(all_question_keys(content)) == set(TOPICS)
    for topic in (*TOPICS, "mixed"):
        for seed in range(10):
            for q in generate_quiz(content, QuizSettings(topic, 40), seed):
                assert not q["template"].startswith("xl_") and "shown" not in q


def test_a_practice_keeps_the_template_cap(content):
    for direction in CROSS_LANGUAGE:
        for seed in range(20):
            templates = [q["template"] for q in generate_quiz(content, QuizSettings(direction, 8), seed)]
            assert templates and max(templates.count(t) for t in templates) <= 2
