"""Time the teacher's report pages and exports on a big class: 200 students × 20 attempts × 20 questions.

    .venv/bin/python bench/bench_reports.py                  # a temporary SQLite file
    DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo .venv/bin/python bench/bench_reports.py

With DATABASE_URL given, the data goes into a separate database
(``test_<name>_bench_<pid>``, made and dropped here, as the test runner does),
never into the database the URL names. The class is seeded with bulk_create (80,000
answers in a few seconds), then each page is fetched through Django's test
client as the class's teacher: one warm-up, then the median of RUNS runs.
One line per page: median milliseconds and the number of SQL queries.
"""

import datetime
import hashlib
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

STUDENTS = int(os.environ.get("BENCH_STUDENTS", "200"))
ASSIGNMENTS = 20  # each student makes one attempt at each: 20 attempts
QUESTIONS = 20  # per attempt
POOL = 120  # question keys the assignments draw from
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

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

from quizzes.groups import TEACHERS  # noqa: E402
from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership  # noqa: E402

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
    """The teacher, 200 students, 20 assignments, 4,000 submitted attempts and 80,000 answers (bulk)."""
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
    User.objects.bulk_create(students)
    students = list(User.objects.filter(username__startswith="bench").exclude(pk=teacher.pk).order_by("pk"))
    classroom = Classroom.objects.create(teacher=teacher, name="Büyük sınıf 12-Ç")
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
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
    attempts, plans = [], []
    for assignment_index, assignment in enumerate(assignments):
        chosen = random.Random(assignment_index).sample(range(POOL), QUESTIONS)
        questions = [pool[i] for i in chosen]
        for student, ability in zip(students, abilities, strict=True):
            choices = []
            for i in chosen:
                right = rng.random() < 1 / (1 + math.exp(-1.7 * (ability - difficulty(i))))
                choices.append("o0" if right else rng.choice(["o1", "o1", "o2", "o3"]))
            score = float(sum(c == "o0" for c in choices))
            late = rng.random() < 0.1
            attempts.append(
                Attempt(
                    user=student,
                    public_id=secrets.token_urlsafe(16),
                    topic="mixed",
                    difficulty="any",
                    length=QUESTIONS,
                    seed=assignment.seed,
                    assignment=assignment,
                    number=1,
                    questions=questions,
                    submitted_at=assignment.due_at + (day if late else -day),
                    score=score,
                    max_score=float(QUESTIONS),
                )
            )
            plans.append((questions, choices, "en" if student.pk % 4 == 0 else "tr"))
    attempts = Attempt.objects.bulk_create(attempts, batch_size=500)
    if attempts[0].pk is None:  # databases that do not return ids from bulk inserts
        attempts = list(Attempt.objects.filter(assignment__classroom=classroom).order_by("pk"))
    answers = (
        Answer(
            attempt=attempt,
            position=position,
            question_key=q["key"],
            topic=q["topic"],
            response=choice,
            choice=choice,
            mark=float(choice == q["answer"]),
            language=language,
        )
        for attempt, (questions, choices, language) in zip(attempts, plans, strict=True)
        for position, (q, choice) in enumerate(zip(questions, choices, strict=True))
    )
    Answer.objects.bulk_create(answers, batch_size=2000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database
    return classroom, students


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
            ms, sql_ms, queries, size = measure(client, url)
            print(f"{name:<30} {ms:7.1f} ms (SQL {sql_ms:6.1f} ms)  {queries:2d} queries  {size / 1024:7.1f} KiB")
    finally:
        if test_database:
            connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    main()
