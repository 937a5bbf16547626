"""The servers bench/bench_live.py runs: PostgreSQL and Redis made fresh, two daphne processes, nginx,
and the background worker (it saves finished games), niced as deploy/ddo-learn-worker.service does.

Loopback only, on ports 18180 (nginx), 18181 and 18182 (daphne); the database ddo_live and Redis db 11.
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import servers
from servers import listening

ROOT = Path(__file__).resolve().parent.parent
DATABASE, POSTGRES, REDIS = "ddo_live", "postgres://ddo:ddo@127.0.0.1:5432", "redis://127.0.0.1:6379/11"
NGINX_PORT, PORTS = 18180, (18181, 18182)


def production_env():
    return servers.production_env(f"{POSTGRES}/{DATABASE}", REDIS, CACHE_KEY_PREFIX="ddo-live-bench")


def prepare(env):
    servers.fresh_database_and_cache(POSTGRES, DATABASE, REDIS)
    for command in (["migrate", "-v0"], ["loaddata", "content", "quizzes", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def host_session():
    """A signed-in teacher's session cookie, made as the login view would."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from django.utils.module_loading import import_string

    teacher = User.objects.create_user("live-bench-teacher", password="x")  # noqa: S106
    teacher.groups.add(Group.objects.get(name="Teachers"))
    session = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    session[SESSION_KEY] = str(teacher.pk)
    session[BACKEND_SESSION_KEY] = "quizzes.user_cache.CachedUserBackend"  # the one the login view records
    session[HASH_SESSION_KEY] = teacher.get_session_auth_hash()
    session.save()
    return teacher, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


LOGS = Path(tempfile.gettempdir()) / "ddo-live-bench-daphne-{}.log"


def daphne(env, port):
    command = [
        str(Path(sys.executable).parent / "daphne"),
        "-b",
        "127.0.0.1",
        "-p",
        str(port),
        "ddo_learn.asgi:application",
    ]
    log = Path(str(LOGS).format(port)).open("a")  # noqa: SIM115 (the process keeps it)
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log)


def wait_for_ports(ports):
    """Until each process accepts connections (nginx would mark a process not yet listening as failed)."""
    deadline = time.monotonic() + 60
    while not all(listening(port) for port in ports):
        if time.monotonic() > deadline:
            sys.exit(f"nothing listens on one of {ports}")
        time.sleep(0.2)


def nginx(workdir):
    upstreams = {"127.0.0.1:8101": f"127.0.0.1:{PORTS[0]}", "127.0.0.1:8102": f"127.0.0.1:{PORTS[1]}"}
    return servers.nginx(workdir, NGINX_PORT, upstreams, connections=8192, open_files=16384)


def worker(env):
    command = ["nice", "-n", "5", sys.executable, "manage.py", "run_worker", "--interval", "0.5"]
    log = Path(str(LOGS).format("worker")).open("a")  # noqa: SIM115 (the process keeps it)
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log)


@contextlib.contextmanager
def serving(env):
    """Two daphne processes, nginx and the worker, fresh for one scenario, stopped after it."""
    workdir = Path(tempfile.mkdtemp(prefix="ddo-live-"))
    daphnes = [daphne(env, port) for port in PORTS]
    proxy = nginx(workdir)
    background = worker(env)
    wait_for_ports([NGINX_PORT, *PORTS])
    try:
        yield daphnes
    finally:
        for process in [proxy, *daphnes, background]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
