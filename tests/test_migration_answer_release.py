"""Migration 0017 renames Assignment.review to answer_release: every assignment keeps its setting."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("quizzes", "0016_practise_what_the_class_missed")]
AFTER = [("quizzes", "0017_rename_review_to_answer_release")]


@pytest.mark.django_db(transaction=True)
def test_renaming_review_to_answer_release_keeps_every_assignments_setting():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    teacher = old.get_model("auth", "User").objects.create(username="ogretmen")
    classroom = old.get_model("quizzes", "Classroom").objects.create(name="9-A", teacher=teacher, join_code="ABCD2345")
    now = timezone.now()
    for title, review in (("each", "each_attempt"), ("due", "due_date")):
        old.get_model("quizzes", "Assignment").objects.create(
            classroom=classroom, title=title, topic="mixed", opens_at=now, due_at=now, review=review
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    settings = dict(new.get_model("quizzes", "Assignment").objects.values_list("title", "answer_release"))
    assert settings == {"each": "each_attempt", "due": "due_date"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
