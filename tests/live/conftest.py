"""Live game fixtures: a game made by a teacher, and sockets opened on it as the host or a player."""

import json

import pytest
import pytest_asyncio
from channels.layers import channel_layers
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

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
