"""Requests per second of the quiz pages under gunicorn, against a bare Django view served the same way.

Budget (DESIGN.md): the quiz pages reach at least half the requests per second
of the bare view on this 2-core machine. Loopback only, bounded in time.

    .venv/bin/python bench/bench_http.py [--seconds 10] [--connections 8] [--workers 4]

Needs `wrk` (Debian: apt-get install wrk). Uses a throwaway SQLite database
with the demo content and accounts; nothing of yours is touched.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from demo_site import demo_database, manage, serving

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    settings = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
        # Production refuses to start without a shared cache (quizzes.checks).
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
    with demo_database("ddo-bench-http-", **settings) as env:
        manage(env, "collectstatic", "--noinput", "-v0")
        cookie, paths = prepare()
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [gunicorn, "ddo_learn.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", str(args.workers)]
        with serving([*command, "--log-level", "warning"], env, f"http://127.0.0.1:{PORT}/bare/"):
            measure(paths, cookie, args)


def measure(paths, cookie, args):
    print(f"gunicorn, {args.workers} sync workers; wrk, {args.connections} connections, {args.seconds} s per page")
    results = {}
    for name, path in [("bare view", "/bare/"), *paths]:
        results[name] = rps = wrk(path, cookie, args.seconds, args.connections)
        ratio = "" if name == "bare view" else f"   {rps / results['bare view']:.0%} of the bare view"
        print(f"{name:<28} {rps:8.0f} requests/s{ratio}")
    quiz_pages = [name for name in results if name.startswith(("quiz page", "result page"))]
    worst = min(results[name] / results["bare view"] for name in quiz_pages)
    verdict = "met" if worst >= 0.5 else "NOT met"
    print(f"budget: quiz pages at least 50% of the bare view; slowest is {worst:.0%}: {verdict}")


def prepare():
    """A logged-in student's session cookie, an attempt in progress and a submitted one."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from quizzes.owners import Owner
    from quizzes.services import attempts as services

    student = get_user_model().objects.get(username="ayse")
    client = Client()
    client.force_login(student)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    owner = Owner(user=student)
    taking = services.start_attempt(owner, topic="mixed", length=20, seed=1)
    done = services.start_attempt(owner, topic="mixed", length=20, seed=2)
    services.submit_attempt(done)
    return cookie, [
        ("bare view + logged-in user", "/bare/user/"),
        ("overview /en/", "/en/"),
        ("catalogue", "/en/quizzes/"),
        ("quiz page (20 questions)", f"/en/attempts/{taking.public_id}/"),
        ("result page (20 questions)", f"/en/attempts/{done.public_id}/result/"),
        ("progress page", "/en/progress/"),
    ]


def wrk(path, cookie, seconds, connections):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "-H",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        sys.exit(f"{path} answered with errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


if __name__ == "__main__":
    main()
