"""A player's phone: join (or come back with the token it was given), answer, switch language.

What a phone is sent is only ever its own: the question without its key while it is open; after it
closes, the right answer, how many chose each option, its own line (points, total, streak, rank) and
the top five's names. Other players' answers never leave the server.
"""

import secrets

from asgiref.sync import sync_to_async

from .. import engine, protocol, services
from ..store import GAME_OVER
from .common import GameConsumer, host_group, players_group


class PlayerConsumer(GameConsumer):
    schema = protocol.PLAYER_MESSAGES
    pid = None
    info = None

    async def joined(self):
        await self.send_json({"type": "hello", "count": len(self.meta["questions"])})

    async def disconnect(self, close_code):
        if self.pid is not None:
            await self.channel_layer.group_discard(players_group(self.code), self.channel_name)

    @property
    def user(self):
        user = self.scope.get("user")
        return user if user is not None and user.is_authenticated else None

    async def handle(self, message):
        if message.type == "ping":
            await self.pong()
        elif message.type == "join":
            await self.join(message["name"], message["lang"])
        elif message.type == "resume":
            await self.resume(message["token"], message["lang"])
        elif self.pid is None:
            raise engine.Refused("not_joined")
        elif message.type == "answer":
            await self.answer(message["question"], message["option"])
        elif message.type == "language":
            await self.set_language(message["lang"])
        elif message.type == "sync":
            await self.send_snapshot()

    async def pong(self):
        """Where the game is (phase and question): a phone that missed a broadcast sees it and asks to sync."""
        state = await self.store.state(self.code) if self.pid is not None else None
        where = {"phase": state["phase"], "index": int(state["index"])} if state else {}
        await self.send_json({"type": "pong", **where})

    async def join(self, name, language):
        self.language = language
        if self.pid is not None:
            raise engine.Refused("already_joined")
        state = await self.store.state(self.code)
        if state["phase"] == engine.ENDED:
            raise engine.Refused("game_over")
        user = self.user
        if user is not None:
            pid = await self.store.player_for_user(self.code, user.pk)
            if pid is not None:  # the same account on another device (or after clearing storage)
                await self.become(pid, language)
                return
            name, key = (user.get_full_name() or user.get_username())[:150], None
            percent = await sync_to_async(services.time_percent)(self.meta["classroom"], user.pk)
        else:
            name = protocol.clean_name(name)
            key, percent = protocol.name_key(name), 100
        session = self.scope.get("session")
        info = {
            "name": name,
            "lang": language,
            "percent": percent,
            "from": engine.first_question_for(state),
            "user": user.pk if user is not None else None,
            "guest": session.get("guest_key") if session is not None and user is None else None,
        }
        token = secrets.token_urlsafe(18)
        pid = await self.store.add_player(self.code, token, info, name_key=key, user_id=info["user"])
        if pid is None:
            raise engine.Refused("name_taken")
        if pid == GAME_OVER:  # it ended while this phone was joining
            raise engine.Refused("game_over")
        await self.channel_layer.group_send(host_group(self.code), {"type": "live.player", "name": name, "pid": pid})
        await self.become(pid, language, token=token)

    async def resume(self, token, language):
        self.language = language
        if self.pid is not None:
            raise engine.Refused("already_joined")
        pid = await self.store.player_for_token(self.code, token)
        if pid is None:
            raise engine.Refused("unknown_token")
        await self.become(pid, language)

    async def become(self, pid, language, token=None):
        """This socket now speaks for player ``pid``: it hears the game and is told where it stands (a new
        player is given its token once it hears the game: a start right after it misses nothing)."""
        self.pid = pid
        self.info = await self.store.player(self.code, pid)
        if self.info["lang"] != language:
            await self.set_language(language)
        await self.channel_layer.group_add(players_group(self.code), self.channel_name)
        if token is not None:
            await self.send_json({"type": "joined", "token": token, "name": self.info["name"]})
        await self.send_json({"type": "you", "name": self.info["name"], "percent": self.info.get("percent", 100)})
        await self.send_snapshot()

    async def set_language(self, language):
        self.language = self.info["lang"] = language
        await self.store.update_player(self.code, self.pid, self.info)
        await self.send_json({"type": "language", "lang": language})

    async def send_snapshot(self):
        """Where the game is now, for a phone that (re)connects: the open question with its own time left
        and whether it answered already, or the last results, or the podium."""
        state = await self.store.state(self.code)
        phase = state["phase"]
        if phase == engine.LOBBY:
            await self.send_json({"type": "lobby"})
        elif phase == engine.QUESTION:
            index = int(state["index"])
            given = await self.store.answer_of(self.code, index, self.pid)
            now = await self.store.now()
            await self.live_question(
                {
                    "question": engine.public_question(self.meta, index),
                    "elapsed": engine.elapsed_in(state, now),
                    "paused": bool(state["paused_at"]),
                    "answered": given[0] if given else None,
                }
            )
            found = await engine.shared_results(self.store, self.code, self.meta, state)
            await self.send_json({"type": "standing", **found["standings"].get(self.pid, {})})
        else:
            found = await engine.shared_results(self.store, self.code, self.meta, state)
            if phase == engine.RESULTS:
                await self.live_closed({"standings": found["standings"], "last": found["last"], "top": found["top"]})
            else:
                await self.live_ended({"standings": found["standings"], "podium": found["top"][: engine.PODIUM]})

    async def answer(self, index, option):
        _elapsed, everyone = await engine.answer(self.store, self.code, self.meta, self.pid, self.info, index, option)
        await self.send_json({"type": "ack", "question": index})  # the projector counts answers itself
        if everyone:
            state = await self.store.state(self.code)
            await self.announce(await engine.close_question(self.store, self.code, state))

    # Events from the game (group messages), each passed on as this player should see it.

    async def live_question(self, event):
        question = event["question"]
        index = question["index"]
        playing = self.info["from"] <= index
        limit = engine.limit_of(self.meta, self.info)
        await self.send_json(
            {
                "type": "question",
                **question,
                "playing": playing,
                "limit": limit,
                "remaining": None if limit is None else max(limit - event["elapsed"], 0.0),
                "paused": event["paused"],
                "answered": event.get("answered"),
            }
        )

    async def live_closed(self, event):
        await self.send_json(
            {
                "type": "closed",
                "last": event["last"],
                "top": event["top"],
                "you": event["standings"].get(self.pid),
            }
        )

    async def live_ended(self, event):
        await self.send_json({"type": "ended", "podium": event["podium"], "you": event["standings"].get(self.pid)})
