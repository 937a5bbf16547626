"""Requests that overlap for real: a test database that threads can share, and a call in a thread.

On PostgreSQL the test database is shared as it is. The in-memory SQLite test database cannot be
shared by threads, so on SQLite ``shared_database`` moves the test onto a file copy of it, opened
with the project's own connection options (WAL: a reader sees the last committed rows while
another connection holds an uncommitted write, as on PostgreSQL).
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    memory = connections["default"]
    settings_dict = memory.settings_dict  # the dict new threads build their connections from
    memory_name = settings_dict["NAME"]
    memory.ensure_connection()
    copy = sqlite3.connect(tmp_path / "shared.sqlite3")
    memory.connection.backup(copy)
    copy.close()
    settings_dict["NAME"] = str(tmp_path / "shared.sqlite3")
    file_database = type(memory)(settings_dict, "default")
    connections["default"] = file_database
    try:
        yield
    finally:
        file_database.close()
        connections["default"] = memory
        settings_dict["NAME"] = memory_name


def start(call):
    """Run ``call()`` in a thread with its own database connection; ``.result()`` waits for it."""
    outcome = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test's thread by result()
            outcome["error"] = error
        finally:
            connections.close_all()  # this thread's connection

    thread = threading.Thread(target=run)
    thread.start()

    def result():
        thread.join(timeout=60)
        assert not thread.is_alive(), "the thread is still running"
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    thread.result = result
    return thread


def in_thread(call):
    """``call()`` from another thread (another worker, another connection), to its end."""
    return start(call).result()
