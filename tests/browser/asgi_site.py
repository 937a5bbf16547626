"""An ASGI site for the live game's browser tests: daphne in a subprocess on a free port, with the task worker
beside it (it saves a finished game), against a file SQLite database made for the test (migrated, the office
content loaded, then ``setup`` run in `manage.py shell`)."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

# These run our own manage.py and daphne with fixed arguments.
# ruff: noqa: S603
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def asgi_site(folder, setup):
    """(the site's base URL, its SQLite file) while daphne and the worker serve it."""
    database, port = Path(folder) / "live.sqlite3", free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "1",
        "REDIS_URL": "",
        "LIVE_REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "ddo_learn.settings",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "loaddata", "content", "quizzes", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "shell", "-c", setup], cwd=ROOT, env=env, check=True)
    daphne = [str(Path(sys.executable).parent / "daphne"), "-b", "127.0.0.1", "-p", str(port)]
    processes = [
        subprocess.Popen([*daphne, "ddo_learn.asgi:application"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([*manage, "run_worker", "--interval", "0.2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
    ]
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", database
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
