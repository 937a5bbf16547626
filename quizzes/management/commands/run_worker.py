"""The background worker: django-tasks' database worker, with the deadline sweep scheduled first.

`make run` and `make classroom` start it beside the server; production runs it as its own
service (deploy/ddo-learn-worker.service). Several workers may run at once: each claims a task
under a lock (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, an exclusive transaction on SQLite).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from quizzes.services import deadlines


class Command(BaseCommand):
    help = "Run the background worker (timed attempts closed at their deadline, and the sweep behind them)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at an empty queue (default 1)"
        )
        parser.add_argument("--reload", action="store_true", help="restart on code changes (development)")

    def handle(self, *, interval, reload, verbosity, **options):
        deadlines.schedule_sweep()
        args = ["--queue-name", "*", "--interval", str(interval), "--no-startup-delay"]
        call_command("db_worker", *args, "--reload" if reload else "--no-reload", verbosity=verbosity)
