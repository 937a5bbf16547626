"""Grading and response validation for every question type (pure, no database)."""

import pytest

from quizzes.grading import grade_question, validate_response


def question(type, options, answer, targets=()):
    return {
        "key": f"t:{type}",
        "type": type,
        "options": [{"key": key, "text": {"tr": key, "en": key}} for key in options],
        "targets": [{"key": key, "text": {"tr": key, "en": key}} for key in targets],
        "answer": answer,
    }


SINGLE = question("single", ["department:a", "department:b", "decoy:c"], "department:a")
TRUEFALSE = question("truefalse", ["true", "false"], "false")
YEAR = question("year", ["year:2017", "year:2018", "year:2019", "year:2020"], "year:2018")
ORDERING = question(
    "ordering", ["event:c", "event:a", "event:d", "event:b"], ["event:a", "event:b", "event:c", "event:d"]
)
MATCHING = question(
    "matching",
    ["department:a", "department:b", "department:c", "department:d"],
    {"department:a": "focus:a", "department:b": "focus:b", "department:c": "focus:c", "department:d": "focus:d"},
    targets=["focus:c", "focus:a", "focus:d", "focus:b"],
)


# --- Grading -------------------------------------------------------------------


@pytest.mark.parametrize(
    "q, right, wrong",
    [(SINGLE, "department:a", "decoy:c"), (TRUEFALSE, "false", "true"), (YEAR, "year:2018", "year:2019")],
)
def test_single_choice_scores_one_only_for_the_answer(q, right, wrong):
    assert grade_question(q, right) == 1.0
    assert grade_question(q, wrong) == 0.0


@pytest.mark.parametrize("q", [SINGLE, TRUEFALSE, YEAR, ORDERING, MATCHING])
@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_no_response_scores_zero(q, empty):
    assert grade_question(q, empty) == 0.0


@pytest.mark.parametrize("q", [SINGLE, TRUEFALSE, YEAR, ORDERING, MATCHING])
def test_an_invalid_response_scores_zero(q):
    assert grade_question(q, "decoy:from-another-question") == 0.0
    assert grade_question(q, 42) == 0.0


def test_ordering_scores_one_when_fully_right():
    assert grade_question(ORDERING, ["event:a", "event:b", "event:c", "event:d"]) == 1.0


def test_ordering_gives_the_share_of_items_in_their_place():
    assert grade_question(ORDERING, ["event:a", "event:b", "event:d", "event:c"]) == 0.5
    assert grade_question(ORDERING, ["event:a", "event:c", "event:d", "event:b"]) == 0.25
    assert grade_question(ORDERING, ["event:d", "event:c", "event:b", "event:a"]) == 0.0


def test_matching_gives_the_share_of_pairs_right():
    answer = MATCHING["answer"]
    assert grade_question(MATCHING, dict(answer)) == 1.0
    half = {**answer, "department:a": "focus:b", "department:b": "focus:a"}
    assert grade_question(MATCHING, half) == 0.5


def test_matching_counts_a_pair_left_out_as_wrong():
    assert grade_question(MATCHING, {"department:a": "focus:a"}) == 0.25


def test_marks_stay_between_zero_and_one():
    for response in (["event:b", "event:a", "event:c", "event:d"], ["event:a", "event:b", "event:c", "event:d"]):
        assert 0.0 <= grade_question(ORDERING, response) <= 1.0


# --- Validation ------------------------------------------------------------------


def test_a_single_choice_response_is_one_option_key():
    assert validate_response(SINGLE, "decoy:c") == "decoy:c"
    assert validate_response(TRUEFALSE, "true") == "true"
    assert validate_response(YEAR, "year:2020") == "year:2020"


@pytest.mark.parametrize("bad", ["department:z", "year:2018", ["department:a"], {"department:a": 1}, 1, None, True])
def test_a_single_choice_response_must_be_one_of_its_options(bad):
    with pytest.raises(ValueError):
        validate_response(SINGLE, bad)


def test_truefalse_refuses_anything_but_true_or_false():
    for bad in ("yes", "True", True, False, 1):
        with pytest.raises(ValueError):
            validate_response(TRUEFALSE, bad)


def test_an_ordering_response_is_a_permutation_of_the_options():
    order = ["event:d", "event:c", "event:b", "event:a"]
    assert validate_response(ORDERING, order) == order
    assert validate_response(ORDERING, tuple(order)) == order


@pytest.mark.parametrize(
    "bad",
    [
        ["event:a", "event:b", "event:c"],  # one missing
        ["event:a", "event:a", "event:c", "event:d"],  # one twice
        ["event:a", "event:b", "event:c", "event:x"],  # not an option
        ["event:a", "event:b", "event:c", "event:d", "event:a"],
        "event:a",
        {"event:a": 1},
        [1, 2, 3, 4],
        None,
    ],
)
def test_an_ordering_response_refuses_anything_else(bad):
    with pytest.raises(ValueError):
        validate_response(ORDERING, bad)


def test_a_matching_response_may_leave_pairs_out():
    assert validate_response(MATCHING, {"department:b": "focus:a"}) == {"department:b": "focus:a"}


def test_a_matching_response_comes_back_in_option_order():
    given = {"department:d": "focus:d", "department:a": "focus:c"}
    assert list(validate_response(MATCHING, given)) == ["department:a", "department:d"]


@pytest.mark.parametrize(
    "bad",
    [
        {"department:x": "focus:a"},  # left key not an option
        {"department:a": "focus:x"},  # right key not a target
        {"focus:a": "department:a"},  # the wrong way round
        {"department:a": ["focus:a"]},
        {1: "focus:a"},
        [["department:a", "focus:a"]],
        "department:a",
        None,
    ],
)
def test_a_matching_response_refuses_anything_else(bad):
    with pytest.raises(ValueError):
        validate_response(MATCHING, bad)


def test_an_unknown_question_type_is_refused():
    with pytest.raises(ValueError):
        validate_response({**SINGLE, "type": "essay"}, "department:a")


def test_error_messages_are_short_english():
    with pytest.raises(ValueError, match="not one of this question's options"):
        validate_response(SINGLE, "decoy:other")
