"""How far the embedded live game goes: `make classroom`'s one daphne process, its in-memory channel layer
and game store, and SQLite, with websockets clients on this machine.

Starts deploy/classroom.py on loopback (a throwaway database, the demo accounts), makes the games as the
demo teacher, connects every player as a guest, plays QUESTIONS questions (players answer after 0.2–1.5 s
of thought; the host moves on once everyone answered) and prints: question broadcast latency (the host's
start/next sent -> each phone has the question), answer acknowledgement latency, answers acknowledged vs.
stored in the database afterwards, and the time from the last question to every attempt saved.

    python bench/bench_live_classroom.py [--games 1] [--players 200]

Loopback only; ports 18791 (gunicorn) and 18792 (daphne). The clients share the 2 cores with the server.
"""

import argparse
import asyncio
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from servers import listening
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
PORT = 18791
BASE = f"http://127.0.0.1:{PORT}"
SOCKETS = f"ws://127.0.0.1:{PORT + 1}"
QUESTIONS = 5
PASSWORD = "ddo-demo-2025"  # noqa: S105 (the published demo password: load_demo.DEMO_PASSWORD)


def start_classroom(workdir):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "LIVE_REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        CLASSROOM_CACHE_DIR=str(workdir / "cache"),
        STATIC_ROOT=str(workdir / "static"),
        SECRET_KEY="bench-only-" + "x" * 50,
    )
    server = subprocess.Popen(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "deploy/classroom.py", "--port", str(PORT), "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=(workdir / "classroom.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while not (listening(PORT) and listening(PORT + 1)):
        if server.poll() is not None or time.monotonic() > deadline:
            sys.exit((workdir / "classroom.log").read_text()[-2000:])
        time.sleep(0.5)
    return server


def teacher_session():
    browser = requests.Session()
    page = browser.get(f"{BASE}/en/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    form = {"csrfmiddlewaretoken": token, "username": "teacher", "password": PASSWORD}
    browser.post(f"{BASE}/en/accounts/login/", form, headers={"Referer": f"{BASE}/en/accounts/login/"}, timeout=10)
    return browser


def make_game(browser):
    page = browser.get(f"{BASE}/en/live/new/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    form = {"csrfmiddlewaretoken": token, "topic": "mixed", "length": QUESTIONS, "difficulty": "any", "seconds": 30}
    made = browser.post(
        f"{BASE}/en/live/new/", form, headers={"Referer": f"{BASE}/en/live/new/"}, timeout=30, allow_redirects=False
    )
    return made.headers["Location"].rstrip("/").split("/")[-2]


async def receive(ws, kind):
    while True:
        message = json.loads(await ws.recv())
        if message["type"] == kind:
            return message


async def player(code, number, figures, opened, ready):
    async with connect(f"{SOCKETS}/ws/live/{code}/play/", origin=BASE, open_timeout=30, max_queue=None) as ws:
        await ws.send(json.dumps({"type": "join", "name": f"Oyuncu {number}", "lang": "tr" if number % 2 else "en"}))
        await receive(ws, "joined")
        ready.release()
        for _ in range(QUESTIONS):
            question = await receive(ws, "question")
            figures["broadcast"].append(time.monotonic() - opened[question["index"]])
            await asyncio.sleep(random.uniform(0.2, 1.5))  # noqa: S311 (thinking time)
            option = random.choice(question["options"])["key"]  # noqa: S311
            sent = time.monotonic()
            await ws.send(json.dumps({"type": "answer", "question": question["index"], "option": option}))
            await receive(ws, "ack")
            figures["ack"].append(time.monotonic() - sent)
            figures["acked"] += 1
        await receive(ws, "ended")


async def game(code, cookie, players, figures):
    opened, ready = {}, asyncio.Semaphore(0)
    headers = {"Cookie": cookie}
    async with connect(
        f"{SOCKETS}/ws/live/{code}/host/", origin=BASE, additional_headers=headers, max_queue=None
    ) as host:
        phones = [asyncio.ensure_future(player(code, n, figures, opened, ready)) for n in range(players)]
        for _ in range(players):
            await ready.acquire()
        for index in range(QUESTIONS):
            opened[index] = time.monotonic()
            await host.send(json.dumps({"type": "start" if index == 0 else "next"}))
            await receive(host, "closed")  # everyone answered
        ended = time.monotonic()
        await host.send(json.dumps({"type": "next"}))
        await receive(host, "saved")
        figures["saved"].append(time.monotonic() - ended)
        await asyncio.gather(*phones)


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000 if ordered else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=1)
    parser.add_argument("--players", type=int, default=200, help="players in each game")
    args = parser.parse_args()
    if listening(PORT) or listening(PORT + 1):
        sys.exit(f"port {PORT} or {PORT + 1} is taken")
    workdir = Path(tempfile.mkdtemp(prefix="ddo-live-classroom-"))
    server = start_classroom(workdir)
    try:
        teacher = teacher_session()
        codes = [make_game(teacher) for _ in range(args.games)]
        cookie = "; ".join(f"{k}={v}" for k, v in teacher.cookies.items())
        figures = {"broadcast": [], "ack": [], "acked": 0, "saved": []}
        began = time.monotonic()

        async def everything():
            await asyncio.gather(*(game(code, cookie, args.players, figures) for code in codes))

        asyncio.run(everything())
        seconds = time.monotonic() - began
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
    with sqlite3.connect(workdir / "db.sqlite3") as db:
        marks = "SELECT count(*) FROM quizzes_answer a JOIN live_liveplayer p ON p.attempt_id = a.attempt_id"
        stored = db.execute(marks + " WHERE a.choice != ''").fetchone()[0]
    print(f"{args.games} game(s) x {args.players} players, {QUESTIONS} questions, {seconds:.1f} s in all")
    print(
        f"question broadcast: p95 {p95(figures['broadcast']):.0f} ms ({len(figures['broadcast'])} phones x questions)"
    )
    print(f"answer acknowledgement: p95 {p95(figures['ack']):.0f} ms")
    print(f"answers acknowledged {figures['acked']}, stored {stored}")
    print(f"last question -> every attempt saved: max {max(figures['saved']) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
