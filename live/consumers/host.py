"""The host's projector: the players joining, the controls, the count of answers, the results.

Only the game's own host (signed in, a teacher, the account that made it) may open it. It also keeps
the question's clock: when every player's time is over it closes the question. If the host's process
dies, the projector reconnects (to another process) and the new socket takes the clock over.
"""

import asyncio
import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async

from quizzes.roles import is_teacher

from .. import engine, protocol, services, tasks
from .common import GameConsumer, host_group

logger = logging.getLogger(__name__)

# Seconds between two looks at how many players have answered (one small read, not a message per answer),
# and at whether the worker has saved the finished game.
COUNT_EVERY = 0.25
SAVED_EVERY = 0.5
REQUEUE_LOOKS = 120  # every minute of waiting, whether the save needs queueing again


class HostConsumer(GameConsumer):
    schema = protocol.HOST_MESSAGES
    timer = counter = watcher = None

    async def allowed(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or user.pk != self.meta["host"]:
            return False
        return await database_sync_to_async(is_teacher)(user)

    async def joined(self):
        asked = parse_qs(self.scope.get("query_string", b"").decode()).get("lang", ["tr"])[0]
        self.language = asked if asked in protocol.LANGUAGES else "tr"
        await self.channel_layer.group_add(host_group(self.code), self.channel_name)
        await self.send_snapshot()

    async def disconnect(self, close_code):
        for task in (self.timer, self.counter, self.watcher):
            if task is not None:
                task.cancel()
        if getattr(self, "meta", None) is not None:
            await self.channel_layer.group_discard(host_group(self.code), self.channel_name)

    async def handle(self, message):
        if message.type == "ping":
            await self.send_json({"type": "pong"})
            return
        if message.type == "sync":
            await self.send_snapshot()
            return
        state = await engine.host_action(self.store, self.code, self.meta, message.type)
        if state is not None and state["phase"] == engine.QUESTION:
            self.keep_clock(state)  # here, not only on hearing the broadcast: a lost one must not stop the clock
        await self.announce(state)

    async def send_snapshot(self):
        state = await self.store.state(self.code)
        players = await self.store.players(self.code)
        await self.send_json({"type": "players", "names": [info["name"] for info in players.values()]})
        if state["phase"] == engine.QUESTION:
            now = await self.store.now()
            answered = await self.store.answer_count(self.code, int(state["index"]))
            await self.live_question(
                {
                    "question": engine.public_question(self.meta, int(state["index"])),
                    "elapsed": engine.elapsed_in(state, now),
                    "paused": bool(state["paused_at"]),
                    "answered_count": answered,
                }
            )
        elif state["phase"] in (engine.RESULTS, engine.ENDED):
            found = await engine.results(self.store, self.code, self.meta, state, players)
            event = {"standings": {}, "last": found["last"], "top": found["top"], "podium": found["top"][:3]}
            if state["phase"] == engine.RESULTS:
                await self.live_closed(event)
            else:
                if await database_sync_to_async(tasks.needs_saving)(self.code):
                    await self.save_game(state, found, players)  # its process died before queueing it
                await self.live_ended(event)
        else:
            await self.send_json({"type": "lobby"})

    def keep_clock(self, state, answered=0):
        """While a question is open: show how many have answered, and close it when every player's time is
        over (no clock with an untimed player or a pause)."""
        self.stop_clock()
        if state["phase"] != engine.QUESTION:
            return
        self.counter = asyncio.ensure_future(self._count_answers(int(state["index"]), answered))
        if state["paused_at"] or not state.get("close_after"):
            return
        self.timer = asyncio.ensure_future(self._close_later(state))

    def stop_clock(self):
        for task in (self.timer, self.counter):
            if task is not None:
                task.cancel()
        self.timer = self.counter = None

    async def _count_answers(self, index, shown):
        while True:
            await asyncio.sleep(COUNT_EVERY)
            try:
                count = await self.store.answer_count(self.code, index)
            except Exception:  # the store unreachable a moment: the count waits, the game goes on
                logger.warning("live game %s: the count of answers could not be read", self.code, exc_info=True)
                continue
            if count != shown:
                shown = count
                await self.send_json({"type": "answered", "question": index, "count": count})

    async def _await_saved(self):
        """Tell the projector once the worker has saved every player (the results can be downloaded); while
        it waits, queue the save again should none be waiting or running (its tries all failed, or the
        worker died in it): the answers are in the store for as long as the game is."""
        looks = 0
        while True:
            try:
                if await database_sync_to_async(services.is_saved)(self.code):
                    break
                looks += 1
                if looks % REQUEUE_LOOKS == 0 and await database_sync_to_async(tasks.needs_saving)(self.code):
                    await self.save_game(await self.store.state(self.code))
            except Exception:  # the database or the store busy or restarting: look again
                logger.warning("live game %s: whether it is saved could not be read", self.code, exc_info=True)
            await asyncio.sleep(SAVED_EVERY)
        self.watcher = None
        await self.send_json({"type": "saved"})

    async def _close_later(self, state):
        now = await self.store.now()
        wait = float(state["opened_at"]) + float(state["close_after"]) - now
        await asyncio.sleep(max(wait, 0) + 0.05)
        current = await self.store.state(self.code)
        if current["index"] != state["index"]:
            return
        self.timer = None  # this task ends here: closing (below) must not cancel it
        if current["phase"] == engine.QUESTION and not current["paused_at"]:
            await self.announce(await engine.close_question(self.store, self.code, current))
        elif current["phase"] == engine.RESULTS:
            # Closed, but this projector heard nothing (the closing process died before telling): tell again.
            await self.announce(current)

    # Events from the game.

    async def live_player(self, event):
        await self.send_json({"type": "player", "name": event["name"]})

    async def live_question(self, event):
        state = await self.store.state(self.code)
        self.keep_clock(state, event.get("answered_count", 0))
        await self.send_json(
            {
                "type": "question",
                **event["question"],
                "remaining": max(self.meta["seconds"] - event["elapsed"], 0.0),
                # Until every player's time is over (extra time: longer; None: an untimed player, the host closes).
                "everyone_remaining": (
                    max(float(state["close_after"]) - event["elapsed"], 0.0) if state.get("close_after") else None
                ),
                "paused": event["paused"],
                "answered": event.get("answered_count", 0),
            }
        )

    async def live_closed(self, event):
        self.stop_clock()
        await self.send_json({"type": "closed", "last": event["last"], "top": event["top"]})

    async def live_ended(self, event):
        self.stop_clock()
        await self.send_json({"type": "ended", "podium": event["podium"], "top": event.get("top", event["podium"])})
        if self.watcher is None:
            self.watcher = asyncio.ensure_future(self._await_saved())
