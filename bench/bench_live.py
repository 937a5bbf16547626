"""The live game under load: two daphne processes behind nginx, PostgreSQL and Redis, websockets clients.

Scenarios (each bounded: a game of 5 questions, players answering after 0.2–1.5 s of thought, the host
starting --start-after seconds after the last player joined):
  one game of 300 players, with one ASGI process killed (SIGKILL) while question 3 is open: its players
  and perhaps the host reconnect through nginx to the other process and finish;
  25 games × 40 players at once (1,000 connected players), both processes alive.
Prints, per scenario: question broadcast latency (host's "next" sent -> each phone has the question),
answer acknowledgement latency, reconnect time (socket lost -> back at the question with the score),
answers acknowledged vs. stored (read from the database afterwards: lost, extra, doubled), scores
intact after reconnects, and the time from the last "next" to the podium (the attempts are written then).

    python bench/bench_live.py [--players 300] [--games 25] [--per-game 40] [--only single|many]

Loopback only. Uses the PostgreSQL database ddo_live (recreated) and Redis db 11 (flushed), ports
18180 (nginx), 18181 and 18182 (daphne). Needs nginx, PostgreSQL (ddo/ddo) and Redis on 127.0.0.1.
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import sys
import time

from live_cluster import NGINX_PORT, PORTS, ROOT, host_session, listening, prepare, production_env, serving
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

ORIGIN = f"http://127.0.0.1:{NGINX_PORT}"
QUESTIONS = 5


class Figures:
    def __init__(self):
        self.broadcast, self.ack, self.reconnect, self.errors = [], [], [], {}
        self.by_question = {}  # question -> its broadcast latencies (the first opens 25 games at once)
        self.score_kept = self.score_changed = 0

    def error(self, code):
        self.errors[code] = self.errors.get(code, 0) + 1


async def open_socket(url, **headers):
    """Connect through nginx, retrying as the page does (a dead process is refused, nginx moves on)."""
    delay = 0.1
    while True:
        try:
            return await connect(url, origin=ORIGIN, additional_headers=headers, open_timeout=5, max_queue=None)
        except (TimeoutError, OSError, InvalidHandshake, InvalidStatus):
            await asyncio.sleep(delay)
            delay = min(delay * 2, 1.0)


class Game:
    def __init__(self, code, players, figures, start_after):
        self.code, self.players, self.figures, self.start_after = code, players, figures, start_after
        self.opened = {}  # question -> monotonic time the host sent start/next
        self.joined = 0
        self.all_joined = asyncio.Event()
        self.acked = {}  # player name -> set of questions acknowledged
        self.podium_after = self.saved_after = self.ended_at = None


async def player(game, name, url):
    figures, token, answered, sent, last_total = game.figures, None, set(), {}, 0
    lost_at, seen = None, [-1]  # the last question this phone saw
    while True:
        socket = await open_socket(url)
        pinging = asyncio.ensure_future(ping(socket))  # as the page does, to find a broadcast it missed
        try:
            if token is None:
                await socket.send(json.dumps({"type": "join", "name": name, "lang": random.choice(("tr", "en"))}))
            else:
                await socket.send(json.dumps({"type": "resume", "token": token, "lang": "tr"}))
            async for text in socket:
                message, now = json.loads(text), time.monotonic()
                kind = message["type"]
                if kind == "joined":
                    token = message["token"]
                    game.joined += 1
                    if game.joined == game.players:
                        game.all_joined.set()
                elif kind == "pong" and message.get("phase") == "question" and message["index"] > seen[0]:
                    figures.error("pong ahead of the question: sync sent")
                    await socket.send(json.dumps({"type": "sync"}))
                elif kind == "question":
                    index = seen[0] = message["index"]
                    if lost_at is not None:
                        figures.reconnect.append(now - lost_at)
                        lost_at = None
                    elif index not in sent and index in game.opened:
                        figures.broadcast.append(now - game.opened[index])
                        figures.by_question.setdefault(index, []).append(now - game.opened[index])
                    if message["playing"] and not message["paused"] and index not in answered and index not in sent:
                        if message.get("answered"):
                            answered.add(index)  # taken before the socket was lost (its ack with it)
                        else:
                            sent[index] = {"at": None}
                            asyncio.ensure_future(answer(socket, index, message["options"], sent))
                elif kind == "standing":
                    kept = message.get("total", 0) == last_total
                    figures.score_kept += kept
                    figures.score_changed += not kept
                elif kind == "ack":
                    answered.add(message["question"])
                    game.acked.setdefault(name, set()).add(message["question"])
                    attempt = sent.get(message["question"])
                    if attempt and attempt["at"]:
                        figures.ack.append(now - attempt["at"])
                elif kind == "closed":
                    if lost_at is not None:
                        figures.reconnect.append(now - lost_at)
                        lost_at = None
                    last_total = (message.get("you") or {}).get("total", last_total)
                elif kind == "ended":
                    return
                elif kind == "error":
                    figures.error(message["code"])
        except ConnectionClosed:
            pass
        pinging.cancel()
        lost_at = time.monotonic()
        for index in list(sent):
            if index not in answered:
                del sent[index]  # not acknowledged: the question, once back, says whether it was taken


async def ping(socket):
    with contextlib.suppress(ConnectionClosed):
        while True:
            await asyncio.sleep(5)
            await socket.send('{"type": "ping"}')


async def answer(socket, index, options, sent):
    attempt = sent[index]
    await asyncio.sleep(random.uniform(0.2, 1.5))
    if sent.get(index) is not attempt:
        return  # the socket was lost meanwhile; the player answers again once back
    attempt["at"] = time.monotonic()
    try:
        await socket.send(json.dumps({"type": "answer", "question": index, "option": random.choice(options)["key"]}))
    except ConnectionClosed:
        pass


async def host(game, url, cookie, kill=None):
    """Start when everyone joined; after each close, wait a moment and go on; reconnect if its process dies."""
    await game.all_joined.wait()
    await asyncio.sleep(game.start_after)  # the teacher sees the last name appear, then presses start
    step, index = "start", 0
    while True:
        socket = await open_socket(url, Cookie=cookie)
        try:
            if step is not None:
                game.opened[index] = time.monotonic()
                await socket.send(json.dumps({"type": step}))
                step = None
            async for text in socket:
                message = json.loads(text)
                if message["type"] == "closed" and message["last"] and message["last"]["index"] == index:
                    await asyncio.sleep(0.5)
                    index += 1
                    game.opened[index] = time.monotonic()
                    if index == QUESTIONS:
                        game.podium_after = time.monotonic()
                    await socket.send(json.dumps({"type": "next"}))
                    if kill is not None and index == kill[0]:
                        await asyncio.sleep(0.3)
                        kill[1]()
                elif message["type"] == "ended":
                    game.ended_at = time.monotonic()
                    game.podium_after = game.ended_at - game.podium_after
                elif message["type"] == "saved":
                    game.saved_after = time.monotonic() - game.ended_at
                    return
        except ConnectionClosed:
            pass


def make_games(teacher, count):
    from live import services

    return [
        services.create_game(teacher, topic="mixed", length=QUESTIONS, difficulty="any", seconds=20).code
        for _ in range(count)
    ]


async def scenario(codes, per_game, cookie, start_after, kill=None):
    figures = Figures()
    games = [Game(code, per_game, figures, start_after) for code in codes]
    base = f"ws://127.0.0.1:{NGINX_PORT}/ws/live"
    tasks = []
    for g, game in enumerate(games):
        tasks.append(host(game, f"{base}/{game.code}/host/", cookie, kill if g == 0 else None))
        tasks += [player(game, f"p{g:02d}-{n:03d}", f"{base}/{game.code}/play/") for n in range(per_game)]
    started = time.monotonic()
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=90)
    except TimeoutError:
        print("TIMED OUT; games (joined, questions opened, podium):")
        print([(g.joined, len(g.opened), g.podium_after is not None, g.saved_after) for g in games])
    return figures, games, time.monotonic() - started


def stored_answers(codes):
    """(player name -> positions answered) read from the attempts the game wrote."""
    from live.models import LivePlayer
    from quizzes.models import Answer

    stored, doubled = {}, 0
    players = LivePlayer.objects.filter(game__code__in=codes).values_list("name", "attempt_id")
    for name, attempt in players:
        positions = list(
            Answer.objects.filter(attempt_id=attempt, response__isnull=False).values_list("position", flat=True)
        )
        doubled += len(positions) - len(set(positions))
        stored[name] = set(positions)
    return stored, doubled


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def report(title, figures, games, seconds, codes):
    stored, doubled = stored_answers(codes)
    acked = {name: qs for game in games for name, qs in game.acked.items()}
    lost = sum(len(qs - stored.get(name, set())) for name, qs in acked.items())
    extra = sum(len(qs - acked.get(name, set())) for name, qs in stored.items())
    print(f"\n== {title} ({seconds:.1f} s) ==")
    for label, values in (("question broadcast", figures.broadcast), ("answer ack", figures.ack)):
        p50, p95, top = (percentile(values, share) for share in (0.5, 0.95, 1))
        print(f"{label:<20} n={len(values):<6} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  max {top:7.1f} ms")
    each = ", ".join(f"q{i + 1} {percentile(v, 0.95):.0f}" for i, v in sorted(figures.by_question.items()))
    print(f"{'broadcast p95 (ms) per question':<20}: {each}")
    if figures.reconnect:
        r = figures.reconnect
        print(
            f"{'reconnect':<20} n={len(r):<6} p50 {percentile(r, 0.5):7.1f} ms  p95 {percentile(r, 0.95):7.1f} ms"
            f"  max {percentile(r, 1):7.1f} ms; score kept {figures.score_kept}, changed {figures.score_changed}"
        )
    print(
        f"answers acked {sum(map(len, acked.values()))}, stored {sum(map(len, stored.values()))}: "
        f"lost {lost}, stored without ack (ack lost with its socket) {extra}, doubled {doubled}"
    )
    print(f"players saved {len(stored)} of {sum(g.players for g in games)}; refusals {figures.errors or 'none'}")
    ends = [g.podium_after for g in games if g.ended_at is not None]
    saves = [g.saved_after for g in games if g.saved_after is not None]
    if ends and saves:
        print(
            f"last 'next' -> podium on the projector: max {max(ends) * 1000:.0f} ms; podium -> every attempt "
            f"saved by the worker: max {max(saves):.1f} s ({len(saves)} of {len(games)} projectors told)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=300)
    parser.add_argument("--games", type=int, default=25)
    parser.add_argument("--per-game", type=int, default=40)
    parser.add_argument("--only", choices=("single", "many"))
    parser.add_argument(
        "--start-after", type=float, default=1.0, help="seconds from the last join to the host's start (default 1)"
    )
    args = parser.parse_args()
    env = production_env()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    if any(listening(port) for port in (NGINX_PORT, *PORTS)):
        sys.exit(f"one of the ports {NGINX_PORT}, {PORTS} is taken: stop what listens there first")
    prepare(env)
    import django

    django.setup()
    teacher, cookie = host_session()
    if args.only in (None, "single"):
        codes = make_games(teacher, 1)
        with serving(env) as servers:

            def kill():
                os.killpg(servers[1].pid, signal.SIGKILL)
                print(f"killed the daphne process on port {PORTS[1]} while question 3 was open")

            figures, games, seconds = asyncio.run(
                scenario(codes, args.players, cookie, args.start_after, kill=(2, kill))
            )
        title = f"one game, {args.players} players, one of two processes killed mid-game"
        report(title, figures, games, seconds, codes)
    if args.only in (None, "many"):
        codes = make_games(teacher, args.games)
        with serving(env):
            figures, games, seconds = asyncio.run(scenario(codes, args.per_game, cookie, args.start_after))
        report(f"{args.games} games x {args.per_game} players at once", figures, games, seconds, codes)


if __name__ == "__main__":
    main()
