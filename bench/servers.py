"""What the cluster benchmarks share: the production profile's environment and nginx in front of two servers.

bench_cluster.py puts it in front of two gunicorn instances, bench_live.py (live_cluster.py) in front of
two daphne processes; both use deploy/nginx/ddo-learn.conf as it ships, on loopback ports of their own.
"""

import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(database_url, redis_url, **extra):
    """The environment of a production instance (DEBUG off, PostgreSQL, Redis, one trusted proxy)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ddo_learn.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def listening(port):
    """Whether something accepts connections on 127.0.0.1:``port``."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def nginx(workdir, port, upstreams, *, connections=1024, open_files=None):
    """nginx on 127.0.0.1:``port`` with deploy/'s site, each shipped upstream address in ``upstreams``
    ({"127.0.0.1:8001": "127.0.0.1:18001", ...}) moved to the benchmark's; its files under ``workdir``."""
    site = (ROOT / "deploy/nginx/ddo-learn.conf").read_text().replace("listen 80;", f"listen 127.0.0.1:{port};")
    for shipped, used in upstreams.items():
        site = site.replace(shipped, used)
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / folder).mkdir()
    limit = f"worker_rlimit_nofile {open_files};\n" if open_files else ""
    config = workdir / "nginx.conf"
    config.write_text(
        f"daemon off;\nworker_processes 1;\n{limit}pid {workdir}/nginx.pid;\nerror_log {workdir}/error.log crit;\n"
        f"events {{ worker_connections {connections}; }}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n client_body_temp_path {workdir}/body;\n"
        f" proxy_temp_path {workdir}/proxy;\n fastcgi_temp_path {workdir}/fastcgi;\n uwsgi_temp_path {workdir}/uwsgi;\n"
        f" scgi_temp_path {workdir}/scgi;\n{site}\n}}\n"
    )
    return subprocess.Popen(["nginx", "-c", str(config), "-p", str(workdir)], start_new_session=True)


def fresh_database_and_cache(postgres, database, redis_url):
    """An empty PostgreSQL database ``database`` (dropped if there) and an empty Redis database."""
    import psycopg
    import redis

    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {database}")
    redis.Redis.from_url(redis_url).flushdb()
