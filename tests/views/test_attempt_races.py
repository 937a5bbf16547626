"""Autosave racing submit, as two browser tabs (or a slow autosave and a quick click) make them race.

Real threads, each with its own database connection, post at the same moment. On PostgreSQL the
test database is shared as it is; the in-memory SQLite test database cannot be shared by threads,
so on SQLite the test runs on a file copy of it, opened with the project's own connection options
(WAL, IMMEDIATE transactions, a busy timeout): the setup `make run` uses.

A race test that never raced proves nothing: each request's entry to and exit from saving the
answers (the section that takes the attempt's row) is recorded, and the test requires that some
requests entered while another was still inside.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from quizzes.grading import grade_question
from quizzes.models import Attempt
from quizzes.views import quiz
from tests.conftest import make_user
from tests.quiz_factories import make_quiz_attempt, save_url
from tests.threads import shared_database  # noqa: F401 -- a fixture

RACES = 20
AUTOSAVES_PER_RACE = 2
# What the submit carries: the right answers to the single-choice and the matching question.
SUBMITTED = {"q-0": "1", "q-2-0": "1", "q-2-1": "0"}
SUBMITTED_RESPONSES = {0: "department:siber", 2: {"department:a": "focus:a", "department:b": "focus:b"}}
# What the autosaves carry: answers the learner had before changing their mind.
AUTOSAVED = {"q-0": "0", "q-2-0": "0"}


class CriticalSection:
    """Wraps the answers' save: counts the calls that began while another call was still inside."""

    def __init__(self, function):
        self.function = function
        self.lock = threading.Lock()
        self.inside = 0
        self.overlapping = 0

    def __call__(self, *args, **kwargs):
        with self.lock:
            self.overlapping += self.inside > 0
            self.inside += 1
        try:
            return self.function(*args, **kwargs)
        finally:
            with self.lock:
                self.inside -= 1


@pytest.fixture
def critical_section(monkeypatch):
    section = CriticalSection(quiz.save_answers)
    monkeypatch.setattr(quiz, "save_answers", section)
    return section


def _post_together(posts):
    """Send each (client, url, data) from its own thread, all released at once; the responses in order."""
    barrier = threading.Barrier(len(posts))
    responses = [None] * len(posts)

    def send(index, client, url, data):
        try:
            barrier.wait()
            responses[index] = client.post(url, data)
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=send, args=(i, *post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def _tab(user):
    client = Client(raise_request_exception=False)  # a crash is a 500 to count, as a browser would see it
    client.force_login(user)
    return client


@pytest.mark.usefixtures("shared_database")
def test_autosave_racing_submit_never_fails_and_never_loses_the_submitted_answers(critical_section):
    student = make_user("yarisan")
    submit_tab, autosave_tabs = _tab(student), [_tab(student) for _ in range(AUTOSAVES_PER_RACE)]
    server_errors = lost = autosaves_refused = unexpected = inconsistent = 0
    for race in range(RACES):
        attempt = make_quiz_attempt(student)
        url = save_url(attempt)
        autosaves = [(tab, url, {"action": "autosave", **AUTOSAVED}) for tab in autosave_tabs]
        submit = (submit_tab, url, {"action": "submit", "submit_anyway": "1", **SUBMITTED})
        # Alternate who is started first, so both orders get their chance.
        posts = [submit, *autosaves] if race % 2 else [*autosaves, submit]
        responses = _post_together(posts)
        statuses = [r.status_code for r in responses]
        server_errors += sum(status >= 500 for status in statuses)
        autosave_statuses = [r.status_code for r, post in zip(responses, posts, strict=True) if post is not submit]
        autosaves_refused += autosave_statuses.count(409)
        unexpected += responses[posts.index(submit)].status_code != 302
        unexpected += sum(status not in (200, 409) for status in autosave_statuses)

        attempt = Attempt.objects.get(pk=attempt.pk)
        answers = {a.position: a for a in attempt.answers.all()}
        if not attempt.is_submitted or any(answers[p].response != r for p, r in SUBMITTED_RESPONSES.items()):
            lost += 1
        # Graded as stored: every mark is the grade of the stored response, the score their sum.
        inconsistent += attempt.score != sum(a.mark or 0 for a in answers.values()) or any(
            a.mark != grade_question(attempt.questions[p], a.response) for p, a in answers.items()
        )

    print(
        f"\n[{connection.vendor}] races tried: {RACES} (each 1 submit + {AUTOSAVES_PER_RACE} autosaves), "
        f"5xx: {server_errors}, answers lost: {lost}, autosaves answered 'already submitted': {autosaves_refused}, "
        f"saves begun while another was inside: {critical_section.overlapping}"
    )
    assert critical_section.overlapping > 0, "the requests ran one after another: nothing raced"
    assert (server_errors, lost, unexpected, inconsistent) == (0, 0, 0, 0)


def test_the_overlap_count_sees_none_when_requests_run_one_after_another(db, critical_section):
    student = make_user("sirayla")
    tab = _tab(student)
    url = save_url(make_quiz_attempt(student))
    for data in [{"action": "autosave", **AUTOSAVED}, {"action": "submit", "submit_anyway": "1", **SUBMITTED}]:
        tab.post(url, data)
    assert critical_section.inside == 0
    assert critical_section.overlapping == 0
