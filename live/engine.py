"""The game's rules over the store: who may join, which answer counts, how a question opens and closes.

No Django here beyond what the store needs: the consumers call these, then tell the sockets. Every
change is a compare-and-set on the game's phase and question, so when two processes (or the host's
timer and the last player's answer) try to close one question at once, one closes it and the other
gets None. Scores are never stored as they happen; ``results`` computes them from the answers.
"""

import asyncio
import weakref

from . import scoring

LOBBY, QUESTION, RESULTS, ENDED = "lobby", "question", "results", "ended"
TOP = 5  # the leaderboard's length on phones and on the projector
PODIUM = 3


class Refused(Exception):
    """A request the game's rules refuse; ``code`` says why (the consumer says it in words)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def public_question(meta, index):
    """What every phone may see of question ``index``: the prompt and options in both languages, no key."""
    question = meta["questions"][index]
    return {
        "index": index,
        "count": len(meta["questions"]),
        "prompt": question["prompt"],
        "options": [{"key": o["key"], "text": o["text"]} for o in question["options"]],
        "seconds": meta["seconds"],
    }


def elapsed_in(state, now):
    """Seconds the current question has been open (a pause stops the clock)."""
    if state["phase"] != QUESTION or not state["opened_at"]:
        return 0.0
    until = float(state["paused_at"]) if state["paused_at"] else now
    return max(until - float(state["opened_at"]), 0.0)


def first_question_for(state):
    """The first question a player joining now plays: the next one once the game has started."""
    if state["phase"] == LOBBY:
        return 0
    return int(state["index"]) + 1


def limit_of(meta, info):
    return scoring.player_limit(meta["seconds"], info.get("percent", 100))


async def open_question(store, code, meta, state, index):
    """Open question ``index`` (from the lobby or a closed question); the new state, or None if someone
    else moved the game first."""
    if index >= len(meta["questions"]):
        return await end(store, code, state)
    players = await store.players(code)
    eligible = sum(1 for info in players.values() if info["from"] <= index)
    changes = {
        "phase": QUESTION,
        "index": str(index),
        "opened_at": repr(await store.now()),
        "paused_at": "",
        "eligible": str(eligible),
        "close_after": _close_after(meta, players, index),
    }
    if not await store.transition(code, {"phase": state["phase"], "index": state["index"]}, changes):
        return None
    return {**state, **changes}


def _close_after(meta, players, index):
    """Seconds after which every player's time is over ('' when an untimed player plays it: the host closes)."""
    limits = [limit_of(meta, info) for info in players.values() if info["from"] <= index]
    if any(limit is None for limit in limits):
        return ""
    return repr(max(limits, default=meta["seconds"]))


async def close_question(store, code, state, *, skip=False):
    """Close the open question (``skip``: it counts for nobody); the new state, or None if it was closed."""
    if state["phase"] != QUESTION:
        return None
    skipped = state.get("skipped", "")
    changes = {"phase": RESULTS, "paused_at": ""}
    if skip:
        changes["skipped"] = ",".join(filter(None, [skipped, state["index"]]))
    if not await store.transition(code, {"phase": QUESTION, "index": state["index"]}, changes):
        return None
    return {**state, **changes}


async def end(store, code, state):
    if state["phase"] == ENDED:
        return None
    if not await store.transition(code, {"phase": state["phase"], "index": state["index"]}, {"phase": ENDED}):
        return None
    return {**state, "phase": ENDED}


async def pause(store, code, state):
    if state["phase"] != QUESTION or state["paused_at"]:
        raise Refused("cannot_pause")
    changes = {"paused_at": repr(await store.now())}
    expect = {"phase": QUESTION, "index": state["index"], "paused_at": ""}
    return {**state, **changes} if await store.transition(code, expect, changes) else None


async def resume(store, code, state):
    if state["phase"] != QUESTION or not state["paused_at"]:
        raise Refused("cannot_resume")
    now = await store.now()
    opened = float(state["opened_at"]) + now - float(state["paused_at"])
    changes = {"opened_at": repr(opened), "paused_at": ""}
    expect = {"phase": QUESTION, "index": state["index"], "paused_at": state["paused_at"]}
    return {**state, **changes} if await store.transition(code, expect, changes) else None


async def host_action(store, code, meta, action):
    """Do what the host asked: start, next, skip, pause, resume or end; the new state (None: nothing changed)."""
    state = await store.state(code)
    phase = state["phase"]
    if action == "start":
        if phase != LOBBY:
            raise Refused("already_started")
        return await open_question(store, code, meta, state, 0)
    if action == "next":
        if phase == QUESTION:
            return await close_question(store, code, state)
        if phase == RESULTS:
            return await open_question(store, code, meta, state, int(state["index"]) + 1)
        raise Refused("cannot_next")
    if action == "skip":
        if phase != QUESTION:
            raise Refused("cannot_skip")
        return await close_question(store, code, state, skip=True)
    if action == "pause":
        return await pause(store, code, state)
    if action == "resume":
        return await resume(store, code, state)
    if action == "end":
        return await end(store, code, state)
    raise Refused("unknown_type")


async def answer(store, code, meta, pid, info, index, option):
    """Take player ``pid``'s answer to question ``index``: (elapsed seconds, whether everyone has answered).

    One round trip to the store: it checks, atomically, that the question is open and times the answer.
    """
    if not 0 <= index < len(meta["questions"]):
        raise Refused("not_open")
    if info["from"] > index:
        raise Refused("not_yet")
    if option not in {o["key"] for o in meta["questions"][index]["options"]}:
        raise Refused("bad_option")
    outcome, elapsed, everyone = await store.record_answer(code, index, pid, option, limit_of(meta, info), info["lang"])
    if outcome != "ok":
        raise Refused(outcome)
    return elapsed, everyone


async def results(store, code, meta, state, players=None):
    """Where everyone stands after the questions closed so far, with the last one's key and distribution.

    Returns a dict for the sockets: ``standings`` (player -> their own line: total, streak, rank, last
    points, right or not) is split by the consumers, each phone getting only its own line.
    """
    players = await store.players(code) if players is None else players
    index = int(state["index"])
    closed = index + 1 if state["phase"] in (RESULTS, ENDED) else index
    skipped = {int(i) for i in state.get("skipped", "").split(",") if i}
    answers = await store.rounds_answers(code, max(closed, 0))
    rounds = [
        scoring.Round(
            answer=meta["questions"][i]["answer"], seconds=meta["seconds"], answers=answers[i], skipped=i in skipped
        )
        for i in range(max(closed, 0))
    ]
    table = scoring.standings(
        {pid: info.get("percent", 100) for pid, info in players.items()}, rounds, accuracy_only=meta["accuracy_only"]
    )
    order = scoring.ranking(table)
    await store.set_scores(code, {pid: s.total for pid, s in table.items()})
    lines = {
        pid: {"total": s.total, "streak": s.streak, "rank": rank, "points": s.last_points, "right": s.last_right}
        for rank, pid in enumerate(order, start=1)
        for s in [table[pid]]
    }
    last = None
    if closed > 0 and state["phase"] in (RESULTS, ENDED) and index < len(meta["questions"]):
        question = meta["questions"][index]
        keys = [o["key"] for o in question["options"]]
        last = {
            "index": index,
            "answer": question["answer"],
            "explanation": question.get("explanation"),
            "distribution": scoring.distribution(keys, answers[index]),
            "skipped": index in skipped,
        }
    top = [{"name": players[pid]["name"], "total": table[pid].total} for pid in order[:TOP]]
    return {"standings": lines, "last": last, "top": top, "table": table, "order": order}


async def shared_results(store, code, meta, state):
    """``results`` computed once in this process for everyone who asks while nothing it depends on has
    changed (the questions closed, the skipped ones, the players): when a process dies, its hundreds of
    players reconnect to another at once, and each one's snapshot would otherwise fetch every answer and
    score every player again. Kept on the store, one entry a game."""
    key = (meta["game"], state["phase"], state["index"], state.get("skipped", ""), await store.player_count(code))
    memo = _shared.setdefault(store, {})
    held = memo.get(code)
    if held is None or held[0] != key or (held[1].done() and (held[1].cancelled() or held[1].exception())):
        memo.pop(code, None)
        while len(memo) >= SHARED_GAMES:  # the games asked about longest ago go first
            memo.pop(next(iter(memo)))
        held = memo[code] = (key, asyncio.ensure_future(results(store, code, meta, state)))
    return await asyncio.shield(held[1])


SHARED_GAMES = 64  # games whose last results a process keeps (a few dozen play at once on one process)
_shared = weakref.WeakKeyDictionary()  # store -> {game code: (what the results depend on, their future)}
