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
import datetime
import hashlib
import json
import math
import os
import random
import secrets
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ASSIGNMENTS = 20  # each student makes one attempt at each: 20 attempts
QUESTIONS = 20  # per attempt
DAY = datetime.timedelta(days=1)
POOL = 120  # question keys the assignments draw from


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--students", type=int, default=None, help="students in the class (BENCH_STUDENTS, 200)")
    size.add_argument("--answers", type=int, default=None, help="enough students for at least this many answers")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")), help="timed runs per page")
    parser.add_argument("--only", default="", help="only the pages whose name contains this text")
    parser.add_argument("--site-answers", type=int, default=0, help="other classes until the site has N answers")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each page's slowest query")
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

_temporary = None
if not os.environ.get("DATABASE_URL"):
    _temporary = tempfile.mkdtemp(prefix="ddo-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_temporary}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from quizzes.models import Answer, Assignment, Attempt, Classroom, ItemStatistic, Membership  # noqa: E402
from quizzes.models import statistics as item_statistics  # noqa: E402
from quizzes.roles import TEACHERS  # noqa: E402

FIRST = ["Ayşe", "Çağrı", "İsmail", "Şule", "Ömer", "Ülkü", "Gökhan", "Irmak", "Deniz", "Eda"]
LAST = ["Yıldız", "Işık", "Öztürk", "Güneş", "Çelik", "Doğan", "Şahin", "Kaya", "Aydın", "Koç"]
TOPICS = ["departments", "duties", "timeline", "glossary"]


def question(i):
    """A frozen single-choice question like the generator's, with short texts."""
    key = f"bench_q:{i:03d}"
    return {
        "key": key,
        "template": "bench_q",
        "item": f"department:bench-{i:03d}",
        "type": "single",
        "topic": TOPICS[i % len(TOPICS)],
        "difficulty": "medium",
        "prompt": {"tr": f"Soru {i}: hangi daire?", "en": f"Question {i}: which department?"},
        "options": [{"key": f"o{j}", "text": {"tr": f"Seçenek {j} ğüşıöç", "en": f"Option {j}"}} for j in range(4)],
        "targets": [],
        "answer": "o0",
        "explanation": {"tr": "Açıklama.", "en": "Explanation."},
        "source": {"title": {"tr": "Kaynak", "en": "Source"}, "publisher": "bench", "published_on": None, "url": ""},
    }


def difficulty(i):
    return -2 + 3.5 * hashlib.sha256(str(i).encode()).digest()[0] / 255


def assignment_fields(n, now):
    """The n-th assignment of a bench class: 20 questions of every topic, one seed, opened and due in the past."""
    return {
        "title": f"Ödev {n + 1}",
        "topic": "mixed",
        "length": QUESTIONS,
        "opens_at": now - (60 - 3 * n) * DAY,
        "due_at": now - (55 - 3 * n) * DAY,
        "seed": n + 1,
    }


def seed_class():
    """The teacher, the students, 20 assignments, 20 submitted attempts per student and 20 answers per attempt."""
    rng = random.Random(7)
    User = get_user_model()
    teacher = User(username="bench-teacher", first_name="İlknur", last_name="Çelik")
    teacher.set_unusable_password()
    teacher.save()
    teacher.groups.add(Group.objects.get_or_create(name=TEACHERS)[0])
    students = [
        User(username=f"bench{i:03d}", first_name=FIRST[i % 10], last_name=f"{LAST[(i // 10) % 10]} {i}", password="!")
        for i in range(STUDENTS)
    ]
    User.objects.bulk_create(students, batch_size=1000)
    students = list(User.objects.filter(username__startswith="bench").exclude(pk=teacher.pk).order_by("pk"))
    classroom = Classroom.objects.create(teacher=teacher, name="Büyük sınıf 12-Ç")
    Membership.objects.bulk_create((Membership(classroom=classroom, student=s) for s in students), batch_size=1000)
    now = timezone.now()
    assignments = Assignment.objects.bulk_create(
        Assignment(classroom=classroom, **assignment_fields(n, now)) for n in range(ASSIGNMENTS)
    )
    pool = [question(i) for i in range(POOL)]
    abilities = [rng.gauss(0.8, 1) for _ in students]
    # Plain rows first (the same random draws whatever the database), then one bulk insert per table.
    attempts, plans = [], []
    for assignment_index, assignment in enumerate(assignments):
        chosen = random.Random(assignment_index).sample(range(POOL), QUESTIONS)
        questions = [pool[i] for i in chosen]
        for student, ability in zip(students, abilities, strict=True):
            choices = []
            for i in chosen:
                right = rng.random() < 1 / (1 + math.exp(-1.7 * (ability - difficulty(i))))
                choices.append("o0" if right else rng.choice(["o1", "o1", "o2", "o3"]))
            late = rng.random() < 0.1
            attempts.append(
                {
                    "user_id": student.pk,
                    "public_id": secrets.token_urlsafe(16),
                    "assignment": assignment,
                    "questions": questions,
                    "submitted_at": assignment.due_at + (DAY if late else -DAY),
                    "score": float(sum(c == "o0" for c in choices)),
                }
            )
            plans.append((questions, choices, "en" if student.pk % 4 == 0 else "tr"))
    if connection.vendor == "postgresql":
        attempt_ids = copy_attempts(attempts, classroom, now)
    else:
        attempt_ids = bulk_create_attempts(attempts, classroom)
    answers = (
        (attempt_id, position, q["key"], q["topic"], choice, float(choice == q["answer"]), language)
        for attempt_id, (questions, choices, language) in zip(attempt_ids, plans, strict=True)
        for position, (q, choice) in enumerate(zip(questions, choices, strict=True))
    )
    if connection.vendor == "postgresql":
        copy_answers(answers, now)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database
    else:
        Answer.objects.bulk_create(
            (
                Answer(
                    attempt_id=attempt_id,
                    position=position,
                    question_key=key,
                    topic=topic,
                    response=choice,
                    choice=choice,
                    mark=mark,
                    language=language,
                )
                for attempt_id, position, key, topic, choice, mark, language in answers
            ),
            batch_size=2000,
        )
    return classroom, students


def _attempt(row, **extra):
    return Attempt(
        user_id=row["user_id"],
        public_id=row["public_id"],
        topic="mixed",
        difficulty="any",
        length=QUESTIONS,
        seed=row["assignment"].seed,
        assignment=row["assignment"],
        number=1,
        questions=row["questions"],
        submitted_at=row["submitted_at"],
        score=row["score"],
        max_score=float(QUESTIONS),
        **extra,
    )


def bulk_create_attempts(rows, classroom):
    """The attempts' ids, in the order of ``rows``."""
    attempts = Attempt.objects.bulk_create((_attempt(row) for row in rows), batch_size=500)
    if attempts[0].pk is None:  # databases that do not return ids from bulk inserts
        return _ids_by_public_id(rows, classroom)
    return [a.pk for a in attempts]


def copy_rows(model, fields, rows):
    """PostgreSQL's COPY FROM STDIN: ``rows`` are tuples in the order of ``fields`` (model field names).

    Many times faster than bulk_create, which sends every value through the
    driver's query quoting (the attempts' frozen questions are several KiB each).
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _ids_by_public_id(rows, classroom):
    ids = dict(Attempt.objects.filter(assignment__classroom=classroom).values_list("public_id", "pk"))
    return [ids[row["public_id"]] for row in rows]


def _copy_fields(model):
    """Every stored field but the id, for COPY (defaults filled in by the model, as save() would)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def copy_attempts(rows, classroom, now):
    """COPY the attempts (each assignment's frozen questions serialised once); their ids, in the order of ``rows``."""
    fields = _copy_fields(Attempt)
    frozen = {}
    records = []
    for row in rows:
        attempt = _attempt(row, started_at=now)
        key = id(row["questions"])
        if key not in frozen:
            frozen[key] = json.dumps(row["questions"], ensure_ascii=False)
        attempt.questions = frozen[key]
        records.append(tuple(getattr(attempt, f.attname) for f in fields))
    copy_rows(Attempt, [f.name for f in fields], records)
    return _ids_by_public_id(rows, classroom)


def copy_answers(rows, now):
    """COPY the answers: ``rows`` of (attempt id, position, question key, topic, choice, mark, language)."""
    names = ["attempt", "position", "question_key", "topic", "response", "choice", "mark", "language", "saved_at"]
    fields = {f.name for f in _copy_fields(Answer)}
    if fields != set(names):
        raise RuntimeError(f"Answer's fields changed: {sorted(fields)}; update copy_answers")
    copy_rows(
        Answer,
        names,
        (
            (attempt_id, position, key, topic, json.dumps(choice), choice, mark, language, now)
            for attempt_id, position, key, topic, choice, mark, language in rows
        ),
    )


# --- The rest of the site: other classes, for national scale ------------------------------------------

FILLER_STUDENTS = 5  # per other class: 5 × 20 attempts × 20 questions = 2,000 answers
FILLER_POOL = 2000  # question keys the other classes draw from (the big class's 120 among them)


def next_id(model):
    """The first free id of a table, for rows COPYed with their ids (the sequence is moved past them after)."""
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def move_sequence(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def copy_instances(model, instances):
    """COPY model instances, ids included (every stored field, defaults as the model fills them in)."""
    fields = list(model._meta.concrete_fields)
    copy_rows(model, [f.name for f in fields], (tuple(getattr(i, f.attname) for f in fields) for i in instances))
    move_sequence(model)


def seed_site(target, now):
    """Other classes until the site holds about ``target`` answers (PostgreSQL): the number of classes seeded.

    Every class: 5 students, 20 assignments of 20 questions from a pool of 2,000 keys, one submitted
    first attempt per student and assignment. A key in 97 is easier in English (a leaky translation).
    To keep the database's size near a real one's without storing 500,000 copies of the frozen
    questions, the first attempt of each assignment holds its questions' keys and prompts, the others
    an empty list (the class pages measured are the big class's, whose attempts hold everything).
    """
    per_class = FILLER_STUDENTS * ASSIGNMENTS * QUESTIONS
    classes = max(0, math.ceil((target - Answer.objects.count()) / per_class))
    if not classes:
        return 0
    User = get_user_model()
    teacher = User.objects.create(username="filler-teacher", password="!")
    user_id, class_id, assignment_id, attempt_id = (next_id(m) for m in (User, Classroom, Assignment, Attempt))
    copy_instances(
        User,
        (
            User(
                id=user_id + i,
                username=f"f{i:06d}",
                first_name=FIRST[i % 10],
                last_name=LAST[i // 10 % 10],
                password="!",
                date_joined=now,
            )
            for i in range(classes * FILLER_STUDENTS)
        ),
    )
    copy_instances(
        Classroom,
        (
            Classroom(id=class_id + c, name=f"Sınıf {c}", teacher_id=teacher.pk, join_code=f"F{c:07d}", created_at=now)
            for c in range(classes)
        ),
    )
    copy_instances(
        Membership,
        (
            Membership(
                id=user_id + i, classroom_id=class_id + i // FILLER_STUDENTS, student_id=user_id + i, joined_at=now
            )
            for i in range(classes * FILLER_STUDENTS)
        ),
    )
    copy_instances(
        Assignment,
        (
            Assignment(
                id=assignment_id + c * ASSIGNMENTS + n,
                classroom_id=class_id + c,
                created_at=now,
                **assignment_fields(n, now),
            )
            for c in range(classes)
            for n in range(ASSIGNMENTS)
        ),
    )
    pool = [question(i) for i in range(FILLER_POOL)]

    def plans():
        """(attempt id, user id, assignment id, keys, choices, language) of every attempt, the same on each call."""
        number = 0
        for c in range(classes):
            rng = random.Random(c)
            abilities = [rng.gauss(0.8, 1) for _ in range(FILLER_STUDENTS)]
            for n in range(ASSIGNMENTS):
                chosen = rng.sample(range(FILLER_POOL), QUESTIONS)
                for s, ability in enumerate(abilities):
                    student = c * FILLER_STUDENTS + s
                    language = "en" if student % 4 == 0 else "tr"
                    choices = []
                    for i in chosen:
                        leak = language == "en" and i % 97 == 0
                        right = leak or rng.random() < 1 / (1 + math.exp(-1.7 * (ability - difficulty(i))))
                        choices.append("o0" if right else rng.choice(["o1", "o1", "o2", "o3"]))
                    yield (
                        attempt_id + number,
                        user_id + student,
                        assignment_id + c * ASSIGNMENTS + n,
                        chosen,
                        choices,
                        language,
                    )
                    number += 1

    template = Attempt(
        topic="mixed",
        difficulty="any",
        length=QUESTIONS,
        seed=1,
        number=1,
        questions=[],
        started_at=now,
        max_score=float(QUESTIONS),
    )
    fields = list(Attempt._meta.concrete_fields)
    values = {f.attname: getattr(template, f.attname) for f in fields}

    def attempt_rows():
        for number, (pk, user, assignment, chosen, choices, _language) in enumerate(plans()):
            carrier = number % FILLER_STUDENTS == 0
            row = dict(values)
            row.update(
                id=pk,
                user_id=user,
                public_id=f"f{pk:020d}",
                assignment_id=assignment,
                seed=1,
                questions=json.dumps(
                    [{"key": pool[i]["key"], "topic": pool[i]["topic"], "prompt": pool[i]["prompt"]} for i in chosen]
                    if carrier
                    else [],
                    ensure_ascii=False,
                ),
                submitted_at=now - DAY,
                score=float(sum(c == "o0" for c in choices)),
            )
            yield tuple(row[f.attname] for f in fields)

    copy_rows(Attempt, [f.name for f in fields], attempt_rows())
    move_sequence(Attempt)
    copy_answers(
        (
            (pk, position, pool[i]["key"], pool[i]["topic"], choice, float(choice == "o0"), language)
            for pk, _user, _assignment, chosen, choices, language in plans()
            for position, (i, choice) in enumerate(zip(chosen, choices, strict=True))
        ),
        now,
    )
    return classes


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
        classroom, students = seed_class()
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
        item_statistics.rebuild()
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
