"""What teachers and students do to classes: make one, join, leave, give an assignment, start it.

Each function does one thing a user asked for and raises a named exception
when a rule refuses it; views turn those into messages and status codes.
"""

import math
import secrets
import time

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef

from ..models import ANY, Assignment, Attempt, Classroom, Extension, Membership, MissedQuestions, new_join_code
from ..owners import Owner
from . import attempts

JOIN_CODE_TRIES = 5

# Wrong join codes one account may type in a window before it must wait. Counted per account, never
# per address: a school's pupils share one address, and one pupil's typos must not lock out the class.
WRONG_CODES_ALLOWED = 10
WRONG_CODE_WINDOW_SECONDS = 300


class NoSuchCode(Exception):
    """No class has the code typed."""


class ClassArchived(Exception):
    """The code is right but its class is archived: it takes no new students. ``args[0]``: the class."""


class OwnClass(Exception):
    """A teacher typed the code of a class they teach."""


class TooManyWrongCodes(Exception):
    """This account typed too many wrong codes; ``wait_seconds`` until it may try again."""

    def __init__(self, wait_seconds):
        super().__init__(wait_seconds)
        self.wait_seconds = wait_seconds


class NotAMember(Exception):
    """The student is not in the class (or the class is not the teacher's)."""


class AssignmentNotOpen(Exception):
    """The assignment opens later."""


class NoAttemptsLeft(Exception):
    """The student has used every attempt the assignment allows."""


# --- Join-code throttle, per account -----------------------------------------------------------


def _throttle_keys(user):
    base = f"join-codes:{user.pk}"
    return base, f"{base}:until"


def wrong_code_wait(user):
    """Seconds this account must wait before typing another code (0: it may type one now)."""
    count_key, until_key = _throttle_keys(user)
    found = cache.get_many([count_key, until_key])
    if found.get(count_key, 0) < WRONG_CODES_ALLOWED:
        return 0
    until = found.get(until_key, time.time() + WRONG_CODE_WINDOW_SECONDS)
    return max(1, math.ceil(until - time.time()))


def _record_wrong_code(user):
    count_key, until_key = _throttle_keys(user)
    # A fixed window from the first wrong code: add() is atomic, so concurrent requests start it once.
    if cache.add(count_key, 1, WRONG_CODE_WINDOW_SECONDS):
        cache.set(until_key, time.time() + WRONG_CODE_WINDOW_SECONDS, WRONG_CODE_WINDOW_SECONDS)
        return
    try:
        cache.incr(count_key)
    except ValueError:  # the window ended between add() and incr()
        _record_wrong_code(user)


# --- Students ----------------------------------------------------------------------------------


def class_for_code(student, code):
    """The class (not archived) whose join code is ``code``, as a join link shows it before joining.

    Counts as a typed code: a wrong one counts against the account's allowance, so
    opening made-up join links is no faster a way to guess codes than typing them.
    An archived class's code is right, not a guess: ClassArchived, and nothing counted.
    """
    wait = wrong_code_wait(student)
    if wait:
        raise TooManyWrongCodes(wait)
    classroom = (
        Classroom.objects.select_related("teacher")
        .annotate(asker_teaches=Exists(Classroom.objects.taught_by(student).filter(pk=OuterRef("pk"))))
        .filter(join_code=code)
        .first()
    )
    if classroom is None:
        _record_wrong_code(student)
        raise NoSuchCode
    if classroom.archived_at is not None:
        raise ClassArchived(classroom)
    return classroom


def class_to_join(code):
    """The open class whose join code is ``code``, or None: what a join link names before anyone signs in."""
    return Classroom.objects.filter(join_code=code, archived_at__isnull=True).first()


def join_class(student, code):
    """Put ``student`` in the class whose join code is ``code``; returns ``(classroom, joined)``.

    ``joined`` is False when the student was in the class already. A blocked account is refused
    before the code is looked up, so a blocked guesser learns nothing about the codes it types.
    """
    classroom = class_for_code(student, code)
    if classroom.asker_teaches:  # its owner or a co-teacher
        raise OwnClass
    _membership, joined = Membership.objects.get_or_create(classroom=classroom, student=student)
    return classroom, joined


def leave_class(student, classroom_pk):
    """Take ``student`` out of the class; returns the class. Past attempts stay with the student."""
    return _end_membership("classroom", classroom__pk=classroom_pk, student=student).classroom


def start_assignment(student, assignment_pk, now):
    """The student's attempt at an assignment: the open one if any, else a new one; returns ``(attempt, new)``.

    Raises NotAMember (not the student's class), AssignmentNotOpen, NoAttemptsLeft, or
    attempts.NoQuestions (the content cannot make the questions).
    """
    assignment = (
        Assignment.objects.select_related("classroom")
        .filter(pk=assignment_pk, classroom__memberships__student=student)
        .first()
    )
    if assignment is None:
        raise NotAMember
    if now < assignment.opens_at:
        raise AssignmentNotOpen(assignment)
    with transaction.atomic():
        # Lock the membership row so a double click cannot start two attempts.
        list(
            Membership.objects.select_for_update()
            .filter(classroom=assignment.classroom, student=student)
            .values_list("pk", flat=True)
        )
        mine = list(Attempt.objects.filter(assignment=assignment, user=student).only("public_id", "submitted_at"))
        unfinished = next((a for a in mine if a.submitted_at is None), None)
        if unfinished is not None:
            return unfinished, False
        if len(mine) >= assignment.max_attempts:
            raise NoAttemptsLeft(assignment)
        attempt = _start(student, assignment, len(mine) + 1)
    return attempt, True


def _start(student, assignment, number):
    if assignment.practises_missed:
        found = MissedQuestions.objects.filter(assignment=assignment, student=student).values_list("question_keys")
        keys = next(iter(found), [[]])[0]
        if keys:
            try:
                return attempts.start_practice(Owner(user=student), keys, assignment=assignment, number=number)
            except attempts.NoQuestions:
                pass  # their questions left the content since: the class's weakest topic instead
    return attempts.start_attempt(
        Owner(user=student),
        topic=assignment.topic,
        length=assignment.length,
        difficulty=assignment.difficulty,
        seed=assignment.seed_for(number),
        assignment=assignment,
        number=number,
    )


# --- Teachers ----------------------------------------------------------------------------------


def create_classroom(teacher, name):
    """A new class with a fresh join code; a rare clash with an existing code draws again."""
    for _try in range(JOIN_CODE_TRIES):
        try:
            with transaction.atomic():
                return Classroom.objects.create(teacher=teacher, name=name, join_code=new_join_code())
        except IntegrityError:
            continue
    raise IntegrityError("could not draw a free join code")


def give_assignment(classroom, assignment):
    """Save ``assignment`` (unsaved, its settings checked by the form) for ``classroom``."""
    assignment.classroom = classroom
    # Everyone gets the same questions by sharing one seed; otherwise each attempt draws its own.
    assignment.seed = secrets.randbits(31) if assignment.same_questions else 0
    assignment.save()
    return assignment


def give_missed_practice(classroom, assignment, plan):
    """Save ``assignment`` (its dates, attempts and review from the form) as "practise what the class missed":
    each student of ``plan`` (missed.Plan) gets their missed questions, everyone else a quiz on its topic."""
    assignment.practises_missed = True
    assignment.topic, assignment.difficulty, assignment.same_questions = plan.topic, ANY, False
    with transaction.atomic():
        give_assignment(classroom, assignment)
        MissedQuestions.objects.bulk_create(
            MissedQuestions(assignment=assignment, student_id=student_id, question_keys=keys)
            for student_id, keys in plan.keys.items()
            if keys
        )
    return assignment


def remove_student(classroom, student_pk):
    """Take a student out of the teacher's class; returns the student. Their past attempts stay in the reports."""
    return _end_membership("student", classroom=classroom, student__pk=student_pk).student


def add_students(classroom, students):
    """Put each of ``students`` in the class (an LTI course's roster); ones there already stay as they are.

    Its owner and its co-teachers never become its students (a co-teacher who opens the course's link as
    a learner, Moodle's "switch role to student", stays its teacher): decided here, so no caller forgets."""
    co_teachers = classroom.co_teachers.through.objects.filter(classroom=classroom).values_list("user_id", flat=True)
    skip = {classroom.teacher_id, *co_teachers}
    Membership.objects.bulk_create(
        [Membership(classroom=classroom, student=s) for s in students if s.pk not in skip],
        ignore_conflicts=True,
    )


def add_co_teacher(classroom, teacher):
    """``teacher`` teaches the class beside its owner (nothing changes for its owner or a co-teacher already)."""
    if teacher.pk != classroom.teacher_id:
        classroom.co_teachers.add(teacher)  # an existing pair is left as it is (the M2M ignores conflicts)


def remove_co_teachers(classroom, teacher_pks):
    """They no longer teach the class; returns how many did. The owner is never removed this way."""
    return classroom.co_teachers.through.objects.filter(classroom=classroom, user__pk__in=teacher_pks).delete()[0]


def remove_students(classroom, student_pks):
    """Take the students ``student_pks`` out of the class; returns how many were in it. Their attempts stay."""
    return Membership.objects.filter(classroom=classroom, student__pk__in=student_pks).delete()[0]


def _end_membership(related, **lookup):
    """Delete the one membership ``lookup`` finds (its ``related`` side read in the same query); NotAMember if none."""
    membership = Membership.objects.select_related(related).filter(**lookup).first()
    if membership is None:
        raise NotAMember
    membership.delete()
    return membership


def archive_classroom(classroom, now):
    """Hide the class from the lists and close it to new students; its reports stay."""
    classroom.archived_at = now
    classroom.save(update_fields=["archived_at"])


def restore_classroom(classroom):
    classroom.archived_at = None
    classroom.save(update_fields=["archived_at"])


def delete_classroom(classroom):
    """Delete the class with its memberships, assignments, extensions and the attempts at them."""
    with transaction.atomic():
        classroom.delete()


def extend_due_date(assignment, student_pk, due_at):
    """Give one student of the assignment's class a later due date (replacing an earlier extension)."""
    if not Membership.objects.filter(classroom=assignment.classroom_id, student__pk=student_pk).exists():
        raise NotAMember
    extension, _created = Extension.objects.update_or_create(
        assignment=assignment, student_id=student_pk, defaults={"due_at": due_at}
    )
    return extension


def remove_extension(assignment, student_pk):
    """The student is due on the class's date again; False when they had no extension."""
    deleted, _by_model = Extension.objects.filter(assignment=assignment, student__pk=student_pk).delete()
    return bool(deleted)
