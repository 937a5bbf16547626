"""Time the teacher's report pages and exports on a big class: 200 students × 20 attempts × 20 questions.

    .venv/bin/python bench/bench_reports.py                  # a temporary SQLite file
    DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo .venv/bin/python bench/bench_reports.py

    # The design budget's item analysis over a million answers (2,500 students), item pages only:
    export DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo
    .venv/bin/python bench/bench_reports.py --answers 1000000 --only item

    # National scale: the class inside a site of 10,000,000 answers over 5,000 classes, the editors' report:
    .venv/bin/python bench/bench_reports.py --site-answers 10000000 --explain

    # Peak memory of the exports of a class of 2,500 students:
    .venv/bin/python bench/bench_reports.py --students 2500 --only export

Options (or environment variables):

``--students N`` (``BENCH_STUDENTS``, default 200)
    students in the class; each makes one attempt at each of the 20 assignments of 20 questions.
``--answers N`` (``BENCH_ANSWERS``)
    instead of ``--students``: enough students for at least N answers (N / 400, rounded up).
``--runs N`` (``BENCH_RUNS``, default 5)
    timed runs per page, after one warm-up; the median is shown.
``--only TEXT``
    only the pages whose name contains TEXT (``item``: the item analysis pages and exports).
``--site-answers N``
    also seed other classes (5 students each, 20 assignments of 20 questions: 2,000 answers a class)
    until the site holds about N answers, drawing from a pool of 2,000 question keys; then rebuild the
    site-wide item statistics (timed) and time the editors' report too. PostgreSQL only (COPY).
``--profile``
    after each page's timing, cProfile one more request and print its 25 costliest functions.
``--explain``
    after the timings, EXPLAIN ANALYZE the slowest query of each page and print the plan's first lines.

Each page's line also gives the CPU time of the request (the machine is shared: wall-clock
time grows with its load, CPU time much less) and, for exports, the peak of memory the
Python heap reached while the file was made and read out (tracemalloc, one extra run).

With DATABASE_URL given, the data goes into a separate database
(``test_<name>_bench_<pid>``, made and dropped here, as the test runner does),
never into the database the URL names. The class is seeded in bulk: COPY on
PostgreSQL (a million answers in well under a minute), bulk_create on SQLite
(80,000 answers in a few seconds). Then each page is fetched through Django's
test client as the class's teacher: one warm-up, then the median of the runs.
The first line gives the total number of answers in the database; then one line
per page: median milliseconds (and of that, SQL), number of SQL queries, size.
"""

import argparse
import math
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_temporary = None
if not os.environ.get("DATABASE_URL"):
    _temporary = tempfile.mkdtemp(prefix="ddo-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_temporary}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.report_seeding import ASSIGNMENTS, QUESTIONS, seed_class, seed_site  # noqa: E402
from quizzes.models import Answer, Attempt, Classroom, ItemStatistic, item_sums  # noqa: E402


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--students", type=int, default=None, help="students in the class (BENCH_STUDENTS, 200)")
    size.add_argument("--answers", type=int, default=None, help="enough students for at least this many answers")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")), help="timed runs per page")
    parser.add_argument("--only", default="", help="only the pages whose name contains this text")
    parser.add_argument("--site-answers", type=int, default=0, help="other classes until the site has N answers")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each page's slowest query")
    parser.add_argument("--profile", action="store_true", help="cProfile one more run of each page: its top functions")
    arguments = parser.parse_args(argv)
    if arguments.students is None:
        answers = arguments.answers or int(os.environ.get("BENCH_ANSWERS", "0"))
        if answers:
            arguments.students = math.ceil(answers / (ASSIGNMENTS * QUESTIONS))
        else:
            arguments.students = int(os.environ.get("BENCH_STUDENTS", "200"))
    if arguments.students < 1 or arguments.runs < 1:
        parser.error("--students (or --answers) and --runs must be positive")
    return arguments


ARGUMENTS = parse_arguments()
STUDENTS = ARGUMENTS.students
RUNS = ARGUMENTS.runs


def fetch(client, url):
    """The response and its body, read to the end (a streamed export is timed until its last byte)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return response, body


def measure(client, url):
    """Median wall-clock and CPU milliseconds, SQL milliseconds, queries, size, and the slowest query."""
    fetch(client, url)  # warm-up: template compilation, connection
    times, cpu_times, sql_times = [], [], []
    for _run in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            _response, body = fetch(client, url)
            times.append(1000 * (time.perf_counter() - start))
            cpu_times.append(1000 * (time.process_time() - cpu))
        sql_times.append(1000 * sum(float(q["time"]) for q in queries.captured_queries))
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]))["sql"] if len(queries) else None
    return median(times), median(cpu_times), median(sql_times), len(queries), len(body), slowest


def peak_memory(client, url):
    """The Python heap's peak (bytes) above its level before the request, while an export is made and read."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    fetch(client, url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - before


def profile(client, url):
    """The functions one more request spends most of its time in (cumulative), for the closing note."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(fetch, client, url)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(25)
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [row[0] for row in cursor.fetchall()]


def main():
    # Not setup_test_environment(): it instruments every template render, which would slow the pages down.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEBUG = False  # as in production: no template debug information, no query log
    test_database = None
    if _temporary:
        call_command("migrate", verbosity=0)
    else:
        # A name of its own, so a test run on the same server (test_<name>) is never dropped by this one.
        connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_bench_{os.getpid()}"
        test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("loaddata", "content", verbosity=0)
        started = time.perf_counter()
        classroom, students = seed_class(STUDENTS)
        seconds = time.perf_counter() - started
        print(
            f"{connection.vendor}: seeded {len(students)} students × {ASSIGNMENTS} attempts × {QUESTIONS} questions "
            f"({Answer.objects.count():,} answers) in {seconds:.1f} s"
        )
        if ARGUMENTS.site_answers:
            if connection.vendor != "postgresql":
                raise SystemExit("--site-answers needs PostgreSQL (COPY)")
            started = time.perf_counter()
            classes = seed_site(ARGUMENTS.site_answers, timezone.now())
            copied = time.perf_counter() - started
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            print(
                f"site: seeded {classes:,} other classes in {copied:.0f} s "
                f"(+ ANALYZE {time.perf_counter() - started - copied:.0f} s); "
                f"{Answer.objects.count():,} answers, {Attempt.objects.count():,} attempts, "
                f"{Classroom.objects.count():,} classes in the database"
            )
        started = time.perf_counter()
        item_sums.rebuild()
        print(
            f"rebuild_item_statistics: {ItemStatistic.objects.count():,} rows from the answers "
            f"in {time.perf_counter() - started:.1f} s"
        )
        print(f"median of {RUNS} runs: wall-clock ms (CPU ms of the request, SQL ms), queries, size")
        client = Client()
        client.force_login(classroom.teacher)
        editor = get_user_model().objects.create(username="bench-editor", is_staff=True, is_superuser=True)
        editors = Client()
        editors.force_login(editor)
        base = f"/tr/teach/classes/{classroom.pk}/"
        first = classroom.assignments.order_by("pk").first()
        pages = [
            (client, "teacher home", "/tr/teach/"),
            (client, "class and assignments", base),
            (client, "class overview", base + "report/"),
            (client, "one student", base + f"students/{students[len(students) // 2].pk}/"),
            (client, "topic mastery", base + "topics/"),
            (client, "item analysis", base + "items/"),
            (client, "item analysis, page 3", base + "items/?page=3"),
            (client, "item analysis, one assignment", base + f"items/?assignment={first.pk}"),
            (client, "export results.xlsx", base + "export/results.xlsx"),
            (client, "export results.csv", base + "export/results.csv"),
            (client, "export items.xlsx", base + "export/items.xlsx"),
            (client, "export items.csv", base + "export/items.csv"),
            (editors, "site-wide item statistics", "/tr/editors/item-statistics/"),
        ]
        plans = []
        for who, name, url in pages:
            if ARGUMENTS.only not in name:
                continue
            ms, cpu_ms, sql_ms, queries, size, slowest = measure(who, url)
            memory = f"  peak {peak_memory(who, url) / 2**20:6.1f} MiB" if name.startswith("export") else ""
            print(
                f"{name:<30} {ms:7.1f} ms (CPU {cpu_ms:6.1f}, SQL {sql_ms:6.1f})  {queries:2d} queries  "
                f"{size / 1024:7.1f} KiB{memory}"
            )
            plans.append((name, slowest))
            if ARGUMENTS.profile:
                profile(who, url)
        if ARGUMENTS.explain and connection.vendor == "postgresql":
            for name, sql in plans:
                if sql:
                    print(f"\n--- {name}: the slowest query\n{sql[:300]}")
                    print("\n".join(line for line in explain(sql) if "Buffers" not in line and "Worker " not in line))
    finally:
        if test_database:
            connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    main()
