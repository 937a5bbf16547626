"""Pure grading: a frozen question and a learner's response in, a mark out.

A response is expressed in the question's option keys (forms.py turns posted
positions back into keys). Marks are in [0, 1]:

- single, truefalse, year: 1 when the response is the answer, else 0;
- ordering: 1 when the whole order is right; otherwise partial credit, the
  share of items standing in their right place (position by position);
- matching: the share of the answer's pairs the response gets right (a pair
  left out counts as wrong).

No response (None, "", [] or {}) scores 0.
"""

from .question_types import MATCHING, ORDERING, SINGLE_CHOICE_TYPES


def _option_keys(question):
    return [option["key"] for option in question["options"]]


def validate_response(question, response):
    """The response cleaned for storage, or ValueError with a short English message.

    Single-choice types take one option key (a string); ordering takes a list
    that is a permutation of the option keys; matching takes a dict from option
    keys to target keys (some pairs may be left out).
    """
    kind = question["type"]
    options = _option_keys(question)
    if kind in SINGLE_CHOICE_TYPES:
        if not isinstance(response, str):
            raise ValueError("expected one option")
        if response not in options:
            raise ValueError("not one of this question's options")
        return response
    if kind == ORDERING:
        if not isinstance(response, (list, tuple)) or not all(isinstance(k, str) for k in response):
            raise ValueError("expected a list of options")
        if len(response) != len(options) or sorted(response) != sorted(options):
            raise ValueError("expected each option exactly once")
        return list(response)
    if kind == MATCHING:
        if not isinstance(response, dict):
            raise ValueError("expected pairs of options and targets")
        targets = {target["key"] for target in question.get("targets") or []}
        allowed = set(options)
        clean = {}
        for left, right in response.items():
            if not isinstance(left, str) or left not in allowed:
                raise ValueError("not one of this question's options")
            if not isinstance(right, str) or right not in targets:
                raise ValueError("not one of this question's targets")
            clean[left] = right
        return {key: clean[key] for key in options if key in clean}
    raise ValueError("unknown question type")


def grade_question(question, response):
    """The mark for one response, in [0, 1]; an invalid or empty response scores 0."""
    if response is None or response == "" or response == [] or response == {}:
        return 0.0
    try:
        response = validate_response(question, response)
    except (ValueError, TypeError):
        return 0.0
    answer = question["answer"]
    kind = question["type"]
    if kind in SINGLE_CHOICE_TYPES:
        return 1.0 if response == answer else 0.0
    if kind == ORDERING:
        if list(response) == list(answer):
            return 1.0
        in_place = sum(1 for given, right in zip(response, answer, strict=False) if given == right)
        return in_place / len(answer) if answer else 0.0
    if kind == MATCHING:
        if not answer:
            return 0.0
        right = sum(1 for left, target in answer.items() if response.get(left) == target)
        return right / len(answer)
    return 0.0
