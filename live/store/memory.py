"""The embedded store: a game's state in this process's memory (one process serves every socket)."""

import time

# What record_answer answers: taken, or why not.
TAKEN = "ok"
# What add_player answers once the game has ended (its players are being saved: nobody joins then).
GAME_OVER = "game_over"


class MemoryStore:
    """Games in dicts. Every method runs to its end without awaiting anything, so it is atomic."""

    def __init__(self):
        self.games = {}

    def _game(self, code):
        return self.games.get(code)

    async def now(self):
        return time.time()

    async def init(self, code, meta):
        """Make the game's state if there is none (the meta comes from the database); True when made here."""
        if code in self.games:
            return False
        self.games[code] = {
            "meta": meta,
            "state": {"phase": "lobby", "index": "-1", "opened_at": "", "paused_at": "", "skipped": ""},
            "players": {},
            "tokens": {},
            "names": {},
            "users": {},
            "answers": {},
        }
        return True

    async def meta(self, code):
        game = self._game(code)
        return game["meta"] if game else None

    async def state(self, code):
        game = self._game(code)
        return dict(game["state"]) if game else None

    async def transition(self, code, expect, changes):
        """Apply ``changes`` to the state if every field in ``expect`` has that value; True when applied."""
        state = self.games[code]["state"]
        if any(state.get(k, "") != v for k, v in expect.items()):
            return False
        state.update(changes)
        return True

    async def add_player(self, code, token, info, name_key=None, user_id=None):
        """A new player numbered in joining order, None when the name (or the account) is taken already, or
        GAME_OVER once the game has ended."""
        game = self.games[code]
        if game["state"]["phase"] == "ended":
            return GAME_OVER
        if name_key is not None and name_key in game["names"]:
            return None
        if user_id is not None and str(user_id) in game["users"]:
            return None
        pid = str(len(game["players"]) + 1)
        game["players"][pid] = dict(info)
        game["tokens"][token] = pid
        if name_key is not None:
            game["names"][name_key] = pid
        if user_id is not None:
            game["users"][str(user_id)] = pid
        return pid

    async def player_for_token(self, code, token):
        return self.games[code]["tokens"].get(token)

    async def player_for_user(self, code, user_id):
        return self.games[code]["users"].get(str(user_id))

    async def players(self, code):
        return {pid: dict(info) for pid, info in self.games[code]["players"].items()}

    async def player_count(self, code):
        return len(self.games[code]["players"])

    async def player(self, code, pid):
        info = self.games[code]["players"].get(pid)
        return dict(info) if info is not None else None

    async def update_player(self, code, pid, info):
        self.games[code]["players"][pid] = dict(info)

    async def record_answer(self, code, index, pid, option, limit, language):
        """Take a player's answer to question ``index`` if it is open, the player's time (``limit`` seconds,
        None: untimed) is not over and they have not answered it: (TAKEN, elapsed, whether every player who
        plays it has now answered) or (why, None, None)."""
        game = self.games[code]
        state = game["state"]
        if state["phase"] != "question" or state["index"] != str(index):
            return "not_open", None, None
        if state["paused_at"]:
            return "paused", None, None
        elapsed = time.time() - float(state["opened_at"])
        if limit is not None and elapsed > limit:
            return "too_late", None, None
        answers = game["answers"].setdefault(index, {})
        if pid in answers:
            return "second_answer", None, None
        answers[pid] = (option, elapsed, language)
        return TAKEN, elapsed, len(answers) >= int(state.get("eligible") or 0)

    async def answer_of(self, code, index, pid):
        """Player ``pid``'s answer to question ``index``: (option, elapsed, language), or None."""
        return self.games[code]["answers"].get(index, {}).get(pid)

    async def answer_count(self, code, index):
        """How many players have answered question ``index`` (the projector's count)."""
        return len(self.games[code]["answers"].get(index, {}))

    async def rounds_answers(self, code, count):
        """The answers of questions 0 .. count-1, in order."""
        return [dict(self.games[code]["answers"].get(i, {})) for i in range(count)]

    async def set_scores(self, code, totals):
        self.games[code]["scores"] = dict(totals)
