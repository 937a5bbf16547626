"""What both sockets share: strict parsing, a flood limit, refusals in words, and telling the game."""

import json
import time

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import translation

from .. import engine, protocol, services, tasks
from ..messages import ERRORS
from ..store import get_store

# A phone or a projector sends a few messages a minute; a burst of BURST, then RATE a second.
BURST = 10
RATE = 5.0
# After this many refused messages in a row the socket is closed (4429): a client that never listens.
MAX_REFUSED = 50


def players_group(code):
    return f"live.{code}"


def host_group(code):
    return f"live.{code}.host"


class GameConsumer(AsyncWebsocketConsumer):
    schema = None  # protocol.PLAYER_MESSAGES or HOST_MESSAGES
    language = "tr"

    async def connect(self):
        self.code = self.scope["url_route"]["kwargs"]["code"]
        self.store = get_store()
        self.meta = await self.store.meta(self.code)
        if self.meta is None:
            self.meta = await self.load_game()
        if self.meta is None or not await self.allowed():
            await self.close(code=4404 if self.meta is None else 4403)
            return
        self.tokens, self.refilled, self.refused = float(BURST), time.monotonic(), 0
        await self.accept()
        await self.joined()

    async def load_game(self):
        """The game from the database, put in the store if it is not there (a first socket, or a restart)."""
        meta = await sync_to_async(services.meta_for_code)(self.code)
        if meta is None:
            return None
        await self.store.init(self.code, meta)
        return await self.store.meta(self.code)

    async def allowed(self):
        return True

    async def joined(self):
        """Called once the socket is accepted."""

    async def send_json(self, payload):
        await self.send(text_data=json.dumps(payload, ensure_ascii=False))

    async def refuse(self, code):
        """A clear message in the socket's language; nothing in the game changed."""
        with translation.override(self.language):
            await self.send_json({"type": "error", "code": code, "message": str(ERRORS.get(code, code))})

    def _take_token(self):
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.refilled) * RATE)
        self.refilled = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True

    async def receive(self, text_data=None, bytes_data=None):
        if not self._take_token():
            await self._refused("too_many")
            return
        try:
            message = protocol.parse(text_data, self.schema)
            await self.handle(message)
        except (protocol.ProtocolError, engine.Refused) as refusal:
            await self._refused(refusal.code)
        else:
            self.refused = 0

    async def _refused(self, code):
        self.refused += 1
        await self.refuse(code)
        if self.refused >= MAX_REFUSED:
            await self.close(code=4429)

    async def handle(self, message):
        raise NotImplementedError

    async def tell(self, event, payload, *, players=True, host=True):
        """Send an event to every socket of the game, on whichever process it is."""
        message = {"type": f"live.{event}", **payload}
        if players:
            await self.channel_layer.group_send(players_group(self.code), message)
        if host:
            await self.channel_layer.group_send(host_group(self.code), message)

    async def announce(self, state):
        """Tell everyone what a change of state means: a question opened, closed or paused, the game ended."""
        if state is None:
            return  # someone else changed it first, and told everyone
        phase = state["phase"]
        if phase == engine.QUESTION:
            now = await self.store.now()
            await self.tell(
                "question",
                {
                    "question": engine.public_question(self.meta, int(state["index"])),
                    "elapsed": engine.elapsed_in(state, now),
                    "paused": bool(state["paused_at"]),
                },
            )
        elif phase == engine.RESULTS:
            found = await engine.results(self.store, self.code, self.meta, state)
            await self.tell("closed", {"standings": found["standings"], "last": found["last"], "top": found["top"]})
        elif phase == engine.ENDED:
            await self.finish(state)

    async def finish(self, state):
        """Every player's answers queued for saving as attempts by the worker (``tasks.save_game``, off this
        process's event loop), then the podium for everyone at once. Should this process die before the
        save is queued, the answers stay in the store and the host's projector, reconnecting, queues it."""
        players = await self.store.players(self.code)
        found = await engine.results(self.store, self.code, self.meta, state, players)
        await self.save_game(state, found, players)
        await self.tell("ended", {"standings": found["standings"], "podium": found["top"][: engine.PODIUM]})

    async def save_game(self, state, found=None, players=None):
        """Enqueue the saving of every player (the task's arguments are JSON: lines, answers, infos), from
        one reading of the players (one joining meanwhile is refused: the game is over)."""
        if players is None:
            players = await self.store.players(self.code)
        if found is None:
            found = await engine.results(self.store, self.code, self.meta, state, players)
        rounds = await self.store.rounds_answers(self.code, len(self.meta["questions"]))
        answers = {}
        for position, given in enumerate(rounds):
            for pid, (option, _elapsed, language) in given.items():
                answers.setdefault(pid, {})[position] = (option, language)
        table = found["table"]
        lines = {
            pid: {**found["standings"][pid], "right": table[pid].right, "answered": table[pid].answered}
            for pid in players
        }
        enqueue = database_sync_to_async(tasks.save_game.enqueue, thread_sensitive=False)
        await enqueue(self.code, players, lines, answers)
