"""The demo teacher's class: students, assignments and attempts that make every report worth reading.

``load_demo`` calls :func:`create_demo_class` once, when the demo teacher has
no class. Attempts go through the real services (start, save, submit), so they
hold generated questions and server-side marks like any learner's; only the
responses are simulated, and the dates moved into the past afterwards.

Responses are deterministic (a fixed seed) and follow a simple item-response
model: each student has an ability, each question a difficulty, and the
chance of a right answer rises with ability minus difficulty. So facility and
discrimination come out as they do in a real class: most questions
discriminate, a few are too easy or too hard, and one is answered as if its
key were wrong (stronger students prefer one wrong option), so the item
analysis has a negative discrimination to flag.
"""

import datetime
import hashlib
import math
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ...content import load_content
from ...generation import QuizSettings, generate_quiz
from ...models import Answer, Assignment, Attempt, Classroom, Membership, QuestionType
from ...owners import Owner
from ...services import attempts

CLASS_NAME = "9-A Dijital Dönüşüm"
SEED = 2025
GENERATED_STUDENTS = 25
MEAN_ABILITY = 0.9  # on the scale of question difficulties (−2 … 1.5): most questions are within reach

# Turkish first and last names, combined in a fixed order for the generated students.
FIRST_NAMES = (
    "Ahmet", "Buse", "Can", "Çağla", "Deniz", "Ece", "Emre", "Gökçe", "Hakan", "Irmak",
    "İbrahim", "Kerem", "Leyla", "Mert", "Nehir", "Oğuz", "Özge", "Pınar", "Rüzgâr", "Selin",
    "Şevval", "Tuğba", "Umut", "Ümran", "Yusuf",
)  # fmt: skip
LAST_NAMES = (
    "Aydın", "Çelik", "Demir", "Doğan", "Erdoğan", "Güneş", "Işık", "Kaya", "Koç", "Öztürk",
    "Şahin", "Turan", "Uysal", "Yıldırım", "Yılmaz",
)  # fmt: skip

DAY = datetime.timedelta(days=1)


def _assignments(classroom, now):
    """Three assignments: one long past, one just past due (best of 2), one open now."""
    specs = [
        # title, topic, length, max_attempts, same_questions, opens (days from now), due (days from now)
        ("Daireler ve odak alanları", "departments", 10, 1, True, -24, -17),
        ("Zaman çizelgesi 2017–2025", "timeline", 10, 2, True, -12, -4),
        ("Karma tekrar", "mixed", 12, 1, False, -3, 4),
    ]
    made = []
    for i, (title, topic, length, max_attempts, same, opens, due) in enumerate(specs):
        made.append(
            Assignment.objects.create(
                classroom=classroom,
                title=title,
                topic=topic,
                length=length,
                difficulty="any",
                # 09:00 and 23:59 in the school's time zone (Istanbul), as a teacher would set them.
                opens_at=timezone.localtime(now + opens * DAY).replace(hour=9, minute=0, second=0, microsecond=0),
                due_at=timezone.localtime(now + due * DAY).replace(hour=23, minute=59, second=0, microsecond=0),
                max_attempts=max_attempts,
                same_questions=same,
                seed=SEED + i if same else 0,
            )
        )
    return made


def _generated_students():
    """The generated students, made once (usernames demo01..): no password, nobody logs in as them."""
    User = get_user_model()
    usernames = [f"demo{i + 1:02d}" for i in range(GENERATED_STUDENTS)]
    existing = {u.username: u for u in User.objects.filter(username__in=usernames)}
    new = []
    for i, username in enumerate(usernames):
        if username in existing:
            continue
        user = User(
            username=username,
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
            last_name=LAST_NAMES[(i * 7) % len(LAST_NAMES)],
        )
        user.set_unusable_password()
        new.append(user)
    User.objects.bulk_create(new)
    found = {u.username: u for u in User.objects.filter(username__in=usernames)}
    return [found[u] for u in usernames]


# --- Simulated learners -------------------------------------------------------------------


def _difficulty(key):
    """A question's difficulty on the ability scale, fixed by its key (about −2 … 1.5)."""
    digest = hashlib.sha256(key.encode()).digest()
    return -2.0 + 3.5 * digest[0] / 255


def _chance(ability, key):
    return 1 / (1 + math.exp(-1.7 * (ability - _difficulty(key))))


def _response(question, ability, rng, miskeyed):
    """A simulated response in option keys: right with the model's chance, else a plausible mistake."""
    options = [o["key"] for o in question["options"]]
    answer = question["answer"]
    right = rng.random() < _chance(ability, question["key"])
    if question["type"] == QuestionType.ORDERING:
        if right:
            return list(answer)
        wrong = list(answer)
        i = rng.randrange(len(wrong) - 1)
        wrong[i], wrong[i + 1] = wrong[i + 1], wrong[i]  # two neighbours swapped: the usual slip
        return wrong
    if question["type"] == QuestionType.MATCHING:
        pairs = dict(answer)
        if not right:
            a, b = rng.sample(sorted(pairs), 2)
            pairs[a], pairs[b] = pairs[b], pairs[a]
        return pairs
    wrong = [key for key in options if key != answer]
    if miskeyed and wrong:
        # Stronger students pick the first wrong option: what a wrong key looks like in the figures.
        # The chance is centred on the class's mean ability, so the class splits about half and half.
        return wrong[0] if rng.random() < 1 / (1 + math.exp(-1.7 * (ability - MEAN_ABILITY))) else answer
    if right or not wrong:
        return answer
    # Wrong options are not equally tempting: the first draws most, the last hardly anyone.
    weights = [2 ** (len(wrong) - i) for i in range(len(wrong))]
    return rng.choices(wrong, weights=weights)[0]


def fitting_seed(content, assignment, seed, rng):
    """``seed``, or the next one drawn, whose questions fit the answer columns.

    A few templates (order_four, match_focus) join several slugs into a key
    longer than Answer.question_key allows, which PostgreSQL refuses (SQLite
    does not check). Until the column is widened the demo draws around them;
    once it is, every seed fits and this returns ``seed`` unchanged.
    """
    limit = min(Answer._meta.get_field(name).max_length for name in ("question_key", "choice"))
    settings = QuizSettings(topic=assignment.topic, length=assignment.length, difficulty=assignment.difficulty)
    for _try in range(100):
        questions = generate_quiz(content, settings, seed)
        keys = [q["key"] for q in questions] + [o["key"] for q in questions for o in q["options"]]
        if all(len(key) <= limit for key in keys):
            return seed
        seed = rng.randrange(2**31)
    return seed


def _take(student, assignment, number, ability, rng, content, *, language, complete=True):
    if assignment.same_questions:
        seed = assignment.seed_for(number)
    else:
        seed = fitting_seed(content, assignment, rng.randrange(2**31), rng)
    attempt = attempts.start_attempt(
        Owner(user=student),
        topic=assignment.topic,
        length=assignment.length,
        difficulty=assignment.difficulty,
        seed=seed,
        assignment=assignment,
        number=number,
    )
    questions = attempt.questions
    positions = range(len(questions)) if complete else range(len(questions) // 2)
    miskeyed = None
    if assignment.same_questions and assignment.topic == "departments":
        miskeyed = next((q["key"] for q in questions if q["type"] == QuestionType.SINGLE), None)
    responses = {}
    for position in positions:
        question = questions[position]
        if complete and rng.random() < 0.04:
            continue  # now and then a question left blank
        responses[position] = _response(question, ability, rng, question["key"] == miskeyed)
    attempts.save_answers(attempt, responses, language)
    if complete:
        attempts.submit_attempt(attempt)
    return attempt


def _when(assignment, rng, now, *, late=False):
    """A plausible past moment for an attempt: within the window so far, or a day or two after the due date."""
    if late:
        return assignment.due_at + datetime.timedelta(hours=rng.randint(6, 40))
    window = (min(assignment.due_at, now) - assignment.opens_at).total_seconds()
    return assignment.opens_at + datetime.timedelta(seconds=rng.uniform(0.1, 0.9) * window)


@transaction.atomic
def create_demo_class(teacher, students):
    """Give ``teacher`` the demo class with ``students`` and generated classmates; returns the class.

    Idempotent: a teacher who already has the demo class gets it back unchanged.
    """
    existing = Classroom.objects.filter(teacher=teacher, name=CLASS_NAME).first()
    if existing is not None:
        return existing
    now = timezone.now()
    rng = random.Random(SEED)
    classroom = Classroom.objects.create(teacher=teacher, name=CLASS_NAME)
    everyone = list(students) + _generated_students()
    Membership.objects.bulk_create(
        [Membership(classroom=classroom, student=s) for s in everyone], ignore_conflicts=True
    )
    past, recent, current = _assignments(classroom, now)
    content = load_content()
    for assignment in (past, recent):
        assignment.seed = fitting_seed(content, assignment, assignment.seed, rng)
        assignment.save(update_fields=["seed"])
    moved = []  # (attempt pk, started, submitted): the dates to set once every attempt exists

    def take(student, ability, language, assignment, at, *, number=1, better=0.0, complete=True):
        attempt = _take(
            student, assignment, number, ability + better, rng, content, language=language, complete=complete
        )
        submitted = at + datetime.timedelta(minutes=rng.randint(6, 20)) if complete else None
        moved.append((attempt.pk, at, submitted))
        return at

    for index, student in enumerate(everyone):
        learner = (student, rng.gauss(MEAN_ABILITY, 1.0), "en" if index % 4 == 3 else "tr")
        # Long past: everyone but two did it, a few of them late.
        if index % 13 != 12:
            take(*learner, past, _when(past, rng, now, late=index % 6 == 5))
        # Just past due, best of two: most did it, some tried again (and did better), one is still at it.
        if index % 9 == 8:
            take(*learner, recent, _when(recent, rng, now), complete=False)
        elif index % 7 != 6:
            at = take(*learner, recent, _when(recent, rng, now, late=index % 8 == 7))
            if index % 3 == 0:
                take(*learner, recent, at + DAY, number=2, better=0.6)
        # Open now: about half done, a few in progress, the rest not started.
        if index % 2 == 0:
            take(*learner, current, _when(current, rng, now))
        elif index % 5 == 1:
            take(*learner, current, now, complete=False)

    attempts = Attempt.objects.in_bulk([pk for pk, _started, _submitted in moved])
    for pk, started, submitted in moved:
        attempts[pk].started_at = min(started, now)
        if submitted is not None:
            attempts[pk].submitted_at = submitted
    Attempt.objects.bulk_update(attempts.values(), ["started_at", "submitted_at"], batch_size=200)
    return classroom
