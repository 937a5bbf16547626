"""Failed logins before a lockout, through gunicorn (4 workers) on PostgreSQL and Redis, production settings.

Loopback only and bounded: at most --tries wrong passwords per round. Round 1 sends them one after
another; round 2 (another username) sends them from --threads clients at once, as a guesser would.
Afterwards the right password must be refused too (429) and a classmate on the same address must
still log in. Round 3 sprays: --spray wrong logins, a few passwords over many usernames, from another
address (X-Forwarded-For through one trusted proxy), --threads at once; the address must meet 429
after about LOGIN_FAILURES_PER_ADDRESS failures, for every username.
Needs a PostgreSQL role that may create databases (DATABASE_URL's server) and Redis.

    python bench/bench_lockout.py [--database-url postgres://ddo:ddo@127.0.0.1:5432/ddo_bench_lockout]
"""

import argparse
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.demo_site import ROOT, manage, serving  # noqa: E402

PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "a-Good-bench-passw0rd"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def login(username, password, address=None):
    """One login from a fresh client: 200 = the form again (password checked and wrong),
    302 = logged in, 429 = locked out. The cookies are sent by hand: production marks them Secure.
    ``address``: the client address the (trusted) proxy says it saw."""
    with urllib.request.urlopen(f"{BASE}/en/accounts/login/", timeout=10) as response:  # noqa: S310
        page = response.read().decode()
        cookie = "; ".join(value.split(";")[0] for value in response.headers.get_all("Set-Cookie"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}).encode()
    # As behind the TLS proxy production assumes (SECURE_PROXY_SSL_HEADER).
    referer = f"https://127.0.0.1:{PORT}/en/accounts/login/"
    headers = {"Cookie": cookie, "Referer": referer, "X-Forwarded-Proto": "https"}
    if address:
        headers["X-Forwarded-For"] = address
    request = urllib.request.Request(f"{BASE}/en/accounts/login/", data=data, headers=headers)
    try:
        return OPENER.open(request, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def create_database(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(url.replace(parts.path, "/postgres"), autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def first_lockout(statuses):
    return next((n for n, status in enumerate(statuses, 1) if status == 429), None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://ddo:ddo@127.0.0.1:5432/ddo_bench_lockout")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--tries", type=int, default=30)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--spray", type=int, default=240, help="wrong logins over 80 usernames from one address")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CONN_MAX_AGE": "0",
        "TRUSTED_PROXY_COUNT": "1",  # only round 3 sends X-Forwarded-For; rounds 1 and 2 are 127.0.0.1
    }
    create_database(args.database_url)
    manage(env, "migrate", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    script = (
        "from django.contrib.auth import get_user_model; from axes.models import AccessAttempt; "
        "AccessAttempt.objects.all().delete(); User = get_user_model(); "
        "[User.objects.filter(username=n).delete() for n in ('bench1', 'bench2', 'bench3')]; "
        f"[User.objects.create_user(n, password='{PASSWORD}') for n in ('bench1', 'bench2', 'bench3')]"
    )
    command = [sys.executable, "manage.py", "shell", "-c", script]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "ddo_learn.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", str(args.workers)]
    with serving([*command, "--log-level", "warning"], env, f"{BASE}/en/"):
        limit = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
        per_address = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "100"))
        print(
            f"gunicorn, {args.workers} workers, PostgreSQL + Redis, DEBUG=0; AXES_FAILURE_LIMIT={limit}, "
            f"LOGIN_FAILURES_PER_ADDRESS={per_address}"
        )

        sequential = [login("bench1", "wrong") for _ in range(args.tries)]
        print(
            f"one after another: first 429 at wrong password #{first_lockout(sequential)}; "
            f"{sequential.count(200)} answered 200 in all, later answers {sorted(set(sequential[limit:]))}"
        )

        with ThreadPoolExecutor(args.threads) as pool:
            parallel = list(pool.map(lambda _: login("bench2", "wrong"), range(args.tries)))
        print(
            f"{args.threads} at once: {parallel.count(200)} of {args.tries} wrong passwords answered 200 "
            f"(checked) before the lockout, {parallel.count(429)} answered 429"
        )

        right = login("bench1", PASSWORD)
        classmate = login("bench3", PASSWORD)
        print(
            f"afterwards: the right password for the locked user -> {right}; a classmate on the same address -> "
            f"{classmate} (302 = logged in)"
        )

        sprayer = "198.51.100.7"
        guesses = [(f"spray{n:02d}", password) for password in ("123456", "qwerty", "sifre123") for n in range(80)]
        with ThreadPoolExecutor(args.threads) as pool:
            sprayed = list(pool.map(lambda guess: login(*guess, address=sprayer), guesses[: args.spray]))
        print(
            f"spraying, {args.threads} at once from one address: {sprayed.count(200)} of {len(sprayed)} wrong "
            f"passwords over 80 usernames answered 200 (checked), {sprayed.count(429)} answered 429; "
            f"afterwards a right password from that address -> {login('bench3', PASSWORD, address=sprayer)}, "
            f"from another -> {login('bench3', PASSWORD, address='198.51.100.8')}"
        )


if __name__ == "__main__":
    main()
