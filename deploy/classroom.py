"""A classroom on a laptop: `make classroom` serves DDO Learn to the local network.

The laptop's addresses on the school's Wi-Fi are found and allowed (ALLOWED_HOSTS and
CSRF_TRUSTED_ORIGINS through CLASSROOM_ADDRESSES), the embedded SQLite database is used (in WAL
mode, see ddo_learn/settings.py), and gunicorn (deploy/gunicorn.conf.py, one worker per core)
listens on every interface, with the background worker beside it (`manage.py run_worker`: timed
attempts closed at their deadline) and the live game's sockets served by one daphne process on the
next port (``LIVE_SOCKET_PORT``): one process, so the in-memory channel layer and game store need no
Redis; the pages open their sockets there. Links a page builds from the request's host (a class's join link
and QR code) point at the address the students typed.

    python deploy/classroom.py [--port 8000] [--host 0.0.0.0] [--no-demo]

``--host 127.0.0.1`` serves this laptop only (tests/test_classroom_live.py starts it so).
"""

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lan_addresses():
    """The IPv4 addresses other machines on the network can reach this one at (no traffic is sent)."""
    found = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # picks the interface of the default route
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    return list(dict.fromkeys(a for a in found if not a.startswith("127.")))


def secret_key():
    """One key per laptop, kept between lessons, so that students stay signed in after a restart."""
    path = ROOT / ".classroom-secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


EVERY_INTERFACE = "0.0.0.0"  # noqa: S104 (the class's LAN)


def classroom_env(port, addresses, base=None, host=EVERY_INTERFACE):
    return {
        **(base if base is not None else os.environ),
        "DJANGO_SETTINGS_MODULE": "ddo_learn.settings",
        "DEBUG": "0",
        "CLASSROOM": "1",
        "SECRET_KEY": (base or os.environ).get("SECRET_KEY") or secret_key(),
        "CLASSROOM_ADDRESSES": ",".join(addresses),
        "CLASSROOM_PORT": str(port),
        "LIVE_SOCKET_PORT": str(port + 1),
        "GUNICORN_BIND": f"{host}:{port}",
        "WEB_CONCURRENCY": (base or os.environ).get("WEB_CONCURRENCY") or str(os.cpu_count() or 2),
        "LOG_LEVEL": "WARNING",
    }


def prepare(env, site, demo=True):
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    if demo:
        subprocess.run([*manage, "load_demo", "--site", site], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def gunicorn_command():
    return [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py")]


def worker_command():
    return [sys.executable, "manage.py", "run_worker"]


def daphne_command(port, host=EVERY_INTERFACE):
    """The live game's one socket process, on ``host`` (every interface unless told; `make classroom` starts
    it beside gunicorn)."""
    daphne = str(Path(sys.executable).parent / "daphne")
    return [daphne, "-b", host, "-p", str(port), "ddo_learn.asgi:application"]


# A worker or socket process that dies is started again after this many seconds; one that died within
# QUICK_FAILURE seconds of its start (a port taken, a broken setting) waits that long before the next try.
RESTART_PAUSE, QUICK_FAILURE = 1.0, 10.0


def serve(env, socket_port, host=EVERY_INTERFACE):
    """gunicorn, with the worker and the live game's sockets beside it. A worker or socket process that dies
    is started again (a crashed daphne would otherwise end the live game for the rest of the lesson; its
    games restart from their lobbies, see the README); gunicorn ending, or Ctrl+C, stops them all."""
    commands = {"background worker": worker_command(), "live game's socket": daphne_command(socket_port, host)}
    beside = {
        name: (subprocess.Popen(command, cwd=ROOT, env=env), time.monotonic()) for name, command in commands.items()
    }
    web = subprocess.Popen(gunicorn_command(), cwd=ROOT, env=env)
    try:
        while web.poll() is None:
            time.sleep(RESTART_PAUSE)
            for name, (process, started) in list(beside.items()):
                if process.poll() is None:
                    continue
                if time.monotonic() - started < QUICK_FAILURE:
                    time.sleep(QUICK_FAILURE)
                print(f"The {name} process stopped (exit {process.returncode}): starting it again.", flush=True)
                beside[name] = (subprocess.Popen(commands[name], cwd=ROOT, env=env), time.monotonic())
        return web.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        running = [web, *(process for process, _started in beside.values())]
        for process in running:
            if process.poll() is None:
                process.terminate()
        for process in running:
            process.wait()


def addresses_for(host):
    """The network addresses students open (allowed as hosts): the laptop's when it listens on every
    interface, the one given when it listens on one, none when it listens on itself only."""
    if host == EVERY_INTERFACE:
        return lan_addresses()
    return [] if host in ("localhost", "::1") or host.startswith("127.") else [host]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--host", default=EVERY_INTERFACE, help="the address to listen on (127.0.0.1: this laptop only)"
    )
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo accounts and class")
    args = parser.parse_args()
    addresses = addresses_for(args.host)
    env = classroom_env(args.port, addresses, host=args.host)
    shown = addresses or ["127.0.0.1" if args.host == EVERY_INTERFACE else args.host]
    site = f"http://{shown[0]}:{args.port}"
    prepare(env, site, demo=not args.no_demo)
    print("\nDDO Learn is serving this classroom. Students open:")
    for address in shown:
        print(f"    http://{address}:{args.port}/")
    print(f"The live game's sockets are on port {args.port + 1} (allow it in the laptop's firewall too).")
    print("Stop with Ctrl+C.\n", flush=True)
    sys.exit(serve(env, args.port + 1, args.host))


if __name__ == "__main__":
    main()
