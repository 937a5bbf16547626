"""The generator gives the same questions, byte for byte, as when the snapshot was taken.

The snapshot (tests/snapshots/generation.json.gz) holds a few hundred quizzes
over many seeds and every topic, difficulty and length, every question key,
every question rebuilt from its key, and the admin preview of every item, all
generated from the real content (fixtures/content.json) and from the small
hand-built content of tests/content_builders.py. It guards refactors of
quizzes/generation/: a change that moves one option of one question fails here.

When the questions are meant to change (new wording, a new template), write a
new snapshot and commit it with the change that explains why:

    UPDATE_GENERATION_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_generation_snapshot.py
"""

import gzip
import json
import os
from pathlib import Path

import pytest

from quizzes.content import load_content
from quizzes.generation import (
    DIFFICULTIES,
    TOPICS,
    QuizSettings,
    all_question_keys,
    generate_from_keys,
    generate_quiz,
    item_refs,
    questions_for_item,
)
from tests.content_builders import office_content

SNAPSHOT = Path(__file__).parent / "snapshots" / "generation.json.gz"
LENGTHS = (1, 5, 10, 15, 20, 40)  # the lengths a learner picks, one question, and more than a topic holds
SEEDS_PER_QUIZ = 3


def item_refs_of(content):
    """Every content item's ref, in content order."""
    kinds = (
        ("department", content.departments),
        ("duty", content.duties),
        ("event", content.events),
        ("decoy", content.decoys),
        ("term", content.terms),
        ("organisation", content.organisations),
    )
    return [f"{kind}:{item.key}" for kind, items in kinds for item in items]


def snapshot_of(content, seeds_per_quiz):
    quizzes = []
    number = 0
    for topic in (*TOPICS, "mixed"):
        for difficulty in ("any", *DIFFICULTIES):
            for length in LENGTHS:
                settings = QuizSettings(topic=topic, length=length, difficulty=difficulty)
                for _ in range(seeds_per_quiz):
                    # Seeds spread far apart (and one of them 0), different for every quiz.
                    seed = (number * 7919) % 1_000_003
                    number += 1
                    quizzes.append(
                        {
                            "topic": topic,
                            "difficulty": difficulty,
                            "length": length,
                            "seed": seed,
                            "questions": generate_quiz(content, settings, seed),
                        }
                    )
    keys = all_question_keys(content)
    every_key = [key for found in keys.values() for key in found]
    rebuilt = {str(seed): generate_from_keys(content, every_key, seed) for seed in (0, 1, 20260101)}
    return {
        "quizzes": quizzes,
        "keys": keys,
        "rebuilt": rebuilt,
        "item_refs": {q["key"]: item_refs(q) for q in rebuilt["0"]},
        "preview": {ref: questions_for_item(content, ref) for ref in item_refs_of(content)},
    }


def snapshot_bytes(fixture_content):
    data = {
        "fixture": snapshot_of(fixture_content, SEEDS_PER_QUIZ),
        "built": snapshot_of(office_content(), 1),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@pytest.mark.django_db
def test_generation_matches_the_snapshot(content):
    found = snapshot_bytes(load_content())
    if os.environ.get("UPDATE_GENERATION_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_bytes(gzip.compress(found, compresslevel=9, mtime=0))
    expected = gzip.decompress(SNAPSHOT.read_bytes())
    if found != expected:
        # Name the first thing that differs rather than dumping megabytes.
        a, b = json.loads(found), json.loads(expected)
        for part in ("fixture", "built"):
            for name in a[part]:
                assert a[part][name] == b[part][name], f"{part}/{name} differs from the snapshot"
    assert found == expected
