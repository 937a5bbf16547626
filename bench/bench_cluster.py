"""The production profile under load: nginx in front of two gunicorn instances, PostgreSQL, Redis.

Simulated students sign in, take quizzes with an autosave after every answer and submit, while
teachers open their class's reports. Halfway through, one instance is killed (SIGKILL, workers
and all): nginx sends everything to the other, and clients retry what failed, as the page does.
Prints requests/s, p50/p95 latency and errors before and after the kill, then a consistency check
read from the database: every answer sent is stored, every score equals its marks, no attempt
duplicated. Loopback only, bounded in time; starts deploy/gunicorn.conf.py and
deploy/nginx/ddo-learn.conf as they are (only ports replaced).

    python bench/bench_cluster.py [--seconds 60] [--students 30] [--teachers 2] [--workers 3]

Needs nginx and running PostgreSQL (ddo/ddo on 127.0.0.1:5432) and Redis (127.0.0.1:6379).
Uses its own database (ddo_bench_cluster, recreated each run) and Redis db 12 (flushed).
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from loadclient import Browser, Stats, print_outcome, take_quiz
from servers import fresh_database_and_cache, nginx, production_env

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "ddo_bench_cluster"
POSTGRES = "postgres://ddo:ddo@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/12"
NGINX_PORT, PORTS = 8781, (8782, 8783)
PASSWORD = "bench-password-2025"  # noqa: S105


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--teachers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers per instance")
    parser.add_argument("--think", type=float, default=0.1, help="seconds a student takes per answer")
    args = parser.parse_args()

    env = production_env(f"{POSTGRES}/{DATABASE}", REDIS)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    fresh_database_and_cache(POSTGRES, DATABASE, REDIS)
    for command in (["migrate", "-v0"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE)
    import django

    django.setup()
    usernames, classroom = make_students(args.students)

    workdir = Path(tempfile.mkdtemp(prefix="ddo-cluster-"))
    servers = [gunicorn(env, port, args.workers) for port in PORTS]
    proxy = nginx(
        workdir, NGINX_PORT, {"127.0.0.1:8001": f"127.0.0.1:{PORTS[0]}", "127.0.0.1:8002": f"127.0.0.1:{PORTS[1]}"}
    )
    try:
        wait_for(f"http://127.0.0.1:{NGINX_PORT}/health/")
        run(args, usernames, classroom, servers)
    finally:
        for process in [proxy, *servers]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(15)


def make_students(count):
    """Accounts bench001.. with one password (hashed once), members of the demo teacher's class."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from quizzes.models import Classroom, Membership

    User = get_user_model()
    hashed = make_password(PASSWORD)
    usernames = [f"bench{i + 1:03d}" for i in range(count)]
    User.objects.bulk_create(User(username=name, password=hashed) for name in usernames)
    classroom = Classroom.objects.filter(teacher__username="teacher").first()
    students = User.objects.filter(username__in=usernames)
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    return usernames, classroom


def gunicorn(env, port, workers):
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    # Its own process group, so that the kill takes the workers too (as a crashed machine would).
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_for(url):
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"{url} did not answer")
        time.sleep(0.3)


def run(args, usernames, classroom, servers):
    stats, attempts, failures = Stats(), [], []
    stop = threading.Event()
    signed_in = threading.Barrier(len(usernames) + args.teachers + 1)
    stats.phase = "sign-in (PBKDF2, not counted below)"

    def student(username):
        browser = Browser("127.0.0.1", NGINX_PORT, stats)
        try:
            browser.log_in(username, PASSWORD)
            signed_in.wait()
            while not stop.is_set():
                public_id = browser.start_quiz(length=10)
                take_quiz(browser, username, public_id, attempts, think=args.think)
        except RuntimeError as error:
            failures.append(f"{username}: {error}")

    def teacher():
        browser = Browser("127.0.0.1", NGINX_PORT, stats)
        browser.log_in("teacher", "ddo-demo-2025")
        signed_in.wait()
        pages = ["report/", "topics/", "items/", ""]
        i = 0
        while not stop.is_set():
            page = pages[i % len(pages)]
            status, _, _ = browser.request("GET", f"/en/teach/classes/{classroom.pk}/{page}", retry=True)
            if status != 200:
                failures.append(f"teacher page {page}: {status}")
            i += 1
            time.sleep(0.5)

    threads = [threading.Thread(target=student, args=(u,)) for u in usernames]
    threads += [threading.Thread(target=teacher) for _ in range(args.teachers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    signed_in.wait()
    stats.phase = "two instances"
    started = time.monotonic()
    time.sleep(args.seconds / 2)
    stats.phase = "one instance killed (SIGKILL)"
    os.killpg(servers[1].pid, signal.SIGKILL)
    print(f"{time.monotonic() - started:.0f} s: killed the instance on port {PORTS[1]} and its workers")
    time.sleep(args.seconds / 2)
    stats.phase = "one instance, finishing the quizzes in progress"
    stop.set()  # each student finishes the quiz it is taking
    for thread in threads:
        thread.join(120)
    print(
        f"nginx + 2 gunicorn instances x {args.workers} sync workers, PostgreSQL, Redis; {args.students} students "
        f"(autosave after every answer, {args.think} s per answer), {args.teachers} teachers"
    )
    fine = "every answer sent is stored, every score equals its marks, no attempt duplicated"
    if not print_outcome(stats, failures, attempts, usernames, fine):
        sys.exit(1)


if __name__ == "__main__":
    main()
