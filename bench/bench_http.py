"""Requests per second of the site's pages under the production profile, each as a ratio of a bare
Django view measured in the same run.

Production profile: gunicorn from deploy/gunicorn.conf.py, DEBUG=0, PostgreSQL, Redis (cache and
cached_db sessions), WhiteNoise. Targets (issue 12):
  - a bare view that asks who the user is (session + user)   >= 60 % of the bare view;
  - quiz, result, catalogue and learning pages, signed in    >= 50 % of the signed-in bare view;
  - progress, signed in                                      >= 25 % of the signed-in bare view;
  - learning pages for an anonymous visitor (cached whole)   >= 80 % of the bare view.

    python bench/bench_http.py [--seconds 10] [--connections 8] [--workers 4] [--sqlite]

Needs `wrk`, and PostgreSQL (ddo/ddo on 127.0.0.1:5432) and Redis on loopback (its own database
ddo_bench_http, recreated, and Redis db 13, flushed); --sqlite measures the embedded profile instead.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from demo_site import demo_database, manage, production_database, serving

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "LOG_LEVEL": "ERROR",
    "CONTENT_VERSION_SECONDS": "2",  # as deploy/env.example
}
BARE, USER = "bare view", "bare view, signed in"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--sqlite", action="store_true", help="the embedded profile (SQLite, Redis for the cache)")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if args.sqlite:
        database = demo_database("ddo-bench-http-", REDIS_URL="redis://127.0.0.1:6379/13", **SETTINGS)
    else:
        database = production_database("ddo_bench_http", "redis://127.0.0.1:6379/13", **SETTINGS)
    with database as env:
        manage(env, "collectstatic", "--noinput", "-v0")
        cookie, pages = prepare()
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{PORT}", "WEB_CONCURRENCY": str(args.workers)}
        with serving([gunicorn, "-c", "deploy/gunicorn.conf.py"], env, f"http://127.0.0.1:{PORT}/bare/"):
            measure(pages, cookie, args)


def prepare():
    """A signed-in student's session cookie, an attempt in progress and a submitted one, and the pages."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from quizzes.owners import Owner
    from quizzes.services import attempts as services

    student = get_user_model().objects.get(username="ayse")
    client = Client()
    client.force_login(student)
    # The CSRF cookie a browser keeps from its first page (the logout form's token).
    client.get("/en/", HTTP_HOST="127.0.0.1")
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={client.cookies['csrftoken'].value}"
    owner = Owner(user=student)
    taking = services.start_attempt(owner, topic="mixed", length=20, seed=1)
    done = services.start_attempt(owner, topic="mixed", length=20, seed=2)
    services.submit_attempt(done)
    # (name, path, signed in?, yardstick, target share)
    return cookie, [
        (BARE, "/bare/", False, None, None),
        (USER, "/bare/user/", True, BARE, 0.60),
        ("overview /en/, anonymous", "/en/", False, BARE, 0.80),
        ("departments, anonymous", "/en/departments/", False, BARE, 0.80),
        ("glossary, anonymous", "/en/glossary/", False, BARE, 0.80),
        ("overview /en/, signed in", "/en/", True, USER, 0.50),
        ("departments, signed in", "/en/departments/", True, USER, 0.50),
        ("glossary, signed in", "/en/glossary/", True, USER, 0.50),
        ("catalogue, signed in", "/en/quizzes/", True, USER, 0.50),
        ("quiz page (20 questions)", f"/en/attempts/{taking.public_id}/", True, USER, 0.50),
        ("result page (20 questions)", f"/en/attempts/{done.public_id}/result/", True, USER, 0.50),
        ("progress page", "/en/progress/", True, USER, 0.25),
    ]


def measure(pages, cookie, args):
    print(
        f"gunicorn (deploy/gunicorn.conf.py), {args.workers} sync workers; wrk, {args.connections} connections, "
        f"{args.seconds} s per page; {'SQLite' if args.sqlite else 'PostgreSQL'} + Redis"
    )
    results, missed = {}, []
    for name, path, signed_in, yardstick, target in pages:
        if args.only and name not in (BARE, USER) and args.only not in name:
            continue
        results[name] = rps = wrk(path, cookie if signed_in else None, args.seconds, args.connections)
        line = f"{name:<30} {rps:8.0f} requests/s"
        if yardstick:
            share = rps / results[yardstick]
            verdict = "met" if share >= target else "NOT met"
            missed += [name] if share < target else []
            line += f"   {share:4.0%} of the {yardstick} (target {target:.0%}: {verdict})"
        print(line, flush=True)
    print("every target met" if not missed else f"below target: {', '.join(missed)}")


def wrk(path, cookie, seconds, connections):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *headers, f"http://127.0.0.1:{PORT}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        sys.exit(f"{path} answered with errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


if __name__ == "__main__":
    main()
