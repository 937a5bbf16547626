"""`make classroom` end to end with the live game: deploy/classroom.py's own servers, a real game over them.

deploy/classroom.py is started as a teacher starts it (migrate, the demo accounts, collectstatic, then
gunicorn with the worker and the live game's one daphne process beside it), on free loopback ports and a
throwaway SQLite database. The demo teacher signs in and makes a game on gunicorn's port; the projector
page must point its socket at daphne's port; the host, a signed-in demo student and a guest play one
question over the `websockets` client; the podium and the saved attempts (read from the SQLite file)
must be what they played. Every wait is bounded; the servers are stopped (their process group) at the end.
"""

import asyncio
import html
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from classroom import ROOT as DEPLOY_ROOT  # noqa: E402 (deploy/classroom.py, as bench/bench_classroom.py)

from quizzes.management.commands.load_demo import DEMO_PASSWORD  # noqa: E402

START_WITHIN = 120  # seconds: migrate and the demo content on a busy 2-core machine, then both servers
WAIT = 10  # seconds any one message or page may take
RESTART_WITHIN = 30  # seconds: a socket process that died is started again (deploy/classroom.py's serve())


def free_port_pair():
    """A loopback port whose next one is free too (gunicorn on it, daphne on the next)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 65535:
            continue
        with socket.socket() as other:
            try:
                other.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two free loopback ports side by side")


def listening(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """deploy/classroom.py serving on loopback: (gunicorn's base URL, daphne's port, the SQLite file)."""
    workdir = tmp_path_factory.mktemp("classroom")
    port = free_port_pair()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "LIVE_REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}
    }
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        CLASSROOM_CACHE_DIR=str(workdir / "cache"),
        STATIC_ROOT=str(workdir / "static"),  # not the checkout's staticfiles/
        SECRET_KEY="classroom-test-" + "k" * 50,
        WEB_CONCURRENCY="1",
    )
    log = workdir / "classroom.log"
    server = subprocess.Popen(  # noqa: S603 -- this interpreter and our own deploy/classroom.py
        [sys.executable, "deploy/classroom.py", "--port", str(port), "--host", "127.0.0.1"],
        cwd=DEPLOY_ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: gunicorn, its worker, run_worker and daphne
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_WITHIN
        while not (listening(port) and listening(port + 1)):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the classroom did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield Classroom(base, port + 1, workdir / "db.sqlite3", server.pid)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl+C: serve() stops the worker and daphne
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


@dataclass
class Classroom:
    base: str  # gunicorn's
    socket_port: int  # daphne's
    database: Path
    pid: int  # deploy/classroom.py's, the leader of its process group


def signed_in(base, username):
    browser = requests.Session()
    page = browser.get(f"{base}/en/accounts/login/", timeout=WAIT)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = browser.post(
        f"{base}/en/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
        headers={"Referer": f"{base}/en/accounts/login/"},
        timeout=WAIT,
    )
    assert answer.status_code == 200 and "sessionid" in browser.cookies, answer.text[:500]
    return browser


def data_socket(page):
    return html.unescape(re.search(r'data-socket="([^"]+)"', page).group(1))


class Phone:
    """A socket as the page opens it: its URL from the page, the page's cookies and origin."""

    def __init__(self, url, browser, base):
        cookie = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
        self.opening = connect(url, origin=base, additional_headers={"Cookie": cookie}, open_timeout=WAIT)

    async def __aenter__(self):
        self.socket = await self.opening
        return self

    async def __aexit__(self, *exc):
        await self.socket.close()

    async def send(self, **message):
        await self.socket.send(json.dumps(message))

    async def error(self):
        """The first refusal (the messages before it are dropped)."""
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), WAIT))
            if message["type"] == "error":
                return message

    async def until(self, kind):
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), WAIT))
            assert message["type"] != "error", message
            if message["type"] == kind:
                return message


async def play_one_question(base, host, player, guest, key):
    """The host starts, Ayşe answers right and the guest wrong, the question closes, the host ends.

    ``host``, ``player``, ``guest``: (the socket's URL from the page, the browser that opened the page)."""
    async with Phone(*host, base) as projector, Phone(*player, base) as ayse, Phone(*guest, base) as guest:
        await projector.until("lobby")
        await ayse.send(type="join", name="", lang="tr")
        assert (await ayse.until("you"))["name"] == "Ayşe Yıldız"
        await guest.send(type="join", name="Misafir Can", lang="en")
        await guest.until("joined")
        await projector.until("player")
        await projector.send(type="start")
        question = await ayse.until("question")
        assert "answer" not in question and question["limit"] == 20
        await guest.until("question")
        wrong = next(o["key"] for o in question["options"] if o["key"] != key)
        await ayse.send(type="answer", question=0, option=key)
        await ayse.until("ack")
        await guest.send(type="answer", question=0, option=wrong)
        closed = await ayse.until("closed")  # everyone answered: closed at once
        assert closed["last"]["answer"] == key and closed["you"]["rank"] == 1
        await projector.until("closed")
        await projector.send(type="end")
        ended = await guest.until("ended")
        await projector.until("saved")
        return ended


def new_game(room, teacher):
    """The teacher's new one-question game: (its code, the projector's socket URL, the question's key)."""
    base = room.base
    made = teacher.get(f"{base}/en/live/new/", timeout=WAIT)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', made.text).group(1)
    made = teacher.post(
        f"{base}/en/live/new/",
        {"csrfmiddlewaretoken": token, "topic": "duties", "length": 1, "difficulty": "any", "seconds": 20},
        headers={"Referer": f"{base}/en/live/new/"},
        timeout=WAIT,
        allow_redirects=False,
    )
    assert made.status_code == 302, made.text[:500]
    code = made.headers["Location"].rstrip("/").split("/")[-2]
    projector = teacher.get(f"{base}{made.headers['Location']}", timeout=WAIT)
    host_url = data_socket(projector.text)
    # The projector is served by gunicorn; its socket goes to daphne, the port after.
    assert host_url.split("?")[0] == f"ws://127.0.0.1:{room.socket_port}/ws/live/{code}/host/"
    assert f"ws://127.0.0.1:{room.socket_port}" in projector.headers["Content-Security-Policy"]
    with sqlite3.connect(room.database) as db:
        (questions,) = db.execute("SELECT questions FROM live_livegame WHERE code = ?", [code]).fetchone()
    return code, host_url, json.loads(questions)[0]["answer"]


def test_a_classroom_serves_a_whole_live_game_on_its_socket_port(classroom):
    base, socket_port, database = classroom.base, classroom.socket_port, classroom.database
    teacher = signed_in(base, "teacher")
    code, host_url, key = new_game(classroom, teacher)

    ayse = signed_in(base, "ayse")
    guest = requests.Session()
    urls = [data_socket(b.get(f"{base}/tr/live/{code}/", timeout=WAIT).text) for b in (ayse, guest)]
    assert urls == [f"ws://127.0.0.1:{socket_port}/ws/live/{code}/play/"] * 2

    ended = asyncio.run(play_one_question(base, (host_url, teacher), (urls[0], ayse), (urls[1], guest), key))

    assert [p["name"] for p in ended["podium"]] == ["Ayşe Yıldız", "Misafir Can"]
    assert ended["you"]["rank"] == 2 and ended["you"]["total"] == 0
    with sqlite3.connect(database) as db:
        saved = db.execute(
            "SELECT p.name, p.rank, p.right, a.score, a.submitted_at IS NOT NULL, a.user_id IS NOT NULL,"
            " answer.language FROM live_liveplayer p JOIN live_livegame g ON g.id = p.game_id"
            " JOIN quizzes_attempt a ON a.id = p.attempt_id JOIN quizzes_answer answer ON answer.attempt_id = a.id"
            " WHERE g.code = ? ORDER BY p.rank",
            [code],
        ).fetchall()
    assert saved == [("Ayşe Yıldız", 1, 1, 1.0, 1, 1, "tr"), ("Misafir Can", 2, 0, 0.0, 1, 0, "en")]
    # What daphne saved, gunicorn serves: the teacher's results file.
    results = teacher.get(f"{base}/en/live/{code}/results.csv", timeout=WAIT)
    assert results.status_code == 200
    rows = results.content.decode("utf-8-sig").splitlines()
    assert rows[1].startswith("1,Ayşe Yıldız,tr,") and rows[2].startswith("2,Misafir Can,en,0,")


def daphne_of(leader):
    """The pid of deploy/classroom.py's daphne process (its child), or None."""
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == leader and b"daphne" in command:
            return int(entry.name)
    return None


async def join_and_start(host_url, phone_url, browser, base):
    async with Phone(host_url, browser[0], base) as projector, Phone(phone_url, browser[1], base) as phone:
        await projector.until("lobby")
        await phone.send(type="join", name="Deniz", lang="tr")
        token = (await phone.until("joined"))["token"]
        await projector.send(type="start")
        await phone.until("question")
        return token


async def back_in_the_lobby(host_url, phone_url, browser, base, token, key):
    """After the restart: the projector finds the game in its lobby, the old token is unknown, the player
    joins again and the game is played from its first question."""
    async with Phone(host_url, browser[0], base) as projector, Phone(phone_url, browser[1], base) as phone:
        await projector.until("lobby")
        await phone.send(type="resume", token=token, lang="tr")
        assert (await phone.error())["code"] == "unknown_token"
        await phone.send(type="join", name="Deniz", lang="tr")
        await phone.until("joined")
        await projector.send(type="start")
        assert (await phone.until("question"))["index"] == 0
        await phone.send(type="answer", question=0, option=key)
        assert (await phone.until("closed"))["you"]["right"] is True
        await projector.send(type="end")
        return await phone.until("ended")


def test_a_socket_process_that_dies_is_started_again_and_its_game_plays_again_from_the_lobby(classroom):
    teacher, guest = signed_in(classroom.base, "teacher"), requests.Session()
    code, host_url, key = new_game(classroom, teacher)
    phone_url = data_socket(guest.get(f"{classroom.base}/tr/live/{code}/", timeout=WAIT).text)
    token = asyncio.run(join_and_start(host_url, phone_url, (teacher, guest), classroom.base))
    dead = daphne_of(classroom.pid)
    os.kill(dead, signal.SIGKILL)  # a crash in the middle of a question
    deadline = time.monotonic() + RESTART_WITHIN
    while daphne_of(classroom.pid) in (None, dead) or not listening(classroom.socket_port):
        assert time.monotonic() < deadline, "the live game's socket process was not started again"
        time.sleep(0.5)
    ended = asyncio.run(back_in_the_lobby(host_url, phone_url, (teacher, guest), classroom.base, token, key))
    assert [p["name"] for p in ended["podium"]] == ["Deniz"]
