"""What each question template asks on the office content (tests/content_builders.py). No database.

The templates in use, the items they reach, the wording of dates and decree numbers, and when a
template is left out. The draw itself (deterministic, sound on any content): tests/test_generation.py.
"""

import dataclasses

import pytest

from quizzes.generation import TEMPLATES, TOPICS, all_question_keys, questions_for_item
from tests.content_builders import DECOYS, EVENTS, office_content


def test_every_template_is_used_on_the_office_content():
    keys = [k for ks in all_question_keys(office_content()).values() for k in ks]
    # The cross-language templates: tests/test_generation_crosslanguage.py and, on the real content, the view tests.
    assert {k.split(":")[0] for k in keys} == {name for name, t in TEMPLATES.items() if t.topic in TOPICS}


def test_every_organisation_in_use_is_reachable():
    content = office_content()
    assert questions_for_item(content, "organisation:siber-guvenlik-baskanligi")
    assert questions_for_item(content, "organisation:dijital-donusum-ofisi")


def test_the_successor_is_the_body_founded_the_year_the_office_closed():
    (question,) = [
        q
        for q in questions_for_item(office_content(), "organisation:siber-guvenlik-baskanligi")
        if q["template"] == "successor"
    ]
    assert question["answer"] == "organisation:siber-guvenlik-baskanligi"


def test_dates_in_explanations_follow_the_precision():
    content = office_content()
    (day,) = [q for q in questions_for_item(content, "event:cbk-1") if q["template"] == "event_year"]
    assert day["explanation"]["tr"].startswith("10 Temmuz 2018:")
    assert day["explanation"]["en"].startswith("10 July 2018:")
    (month,) = [q for q in questions_for_item(content, "event:cbk-183") if q["template"] == "tf_event_year"]
    assert "Mart 2025:" in month["explanation"]["tr"] and "March 2025:" in month["explanation"]["en"]
    assert "1 Mart" not in month["explanation"]["tr"]


def test_no_month_question_for_an_event_known_to_the_year():
    content = office_content(events=tuple(dataclasses.replace(e, precision="year") for e in EVENTS))
    assert not [k for k in all_question_keys(content)["timeline"] if k.startswith("event_month:")]


def test_the_decree_question_hides_the_number_in_the_title():
    (question,) = [q for q in questions_for_item(office_content(), "event:cbk-177") if q["template"] == "decree_number"]
    assert "177" not in question["prompt"]["tr"] + question["prompt"]["en"]
    assert question["answer"] == "decree:177"
    assert any(
        o["key"] == "decree:183" or o["key"] == "decree:48" or o["key"] == "decree:1" for o in question["options"]
    )


def test_a_template_is_skipped_without_enough_distractors():
    content = office_content(decoys=DECOYS[:1] + DECOYS[3:])  # one department decoy left
    keys = all_question_keys(content)["departments"]
    assert not [k for k in keys if k.startswith("dept_is:")]
    assert [k for k in keys if k.startswith("tf_dept:")]


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_has_questions_on_the_office_content(topic):
    assert all_question_keys(office_content())[topic]
