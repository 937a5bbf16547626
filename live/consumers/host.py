"""The host's projector: the players joining, the controls, the count of answers, the results.

Only the game's own host (signed in, a teacher, the account that made it) may open it. It also keeps
the question's clock: when every player's time is over it closes the question. If the host's process
dies, the projector reconnects (to another process) and the new socket takes the clock over.
"""

import asyncio
from urllib.parse import parse_qs

from channels.db import database_sync_to_async

from quizzes.roles import is_teacher

from .. import engine, protocol
from .common import GameConsumer, host_group


class HostConsumer(GameConsumer):
    schema = protocol.HOST_MESSAGES
    timer = None

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
        if self.timer is not None:
            self.timer.cancel()
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
            answered = len(await self.store.answers(self.code, int(state["index"])))
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
                await self.live_ended(event)
                await self.save_game(state)  # nothing if it was saved (a process that died before saving)
                await self.live_saved({})
        else:
            await self.send_json({"type": "lobby"})

    def keep_clock(self, state):
        """Close the question when every player's time is over (no clock with an untimed player or a pause)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if state["phase"] != engine.QUESTION or state["paused_at"] or not state.get("close_after"):
            return
        self.timer = asyncio.ensure_future(self._close_later(state))

    async def _close_later(self, state):
        now = await self.store.now()
        wait = float(state["opened_at"]) + float(state["close_after"]) - now
        await asyncio.sleep(max(wait, 0) + 0.05)
        current = await self.store.state(self.code)
        if current["index"] != state["index"]:
            return
        self.timer = None
        if current["phase"] == engine.QUESTION and not current["paused_at"]:
            await self.announce(await engine.close_question(self.store, self.code, current))
        elif current["phase"] == engine.RESULTS:
            # Closed, but this projector heard nothing (the closing process died before telling): tell again.
            await self.announce(current)

    # Events from the game.

    async def live_player(self, event):
        await self.send_json({"type": "player", "name": event["name"]})

    async def live_answered(self, event):
        await self.send_json({"type": "answered", "question": event["question"]})

    async def live_question(self, event):
        state = await self.store.state(self.code)
        self.keep_clock(state)
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
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        await self.send_json({"type": "closed", "last": event["last"], "top": event["top"]})

    async def live_saved(self, event):
        """Every player's answers are saved: the results can be downloaded."""
        await self.send_json({"type": "saved"})

    async def live_ended(self, event):
        await self.send_json({"type": "ended", "podium": event["podium"], "top": event.get("top", event["podium"])})
