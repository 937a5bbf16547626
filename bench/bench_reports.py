"""Time the teacher's report pages and exports on a big class: 200 students × 20 attempts × 20 questions.

    .venv/bin/python bench/bench_reports.py                  # a temporary SQLite file
    DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo .venv/bin/python bench/bench_reports.py

    # The design budget's item analysis over a million answers (2,500 students), item pages only:
    export DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo
    .venv/bin/python bench/bench_reports.py --answers 1000000 --only item

Options (or environment variables):

``--students N`` (``BENCH_STUDENTS``, default 200)
    students in the class; each makes one attempt at each of the 20 assignments of 20 questions.
``--answers N`` (``BENCH_ANSWERS``)
    instead of ``--students``: enough students for at least N answers (N / 400, rounded up).
``--runs N`` (``BENCH_RUNS``, default 5)
    timed runs per page, after one warm-up; the median is shown.
``--only TEXT``
    only the pages whose name contains TEXT (``item``: the item analysis pages and exports).

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
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ASSIGNMENTS = 20  # each student makes one attempt at each: 20 attempts
QUESTIONS = 20  # per attempt
POOL = 120  # question keys the assignments draw from


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--students", type=int, default=None, help="students in the class (BENCH_STUDENTS, 200)")
    size.add_argument("--answers", type=int, default=None, help="enough students for at least this many answers")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")), help="timed runs per page")
    parser.add_argument("--only", default="", help="only the pages whose name contains this text")
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

from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership  # noqa: E402
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
    day = datetime.timedelta(days=1)
    assignments = Assignment.objects.bulk_create(
        Assignment(
            classroom=classroom,
            title=f"Ödev {n + 1}",
            topic="mixed",
            length=QUESTIONS,
            opens_at=now - (60 - 3 * n) * day,
            due_at=now - (55 - 3 * n) * day,
            seed=n + 1,
        )
        for n in range(ASSIGNMENTS)
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
                    "submitted_at": assignment.due_at + (day if late else -day),
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


def measure(client, url):
    client.get(url)  # warm-up: template compilation, connection
    times, sql_times = [], []
    for _run in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(1000 * (time.perf_counter() - start))
        assert response.status_code == 200, (url, response.status_code)
        sql_times.append(1000 * sum(float(q["time"]) for q in queries.captured_queries))
    return median(times), median(sql_times), len(queries), len(response.content)


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
            f"({Answer.objects.count():,} answers) in {seconds:.1f} s; median of {RUNS} runs"
        )
        client = Client()
        client.force_login(classroom.teacher)
        base = f"/tr/teach/classes/{classroom.pk}/"
        first = classroom.assignments.order_by("pk").first()
        pages = [
            ("teacher home", "/tr/teach/"),
            ("class and assignments", base),
            ("class overview", base + "report/"),
            ("one student", base + f"students/{students[len(students) // 2].pk}/"),
            ("topic mastery", base + "topics/"),
            ("item analysis", base + "items/"),
            ("item analysis, one assignment", base + f"items/?assignment={first.pk}"),
            ("export results.xlsx", base + "export/results.xlsx"),
            ("export results.csv", base + "export/results.csv"),
            ("export items.xlsx", base + "export/items.xlsx"),
            ("export items.csv", base + "export/items.csv"),
        ]
        for name, url in pages:
            if ARGUMENTS.only not in name:
                continue
            ms, sql_ms, queries, size = measure(client, url)
            print(f"{name:<30} {ms:7.1f} ms (SQL {sql_ms:6.1f} ms)  {queries:2d} queries  {size / 1024:7.1f} KiB")
    finally:
        if test_database:
            connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    main()
