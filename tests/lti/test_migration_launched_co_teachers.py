"""Migration lti 0004 records which co-teachers launches made: those with an account on the course's platform,
the ones a sync took co-teaching from before it; a co-teacher with no such account stays out of its reach."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

LTI_BEFORE = ("lti", "0003_platform_problems_explained")
AFTER = [("lti", "0004_course_launched_co_teachers")]


@pytest.mark.django_db(transaction=True)
def test_the_co_teachers_with_an_account_on_the_platform_are_taken_as_launched():
    executor = MigrationExecutor(connection)
    BEFORE = [LTI_BEFORE, *executor.loader.graph.leaf_nodes("quizzes")]  # the classes' co-teachers are there
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("auth", "User")
    owner, launched, by_admin = (User.objects.create(username=name) for name in ("owner", "launched", "by_admin"))
    classroom = old.get_model("quizzes", "Classroom").objects.create(name="9-A", teacher=owner, join_code="ABCD2345")
    classroom.co_teachers.add(launched, by_admin)
    platform = old.get_model("lti", "Platform").objects.create(
        name="Moodle", issuer="https://m.test", client_id="c", auth_login_url="https://m.test/a",
        auth_token_url="https://m.test/t", key_set_url="https://m.test/k",
    )  # fmt: skip
    old.get_model("lti", "LtiUser").objects.create(platform=platform, sub="teacher-2", user=launched)
    old.get_model("lti", "Course").objects.create(platform=platform, context_id="42", classroom=classroom)
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    course = new.get_model("lti", "Course").objects.get()
    assert list(course.launched_co_teachers.values_list("username", flat=True)) == ["launched"]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
