"""The data of bench/bench_reports.py: one big class and, for national scale, the rest of the site.

The big class: a teacher, ``students`` students, 20 assignments of 20 questions from a pool of 120
keys, one submitted attempt per student and assignment, one answer per question (abilities and
item difficulties drawn from fixed seeds, so every run holds the same answers). The rest of the
site: other classes of 5 students each over a pool of 2,000 keys (``seed_site``).

Rows go in in bulk: COPY FROM STDIN on PostgreSQL, bulk_create on SQLite. Import this module
after ``django.setup()``.
"""

import datetime
import hashlib
import json
import math
import random
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership
from quizzes.roles import TEACHERS

ASSIGNMENTS = 20  # each student makes one attempt at each: 20 attempts
QUESTIONS = 20  # per attempt
DAY = datetime.timedelta(days=1)
POOL = 120  # question keys the assignments draw from

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


def seed_class(students):
    """The teacher, ``students`` students, 20 assignments, 20 submitted attempts each, 20 answers per attempt."""
    rng = random.Random(7)
    User = get_user_model()
    teacher = User(username="bench-teacher", first_name="İlknur", last_name="Çelik")
    teacher.set_unusable_password()
    teacher.save()
    teacher.groups.add(Group.objects.get_or_create(name=TEACHERS)[0])
    students = [
        User(username=f"bench{i:03d}", first_name=FIRST[i % 10], last_name=f"{LAST[(i // 10) % 10]} {i}", password="!")
        for i in range(students)
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
