"""The demo site for the scripts in bench/: a throwaway SQLite database with the demo
content and accounts, and a server on loopback. Nothing of yours is touched."""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def demo_database(prefix, **settings):
    """Yield the environment of a fresh database holding the demo (``settings`` are extra variables).

    The environment is this process's too, so ``django.setup()`` afterwards reads the same database.
    """
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}", **settings}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    try:
        for command in (["migrate", "-v0"], ["load_demo"]):
            manage(env, *command)
        yield env
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def production_database(name, redis_url, **settings):
    """Like ``demo_database``, on PostgreSQL (database ``name``, recreated) and Redis (``redis_url``, flushed):
    the production profile. Needs PostgreSQL (ddo/ddo on 127.0.0.1:5432) and Redis running."""
    import psycopg
    import redis

    server = "postgres://ddo:ddo@127.0.0.1:5432"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    redis.Redis.from_url(redis_url).flushdb()
    env = {**os.environ, "DATABASE_URL": f"{server}/{name}", "REDIS_URL": redis_url, **settings}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    for command in (["migrate", "-v0"], ["load_demo"]):
        manage(env, *command)
    yield env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def serving(command, env, url, **popen):
    """Run the server ``command`` until the block ends, once ``url`` answers."""
    server = subprocess.Popen(command, cwd=ROOT, env=env, **popen)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=1)  # noqa: S310 (loopback)
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit(f"the server did not start: {command[0]}")
                time.sleep(0.2)
        yield
    finally:
        server.terminate()
        server.wait(10)
