"""Small factories for classes, assignments and attempts, without the question generator.

Attempts are built directly from hand-made frozen questions, so a test can
say exactly which student chose which option, and hand-compute the result.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership
from quizzes.roles import TEACHERS
from quizzes.user_cache import CachedUserBackend

PASSWORD = "a-Good-test-passw0rd"

OPTION_TEXTS = {
    "a": ("Veri Dairesi", "Data Department"),
    "b": ("Siber Güvenlik Dairesi", "Cyber Security Department"),
    "c": ("Tarım Dairesi", "Agriculture Department"),
    "d": ("Işık Dairesi", "Light Department"),
}


def question(key, *, answer="a", options=("a", "b", "c", "d"), topic="departments", qtype="single", item=None):
    """A frozen single-choice question whose option keys are ``<key>/<letter>``."""
    return {
        "key": key,
        "template": key.split(":")[0],
        "item": item or f"department:{key.split(':')[-1]}",
        "type": qtype,
        "topic": topic,
        "difficulty": "medium",
        "prompt": {"tr": f"Soru {key}?", "en": f"Question {key}?"},
        "options": [
            {"key": letter, "text": {"tr": OPTION_TEXTS[letter][0], "en": OPTION_TEXTS[letter][1]}}
            for letter in options
        ],
        "targets": [],
        "answer": answer,
        "explanation": {"tr": "Açıklama.", "en": "Explanation."},
        "source": {"title": {"tr": "Kaynak", "en": "Source"}, "publisher": "x", "published_on": None, "url": ""},
    }


def make_user(username, *, role=None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_teacher(username="ogretmen", **extra):
    return make_user(username, role=TEACHERS, **extra)


def make_student(username, full_name=""):
    first, _sep, last = full_name.partition(" ")
    return make_user(username, first_name=first, last_name=last)


def make_classroom(teacher, students=(), name="9-A Dijital Dönüşüm"):
    classroom = Classroom.objects.create(teacher=teacher, name=name)
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    return classroom


def make_assignment(classroom, title="Daireler", *, opens_at=None, due_at=None, **extra):
    now = timezone.now()
    return Assignment.objects.create(
        classroom=classroom,
        title=title,
        topic=extra.pop("topic", "departments"),
        length=extra.pop("length", 5),
        opens_at=opens_at or now - datetime.timedelta(days=7),
        due_at=due_at or now + datetime.timedelta(days=7),
        **extra,
    )


def make_attempt(
    student, assignment, choices, *, questions=None, number=1, submitted_at="now", language="tr", guest_key=""
):
    """An attempt whose i-th question got ``choices[i]`` (an option key, or None for no answer).

    ``submitted_at``: "now", a datetime, or None for an attempt still open.
    ``student`` None and a ``guest_key``: a guest's attempt.
    Marks are 1 for the question's answer, else 0, as grading would give.
    """
    questions = questions or [question(f"q:{i + 1}") for i in range(len(choices))]
    submitted = timezone.now() if submitted_at == "now" else submitted_at
    languages = language if isinstance(language, list | tuple) else [language] * len(questions)
    marks = [
        None if submitted is None else float(c is not None and c == q["answer"])
        for q, c in zip(questions, choices, strict=True)
    ]
    attempt = Attempt.objects.create(
        user=student,
        guest_key=guest_key,
        topic=assignment.topic if assignment else "mixed",
        difficulty="any",
        length=len(questions),
        seed=1,
        assignment=assignment,
        number=number,
        questions=questions,
        max_score=float(len(questions)),
        score=None if submitted is None else sum(marks),
        submitted_at=submitted,
    )
    Answer.objects.bulk_create(
        Answer(
            attempt=attempt,
            position=i,
            question_key=q["key"],
            topic=q["topic"],
            response=choice,
            choice=choice or "",
            mark=mark,
            language=lang if choice is not None else "",
        )
        for i, (q, choice, mark, lang) in enumerate(zip(questions, choices, marks, languages, strict=True))
    )
    return attempt


def marks_to_choices(marks):
    """[1, 0, None] → ["a", "b", None]: right, wrong, no answer."""
    return [None if m is None else ("a" if m else "b") for m in marks]


def as_user(client, user):
    """The client signed in as ``user``, as after their first page: their row and teacher flag are
    in the user cache (quizzes/user_cache.py), so query counts are those of every later page."""
    client.force_login(user)
    CachedUserBackend().get_user(user.pk)
    return client


def as_guest(client, guest_key):
    """The client as a guest whose browser holds ``guest_key`` (no account)."""
    session = client.session
    session["guest_key"] = guest_key
    session.save()
    return client


# --- A class with results, for the report pages --------------------------------------------------

CLASS_QUESTIONS = [question("q:1"), question("q:2"), question("q:3"), question("q:4", topic="timeline")]
CLASS_PATTERNS = [["a", "a", "a", "a"], ["a", "a", "b", "c"], ["a", "b", "b", None], ["b", "c", "a", "a"]]
CLASS_NAMES = ["Çağrı Işık", "Ayşe Yıldız", "İsmail Öztürk", "Şule Güneş", "Ömer Çelik", "Ülkü Doğan"]


def build_class(teacher, size):
    """A class of ``size`` students, two assignments; everyone submitted the first, half the second."""
    students = [
        make_student(f"{teacher.username}-{i}", f"{CLASS_NAMES[i % len(CLASS_NAMES)]} {i}") for i in range(size)
    ]
    classroom = make_classroom(teacher, students)
    first = make_assignment(classroom, "Daireler", max_attempts=2)
    second = make_assignment(classroom, "Zaman çizelgesi", due_at=timezone.now() + datetime.timedelta(days=2))
    for i, student in enumerate(students):
        choices = CLASS_PATTERNS[i % len(CLASS_PATTERNS)]
        make_attempt(student, first, choices, questions=CLASS_QUESTIONS, language="en" if i % 3 == 0 else "tr")
        if i % 2 == 0:
            make_attempt(student, first, ["a", "a", "a", "a"], questions=CLASS_QUESTIONS, number=2)
            make_attempt(student, second, choices[:2], questions=CLASS_QUESTIONS[:2])
    return classroom, students, first


def csrf_tokens(html):
    """The distinct CSRF tokens of a page's forms."""
    return {part.split('"', 1)[0] for part in html.split('name="csrfmiddlewaretoken" value="')[1:]}
