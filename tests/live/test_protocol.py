"""The sockets' message schema and nicknames: pure, no database."""

import json

import pytest

from live.protocol import HOST_MESSAGES, MAX_FRAME, PLAYER_MESSAGES, ProtocolError, clean_name, name_key, parse


def refused(text, schema=PLAYER_MESSAGES):
    with pytest.raises(ProtocolError) as caught:
        parse(text, schema)
    return caught.value.code


def test_a_well_formed_answer_is_read():
    message = parse(json.dumps({"type": "answer", "question": 2, "option": "x"}), PLAYER_MESSAGES)
    assert message.type == "answer" and message["question"] == 2 and message["option"] == "x"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "not_text"),
        ("not json", "not_json"),
        ("[1, 2]", "no_type"),
        ('{"type": "hack"}', "unknown_type"),
        ('{"type": "answer", "question": 1}', "bad_fields"),
        ('{"type": "answer", "question": "1", "option": "a"}', "bad_fields"),
        ('{"type": "answer", "question": true, "option": "a"}', "bad_fields"),
        ('{"type": "answer", "question": -1, "option": "a"}', "bad_fields"),
        ('{"type": "answer", "question": 1, "option": "a", "extra": 1}', "bad_fields"),
        ('{"type": "join", "name": "x", "lang": "de"}', "bad_language"),
        ('{"type": "resume", "token": "' + "t" * 65 + '", "lang": "tr"}', "bad_fields"),
    ],
)
def test_bad_messages_are_refused_with_a_reason(text, code):
    assert refused(text) == code


def test_an_oversized_frame_is_refused_before_it_is_read():
    assert refused(json.dumps({"type": "join", "name": "x" * MAX_FRAME, "lang": "tr"})) == "too_large"


def test_a_player_cannot_send_host_controls():
    assert refused('{"type": "next"}') == "unknown_type"
    assert parse('{"type": "next"}', HOST_MESSAGES).type == "next"


def test_nicknames_are_folded_and_limited_and_carry_no_markup():
    assert clean_name("  Ayşe   Yılmaz ") == "Ayşe Yılmaz"
    for name, code in [
        ("   ", "name_empty"),
        ("x" * 21, "name_long"),
        ("<b>x</b>", "name_markup"),
        ("a\u200bb", "name_markup"),
    ]:
        with pytest.raises(ProtocolError) as caught:
            clean_name(name)
        assert caught.value.code == code


def test_nicknames_compare_without_case_in_turkish():
    assert name_key("AYŞE") == name_key("ayşe")
    assert name_key("IŞIL") == name_key("ışıl")
    assert name_key("İpek") == name_key("ipek")
    assert name_key("Işıl") != name_key("İşil")
