"""Live game fixtures: a game made by a teacher, and sockets opened on it as the host or a player."""

import json

import pytest
import pytest_asyncio
from channels.layers import channel_layers
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker

from live import services
from live.routing import websocket_urlpatterns
from tests.factories import make_teacher

SOCKETS = URLRouter(websocket_urlpatterns)


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    # Each async test has its own event loop, and channels keeps one layer per process: channels-redis's
    # locks and connections belong to the loop that first used them. A layer per test, as a process has.
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def host(transactional_db, content):
    return make_teacher("canli_ogretmen")


@pytest.fixture
def game(host):
    return services.create_game(host, topic="mixed", length=3, difficulty="any", seconds=20)


class Socket:
    """A socket on the game, as a phone or the projector uses it (the session and user are given, as
    AuthMiddlewareStack would find them)."""

    def __init__(self, code, role, user=None, session=None):
        self.communicator = WebsocketCommunicator(SOCKETS, f"/ws/live/{code}/{role}/")
        self.communicator.scope["user"] = user or AnonymousUser()
        self.communicator.scope["session"] = session if session is not None else {}

    async def open(self):
        connected, code = await self.communicator.connect()
        return connected, code

    async def send(self, **message):
        await self.communicator.send_to(text_data=json.dumps(message))

    async def send_text(self, text):
        await self.communicator.send_to(text_data=text)

    async def receive(self, timeout=2):
        return json.loads(await self.communicator.receive_from(timeout=timeout))

    async def until(self, kind, timeout=2):
        """Messages up to the first of type ``kind`` (returned); the ones before are dropped."""
        while True:
            message = await self.receive(timeout)
            if message["type"] == kind:
                return message

    async def nothing(self):
        return await self.communicator.receive_nothing(timeout=0.1)

    async def close(self):
        await self.communicator.disconnect()


def run_queued_tasks():
    """One pass of django-tasks' database worker, as `manage.py run_worker` runs it: every task waiting."""
    try:
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
            excluded_queue_names=[],
        ).run()
    finally:
        connections.close_all()  # this thread's own (PostgreSQL would wait for it when the test database goes)


@pytest.fixture(autouse=True)
def _no_connection_kept_in_socket_threads():
    # The sockets reach the database from asgiref's worker threads, each keeping its connection for
    # CONN_MAX_AGE; PostgreSQL then refused to drop the test database at the end ("being accessed by other
    # users"). Closed after each call here, as channels' database_sync_to_async does with an age of 0.
    database = connections["default"].settings_dict
    kept, database["CONN_MAX_AGE"] = database["CONN_MAX_AGE"], 0
    yield
    database["CONN_MAX_AGE"] = kept


@pytest.fixture(autouse=True)
def _tasks_at_once(settings):
    # A finished game is saved by the worker (live/tasks.py). Here the task runs as it is enqueued, in the
    # socket's own thread, as one shared in-memory SQLite database needs (a worker thread reading it while
    # a test writes meets "table is locked"); test_the_worker_saves_a_finished_game runs the real queue.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest_asyncio.fixture
async def socket():
    opened = []

    def make(code, role, user=None, session=None):
        made = Socket(code, role, user, session)
        opened.append(made)
        return made

    yield make
    # Every socket closed before the database is emptied (PostgreSQL waits for open connections' locks).
    for made in opened:
        await made.communicator.disconnect()
