"""What a host does to a live game in the database: make it, and save how everyone finished.

Questions come from quizzes' generator; answers go to quizzes' attempts through its ``save_answers``
and ``submit_attempt`` services (graded there, counted in item statistics and spaced review), one
attempt per player. A signed-in player's attempt is theirs (their progress); a guest's belongs to the
browser they played in; a class member's, in a game of an assignment, counts in that assignment.
"""

import secrets

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from quizzes.content import load_content
from quizzes.generation import QuizSettings, generate_quiz
from quizzes.grading import SINGLE_CHOICE_TYPES
from quizzes.models import Accommodation, Answer, Attempt, Membership
from quizzes.services.attempts import NoQuestions, new_seed, save_answers, submit_attempt
from quizzes.services.classes import AssignmentNotOpen

from .models import LiveGame, LivePlayer, new_game_code

# A phone shows one tap per option: the game asks the questions answered by choosing one option.
DRAW_FACTOR = 3


def draw_questions(topic, length, difficulty, seed):
    """``length`` one-tap questions for these settings (ordering and matching are left to quizzes)."""
    drawn = generate_quiz(
        load_content(), QuizSettings(topic=topic, length=length * DRAW_FACTOR, difficulty=difficulty), seed
    )
    return [q for q in drawn if q["type"] in SINGLE_CHOICE_TYPES][:length]


class AssignmentPastDue(Exception):
    """The assignment's due date has passed: a live game can no longer count in it."""


def check_assignment_open(assignment, now):
    """A live game may count in ``assignment`` only between its opening and its due date: raises
    AssignmentNotOpen before, AssignmentPastDue after. (A student may still hand in late work on their own,
    marked late; a game the teacher starts after the date would mark the whole class late.)"""
    if now < assignment.opens_at:
        raise AssignmentNotOpen(assignment)
    if now >= assignment.due_at:
        raise AssignmentPastDue(assignment)


def create_game(
    host, *, topic, length, difficulty, quiz=None, assignment=None, classroom=None, seconds=20, accuracy_only=False
):
    """A new game in the lobby, its questions frozen now. Raises NoQuestions when the content has none, and
    AssignmentNotOpen or AssignmentPastDue when ``assignment`` is not open now."""
    if assignment is not None:
        check_assignment_open(assignment, timezone.now())
    # A draw of its own, even for a same-questions assignment: the game shows the right answers to the room
    # after each question, and its attempt-1 draw is what every student's first attempt on the site asks.
    seed = new_seed()
    questions = draw_questions(topic, length, difficulty, seed)
    if not questions:
        raise NoQuestions
    for _ in range(20):
        try:
            with transaction.atomic():
                return LiveGame.objects.create(
                    host=host,
                    code=new_game_code(),
                    topic=topic,
                    length=len(questions),
                    difficulty=difficulty,
                    quiz=quiz,
                    assignment=assignment,
                    classroom=classroom or (assignment and assignment.classroom),
                    seed=seed,
                    questions=questions,
                    seconds=seconds,
                    accuracy_only=accuracy_only,
                )
        except IntegrityError:
            continue  # that code was taken: draw another
    raise RuntimeError("no free game code")


def game_meta(game):
    """What the store keeps of a game for its whole life (read once per process)."""
    return {
        "game": game.pk,
        "host": game.host_id,
        "classroom": game.classroom_id,
        "questions": game.questions,
        "seconds": game.seconds,
        "accuracy_only": game.accuracy_only,
        "ended": game.ended_at is not None,
    }


def meta_for_code(code):
    game = LiveGame.objects.filter(code=code).first()
    return game_meta(game) if game is not None else None


def time_percent(classroom_id, user_id):
    """A class member's extra time in percent (100 without one, or outside a class)."""
    if classroom_id is None or user_id is None:
        return 100
    row = Accommodation.objects.filter(classroom_id=classroom_id, student_id=user_id).values_list(
        "time_percent", flat=True
    )
    return next(iter(row), 100)


def _attempt_for(game, info, answers, member_ids):
    """One player's attempt: the game's questions frozen, their answers saved in the language they played
    each one in, then submitted (graded by quizzes).

    A class member's counts in the game's assignment as their next attempt while they have one left;
    one who has used every attempt the assignment allows played for practice (their attempt is theirs,
    outside the assignment). Their membership row is locked first, as starting an assignment does, so a
    game and an attempt started on the site at that moment cannot both take the last attempt."""
    user_id = info.get("user")
    in_assignment = game.assignment_id is not None and user_id in member_ids
    number = 1
    if in_assignment:
        list(
            Membership.objects.select_for_update()
            .filter(classroom_id=game.assignment.classroom_id, student_id=user_id)
            .values_list("pk", flat=True)
        )
        used = Attempt.objects.filter(assignment_id=game.assignment_id, user_id=user_id).count()
        in_assignment = used < game.assignment.max_attempts
        number = used + 1 if in_assignment else 1
    attempt = Attempt.objects.create(
        user_id=user_id,
        guest_key="" if user_id else (info.get("guest") or secrets.token_urlsafe(24)),
        topic=game.topic,
        difficulty=game.difficulty,
        length=len(game.questions),
        seed=game.seed,
        quiz=game.quiz,
        assignment_id=game.assignment_id if in_assignment else None,
        number=number,
        questions=game.questions,
        max_score=float(len(game.questions)),
    )
    Answer.objects.bulk_create(
        Answer(attempt=attempt, position=i, question_key=q["key"], topic=q["topic"])
        for i, q in enumerate(game.questions)
    )
    by_language = {}
    for position, (option, language) in answers.items():
        by_language.setdefault(language, {})[position] = option
    for language, responses in by_language.items():
        save_answers(attempt, responses, language)
    submit_attempt(attempt)
    return attempt


# How a player's game stands in the game's assignment (the results file says it in words).
COUNTED, GUEST, ALL_USED, NOT_A_MEMBER = "counted", "guest", "all_used", "not_a_member"


def assignment_standing(game, players):
    """For a game of an assignment: player pk -> COUNTED (their attempt counts in it), GUEST, ALL_USED (a
    member who had used every attempt: practice) or NOT_A_MEMBER (practice). One query, the class's members."""
    members = set(
        Membership.objects.filter(
            classroom_id=game.assignment.classroom_id, student_id__in=[p.user_id for p in players if p.user_id]
        ).values_list("student_id", flat=True)
    )
    found = {}
    for player in players:
        if player.attempt is not None and player.attempt.assignment_id == game.assignment_id:
            found[player.pk] = COUNTED
        elif player.user_id is None:
            found[player.pk] = GUEST
        else:
            found[player.pk] = ALL_USED if player.user_id in members else NOT_A_MEMBER
    return found


def next_assignment_attempt(game, user_id):
    """For a class member about to play a game of an assignment: the number their game would count as now,
    or 0 when they have used every attempt (practice); None for anyone else. (Decided again when the game
    is saved: an attempt started on the site meanwhile counts too.)"""
    if game.assignment_id is None or user_id is None:
        return None
    if not Membership.objects.filter(classroom_id=game.assignment.classroom_id, student_id=user_id).exists():
        return None
    used = Attempt.objects.filter(assignment_id=game.assignment_id, user_id=user_id).count()
    return used + 1 if used < game.assignment.max_attempts else 0


def finish_game(code, players, standings, answers):
    """Save how every player finished, each exactly once, even when two processes save at once.

    ``players``: number -> info from the store; ``standings``: number -> their line (total, rank, right,
    answered); ``answers``: number -> {position: (option, language)}, as JSON gives them back (the worker's
    task arguments: positions may be strings). One short transaction per player (their attempt
    and their line, whose (game, number) is unique): a second saver's copy fails and is rolled back, and
    a saver that dies midway leaves the others for the next try. The game is marked ended last.
    """
    game = LiveGame.objects.filter(code=code).select_related("assignment").first()
    if game is None or game.ended_at is not None:
        return False
    member_ids = set()
    if game.assignment_id is not None:
        member_ids = set(
            Membership.objects.filter(classroom_id=game.assignment.classroom_id).values_list("student_id", flat=True)
        )
    done = set(LivePlayer.objects.filter(game=game).values_list("number", flat=True))
    missed = []
    for number, info in players.items():
        if int(number) not in done:
            given = {int(position): tuple(pair) for position, pair in answers.get(number, {}).items()}
            if not _save_player(game, number, info, standings[number], given, member_ids):
                missed.append(number)
    if missed:
        raise NotAllSaved(missed)  # the game stays unsaved (not ended) until a later try saves them
    return LiveGame.objects.filter(pk=game.pk, ended_at__isnull=True).update(ended_at=timezone.now()) == 1


class NotAllSaved(Exception):
    """Some players could not be saved this time (the database kept refusing: deadlocks, a restart)."""


def is_saved(code):
    """Whether every player of the game has been saved (the projector offers the results then)."""
    return LiveGame.objects.filter(code=code, ended_at__isnull=False).exists()


def _save_player(game, number, info, line, answers, member_ids):
    """Save one player (True), or give up after three tries the database refused (False)."""
    for _ in range(3):  # a deadlock with another game's saving (shared item statistics) is tried again
        try:
            with transaction.atomic():
                attempt = _attempt_for(game, info, answers, member_ids)
                LivePlayer.objects.create(
                    game=game,
                    number=int(number),
                    name=info["name"],
                    user_id=info.get("user"),
                    language=info["lang"],
                    time_percent=info.get("percent", 100),
                    score=line["total"],
                    right=line["right"],
                    answered=line["answered"],
                    rank=line["rank"],
                    attempt=attempt,
                )
            return True
        except IntegrityError:
            return True  # another process saved this player first
        except OperationalError:
            continue
    return False
