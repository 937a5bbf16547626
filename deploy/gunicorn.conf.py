"""gunicorn for DDO Learn: `gunicorn -c deploy/gunicorn.conf.py` (bench/bench_cluster.py starts it so).

One instance per machine (or two on one machine, as the cluster benchmark does), each behind the
nginx site in deploy/nginx/ddo-learn.conf. Everything comes from the environment (deploy/env.example).
"""

import multiprocessing
import os

wsgi_app = "ddo_learn.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: a request holds a worker until its answer is written to nginx, which buffers the
# slow client. CPU-bound pages on a small machine: about two workers per core.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2)))
worker_class = "sync"
# Load the code once, before forking: workers start fast and share its memory.
preload_app = True
# A request stuck longer than this is killed (and logged) rather than holding a worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM a worker finishes the request it is serving (a submit, an export) before it exits.
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (jittered so that they are not all at once).
max_requests = 5000
max_requests_jitter = 500
# Only nginx on this machine may set X-Forwarded-*; Django reads the client's address with
# TRUSTED_PROXY_COUNT (quizzes/client_ip.py), not from gunicorn.
forwarded_allow_ips = "127.0.0.1"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "ddo-learn"
# gunicorn's control socket is one path per user: two instances on one machine would share it.
control_socket_disable = True
