"""What the quiz and result pages get from a frozen question: pure functions, no database."""

import json

import pytest

from quizzes.presentation import describe, for_result, for_taking
from tests.quiz_factories import frozen_questions

SINGLE, ORDERING, MATCHING = frozen_questions(3)


# --- for_taking: the quiz page -------------------------------------------------------------------


@pytest.mark.parametrize("question", [SINGLE, ORDERING, MATCHING], ids=["single", "ordering", "matching"])
def test_it_never_gives_the_quiz_page_an_option_key_the_answer_or_the_explanation(question):
    shown = json.dumps(for_taking(question, None, "en"), ensure_ascii=False)
    for option in question["options"] + question["targets"]:
        assert option["key"] not in shown
    assert "answer" not in shown
    assert question["explanation"]["en"] not in shown
    assert "decoy" not in shown


def test_it_gives_options_by_position_in_the_pages_language():
    assert [o["text"] for o in for_taking(SINGLE, None, "en")["options"]] == [
        "Data Department",
        "Cyber Department",
        "Agriculture Department",
    ]
    taking = for_taking(SINGLE, None, "tr")
    assert taking["prompt"] == "Siber güvenliğe hangi daire odaklandı?"
    assert [(o["index"], o["text"]) for o in taking["options"]] == [
        (0, "Veri Dairesi"),
        (1, "Siber Dairesi"),
        (2, "Tarım Dairesi"),
    ]


def test_it_checks_the_saved_single_choice():
    options = for_taking(SINGLE, "department:veri", "en")["options"]
    assert [o["checked"] for o in options] == [True, False, False]


def test_nothing_is_checked_before_an_answer():
    assert not any(o["checked"] for o in for_taking(SINGLE, None, "en")["options"])


def test_it_gives_each_option_its_saved_place_in_an_ordering():
    # Options are shown as Third, First, Second; the learner put them First, Second, Third.
    taking = for_taking(ORDERING, ["event:a", "event:b", "event:c"], "en")
    assert [(o["text"], o["place"]) for o in taking["options"]] == [("Third", 3), ("First", 1), ("Second", 2)]
    assert taking["places"] == [1, 2, 3]


def test_an_ordering_not_yet_answered_has_no_places():
    assert [o["place"] for o in for_taking(ORDERING, None, "en")["options"]] == [None, None, None]


def test_it_gives_each_matching_option_the_position_of_its_saved_target():
    taking = for_taking(MATCHING, {"department:a": "focus:a"}, "tr")
    assert taking["targets"] == [{"index": 0, "text": "B işi"}, {"index": 1, "text": "A işi"}]
    assert [(o["text"], o["target"]) for o in taking["options"]] == [("A Dairesi", 1), ("B Dairesi", None)]


def test_a_matching_response_of_the_wrong_shape_fills_in_nothing():
    assert [o["target"] for o in for_taking(MATCHING, "focus:a", "en")["options"]] == [None, None]


# --- describe: a response or an answer key as text ------------------------------------------------


@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_an_empty_response_is_described_as_nothing(empty):
    assert describe(SINGLE, empty, "en") is None


def test_a_single_choice_is_described_by_its_text_in_each_language():
    assert describe(SINGLE, "department:siber", "en") == "Cyber Department"
    assert describe(SINGLE, "department:siber", "tr") == "Siber Dairesi"


def test_an_ordering_is_described_as_its_texts_in_the_learners_order():
    assert describe(ORDERING, ["event:b", "event:a", "event:c"], "tr") == ["İkinci", "Birinci", "Üçüncü"]


def test_a_matching_is_described_as_pairs():
    assert describe(MATCHING, {"department:a": "focus:b"}, "en") == ["Department A → B's work"]
    assert describe(MATCHING, MATCHING["answer"], "tr") == ["A Dairesi → A işi", "B Dairesi → B işi"]


def test_an_unknown_key_is_shown_as_a_question_mark():
    assert describe(SINGLE, "department:gone", "en") == "?"
    assert describe(ORDERING, ["event:a", "event:gone"], "en") == ["First", "?"]


# --- for_result: the result page -----------------------------------------------------------------


def test_the_result_shows_the_given_and_the_right_answer_in_english():
    result = for_result(SINGLE, "department:veri", 0.0, "en")
    assert result["prompt"] == "Which department focused on cyber security?"
    assert result["given"] == "Data Department"
    assert result["correct"] == "Cyber Department"
    assert result["explanation"] == "The Cyber Department did."
    assert result["basis"] == "sourced"
    assert result["sources"][0]["title"] == "Source"
    assert result["sources"][0]["publisher"] == "mynet"
    assert result["topic"] == "departments"


def test_the_result_shows_the_given_and_the_right_answer_in_turkish():
    result = for_result(ORDERING, ["event:c", "event:b", "event:a"], 0.0, "tr")
    assert result["prompt"] == "Sıraya koyun."
    assert result["given"] == ["Üçüncü", "İkinci", "Birinci"]
    assert result["correct"] == ["Birinci", "İkinci", "Üçüncü"]
    assert result["explanation"] == "Siber Dairesi siber güvenliğe odaklandı."
    assert result["sources"][0]["title"] == "Kaynak"


@pytest.mark.parametrize(("mark", "verdict"), [(1.0, "correct"), (0.5, "partial"), (0.0, "wrong"), (None, "wrong")])
def test_the_verdict_follows_the_mark(mark, verdict):
    assert for_result(MATCHING, {"department:a": "focus:a"}, mark, "en")["verdict"] == verdict


def test_an_unanswered_question_shows_no_given_answer_but_the_right_one():
    result = for_result(SINGLE, None, 0.0, "en")
    assert result["given"] is None
    assert result["correct"] == "Cyber Department"


def test_a_question_without_a_source_shows_none():
    result = for_result({**SINGLE, "source": None}, None, 0.0, "en")
    assert result["sources"] == [] and result["basis"] is None


def test_an_editorial_explanation_never_shows_a_source():
    """Issue 18: a department's focus, ours on /departments/, was "Source: Mynet Haber" on the result page."""
    editorial = {**SINGLE, "basis": "editorial", "sources": [SINGLE["source"]]}
    result = for_result(editorial, None, 0.0, "en")
    assert result["basis"] == "editorial" and result["sources"] == []


def test_every_source_an_explanation_used_is_shown():
    other = {**SINGLE["source"], "publisher": "Digital Age"}
    result = for_result({**SINGLE, "basis": "sourced", "sources": [SINGLE["source"], other]}, None, 0.0, "en")
    assert [s["publisher"] for s in result["sources"]] == ["mynet", "Digital Age"]
