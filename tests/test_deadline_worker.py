"""A timed assignment's deadline passes with nobody online, and a real worker process closes it: the teacher's
class overview then shows the score. The worker is `manage.py run_worker` started as a subprocess against the
test database: PostgreSQL's test database itself; on SQLite (an in-memory test database no other process can
open) a file copy of it, copied back when the worker has stopped."""

import datetime
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quizzes import timing
from quizzes.grading import SINGLE_CHOICE_TYPES
from quizzes.models import Attempt
from quizzes.services import deadlines
from quizzes.services.attempts import save_answers
from quizzes.services.classes import start_assignment
from tests.factories import as_user, make_assignment, make_classroom

ROOT = Path(__file__).resolve().parent.parent
WAIT = 60  # seconds at most for the worker to pick the task up (it looks every 0.1 s)


def database_url(sqlite_file):
    if connection.vendor == "sqlite":
        return f"sqlite:///{sqlite_file}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def close_task_state(sqlite_file):
    """(status, return value) of the attempt's closing task, as the worker left it."""
    path = deadlines.close_attempt.module_path
    if connection.vendor != "sqlite":
        row = DBTaskResult.objects.values_list("status", "return_value").get(task_path=path)
        return row[0], row[1]
    with sqlite3.connect(sqlite_file) as db:
        table = DBTaskResult._meta.db_table
        status, value = db.execute(f"SELECT status, return_value FROM {table} WHERE task_path = ?", [path]).fetchone()  # noqa: S608
    return status, json.loads(value) if value is not None else None


def run_worker_until_done(sqlite_file):
    env = {**os.environ, "DATABASE_URL": database_url(sqlite_file), "CONN_MAX_AGE": "0", "DEBUG": "1"}
    worker = subprocess.Popen(  # noqa: S603 -- this interpreter and our own manage.py
        [sys.executable, "manage.py", "run_worker", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        give_up = time.monotonic() + WAIT
        while close_task_state(sqlite_file)[0] in {"READY", "RUNNING"} and worker.poll() is None:
            assert time.monotonic() < give_up, "the worker never ran the closing task"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGTERM)  # a graceful stop: the task under way ends first
        output, _ = worker.communicate(timeout=WAIT)
    assert worker.returncode == 0, output
    return close_task_state(sqlite_file)


@pytest.mark.django_db(transaction=True)
def test_a_deadline_passes_with_nobody_online_and_the_teacher_sees_the_score(
    client, teacher, student, content, tmp_path
):
    classroom = make_classroom(teacher, [student])
    assignment = make_assignment(classroom, "Süreli", time_limit=20, length=5)
    attempt, _new = start_assignment(student, assignment.pk, timezone.now())
    first = next(i for i, q in enumerate(attempt.questions) if q["type"] in SINGLE_CHOICE_TYPES)
    save_answers(attempt, {first: attempt.questions[first]["answer"]}, "tr")  # autosaved; then the page was closed
    # Twenty-one minutes pass: the attempt's clock and its queued close move back together.
    passed = datetime.timedelta(minutes=20) + timing.GRACE + datetime.timedelta(minutes=1)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - passed, deadline=attempt.deadline - passed
    )
    close = DBTaskResult.objects.get(task_path=deadlines.close_attempt.module_path)
    DBTaskResult.objects.filter(pk=close.pk).update(run_after=close.run_after - passed)

    sqlite_file = tmp_path / "worker.sqlite3"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(sqlite_file) as copy:
            connection.connection.backup(copy)

    assert run_worker_until_done(sqlite_file) == ("SUCCESSFUL", True)  # the close, not the sweep, closed it

    if connection.vendor == "sqlite":
        with sqlite3.connect(sqlite_file) as copy:
            copy.backup(connection.connection)
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1.0
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/report/").content.decode()
    assert "<td>20%</td>" in html
    assert ">In progress</small>" not in html
