"""A classroom on a laptop: 40 students start, autosave and submit at once against `make classroom`.

Starts deploy/classroom.py's server (gunicorn on every interface, one worker per core, the
embedded SQLite in WAL mode, no Redis) on a throwaway database, signs 40 students in, then lets
them all start a quiz at the same moment, answer it with an autosave after every answer, and
submit. Prints requests/s, p50/p95 latency and errors, and checks the database afterwards: every
answer sent is stored, every score equals its marks, no attempt duplicated or lost.
Requests go to the laptop's LAN address (as the students' phones would), else to loopback.

    python bench/bench_classroom.py [--students 40] [--length 10] [--think 0.5]
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from loadclient import Browser, Stats, print_outcome, take_quiz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
import classroom  # noqa: E402 (deploy/classroom.py)

PORT = 8791
PASSWORD = "bench-password-2025"  # noqa: S105


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--length", type=int, default=10, choices=[5, 10, 15, 20])
    parser.add_argument("--think", type=float, default=0.5, help="seconds a student takes per answer")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="ddo-classroom-"))
    addresses = classroom.lan_addresses()
    host = addresses[0] if addresses else "127.0.0.1"
    base = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "CLASSROOM_CACHE_DIR": str(workdir / "cache"),
        "SECRET_KEY": "bench-only-" + "x" * 50,
    }
    env = classroom.classroom_env(PORT, addresses, base=base)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    classroom.prepare(env, f"http://{host}:{PORT}")
    import django

    django.setup()
    usernames = make_students(args.students)
    server = subprocess.Popen(classroom.gunicorn_command(), cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_for(f"http://{host}:{PORT}/health/")
        run(args, host, usernames, env["WEB_CONCURRENCY"])
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(15)
        shutil.rmtree(workdir, ignore_errors=True)


def make_students(count):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    hashed = make_password(PASSWORD)
    usernames = [f"pupil{i + 1:02d}" for i in range(count)]
    User.objects.bulk_create(User(username=name, password=hashed) for name in usernames)
    return usernames


def wait_for(url):
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (this machine)
                return
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"{url} did not answer")
            time.sleep(0.3)


def run(args, host, usernames, workers):
    stats, attempts, failures = Stats(), [], []
    signed_in = threading.Barrier(len(usernames) + 1)
    stats.phase = "sign-in (PBKDF2, one by one)"

    def student(username):
        browser = Browser(host, PORT, stats)
        try:
            browser.log_in(username, PASSWORD)
        finally:
            signed_in.wait()
        try:
            take_quiz(browser, username, browser.start_quiz(length=args.length), attempts, think=args.think)
        except RuntimeError as error:
            failures.append(f"{username}: {error}")

    threads = [threading.Thread(target=student, args=(u,)) for u in usernames]
    for thread in threads:
        thread.start()
    signed_in.wait()
    stats.phase = "start, autosave, submit at once"
    started = time.monotonic()
    for thread in threads:
        thread.join(300)
    took = time.monotonic() - started
    print(f"make classroom: gunicorn on 0.0.0.0:{PORT}, {workers} workers, SQLite (WAL), requests to {host}")
    print(
        f"{len(usernames)} students, {args.length} questions each, autosave after every answer, "
        f"{args.think} s per answer; all done in {took:.1f} s"
    )
    fine = print_outcome(stats, failures, attempts, usernames, "nothing lost, nothing duplicated")
    if not fine or len(attempts) != len(usernames):
        sys.exit(1)


if __name__ == "__main__":
    main()
