"""The live game's pages: the host's new-game form and projector, the player's join and play pages, results.

The pages are shells: the game itself happens over the sockets (consumers/), driven by static/live/*.js.
"""

import re

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from quizzes import exports
from quizzes.owners import owner_for
from quizzes.phone_links import phone_url
from quizzes.qr import qr_svg
from quizzes.roles import teacher_required
from quizzes.services.attempts import NoQuestions
from quizzes.services.classes import AssignmentNotOpen

from . import services
from .forms import NewGameForm
from .models import CODE_DIGITS, LiveGame

CODE = re.compile(rf"^[0-9]{{{CODE_DIGITS}}}$")


def _strings():
    """The words the page's script shows, in the page's language (names and texts are inserted as text)."""
    return {
        "waiting": _("Waiting for the host to start…"),
        "joined": _("You are in! Watch the board."),
        "question_of": _("Question %(n)s of %(count)s"),
        "seconds_left": _("%(s)s s left"),
        "untimed": _("No time limit for you"),
        "extra_time": _("Extra time for some players: %(s)s s"),
        "untimed_left": _("Some players have no time limit: press Next when they are done."),
        "answered": _("Answer received. Wait for the others."),
        "not_playing": _("You joined during this question: you play from the next one."),
        "paused": _("Paused"),
        "right": _("Right! +%(points)s points"),
        "wrong": _("Not this time. The right answer: %(answer)s"),
        "no_answer": _("No answer this time. The right answer: %(answer)s"),
        "line": _("%(total)s points · rank %(rank)s · streak %(streak)s"),
        "leaderboard": _("Leaderboard"),
        "podium": _("Podium"),
        "game_over": _("The game is over. Thank you for playing!"),
        "reconnecting": _("Connection lost: reconnecting…"),
        "answered_count": _("%(n)s answered"),
        "skipped": _("Question skipped: it counts for nobody."),
        "lobby": _("Waiting for players. Press Start when everyone is in."),
        "points": _("%(total)s points"),
        "confirm_end": _("End the game for everyone?"),
        "chosen": _("%(n)s chose it"),
        "right_mark": _("(right answer)"),
    }


def _socket(request, path):
    """Where the page's script opens its socket: the page's own origin, or the classroom's socket port."""
    if not settings.LIVE_SOCKET_PORT:
        return path
    return f"ws://{split_domain_port(request.get_host())[0]}:{settings.LIVE_SOCKET_PORT}{path}"


def _join_url(request, code):
    """The link (and QR code) the phones follow."""
    return phone_url(request, reverse("live:play", args=[code]))


def _open_game(code):
    if not CODE.match(code):
        raise Http404
    return get_object_or_404(LiveGame, code=code)


def _own_game(request, code):
    game = _open_game(code)
    if game.host_id != request.user.pk:
        raise Http404  # another teacher's game: as if it did not exist
    return game


@teacher_required
@require_http_methods(["GET", "POST"])
def new_game(request):
    form = NewGameForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            game = services.create_game(
                request.user,
                topic=data["topic"],
                length=data["length"],
                difficulty=data["difficulty"],
                quiz=data["quiz"],
                assignment=data["assignment"],
                classroom=data["classroom"],
                seconds=data["seconds"],
                accuracy_only=data["accuracy_only"],
            )
        except NoQuestions:
            form.add_error(None, _("These settings give no question that can be answered with one tap."))
        except AssignmentNotOpen:
            form.add_error("assignment", _not_open(data["assignment"]))
        except services.AssignmentPastDue:
            form.add_error("assignment", _past_due(data["assignment"]))
        else:
            return redirect("live:projector", game.code)
    return render(request, "live/new.html", {"form": form}, status=400 if form.errors else 200)


def _date(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _not_open(assignment):
    return _("“%(title)s” has not opened yet: it opens on %(date)s. A live game can count in it from then.") % {
        "title": assignment.title,
        "date": _date(assignment.opens_at),
    }


def _past_due(assignment):
    return _(
        "“%(title)s” was due on %(date)s: a live game can no longer count in it. "
        "Play its topic or a named quiz without the assignment, for practice."
    ) % {"title": assignment.title, "date": _date(assignment.due_at)}


@teacher_required
@require_GET
def projector(request, code):
    game = _own_game(request, code)
    join_url = _join_url(request, game.code)
    title = _("QR code: the link to join game %(code)s") % {"code": game.code}
    context = {
        "game": game,
        "join_url": join_url,
        "qr": qr_svg(join_url, title),
        "strings": _strings(),
        "socket": _socket(request, f"/ws/live/{game.code}/host/"),
        "late": _late(game.assignment) if game.assignment and game.ended_at is None else None,
    }
    return render(request, "live/projector.html", context)


def _late(assignment):
    """Made in time, played after the due date: its answers are late work, as anyone's handed in then."""
    if timezone.now() < assignment.due_at:
        return None
    return _("“%(title)s” was due on %(date)s: this game's answers will count in it as late work.") % {
        "title": assignment.title,
        "date": _date(assignment.due_at),
    }


@require_GET
def join(request):
    """A code typed in (or none yet): the play page of that game, or the form again with why not."""
    code = (request.GET.get("code") or "").strip().replace(" ", "")
    error = None
    if code:
        game = LiveGame.objects.filter(code=code).first() if CODE.match(code) else None
        if game is None:
            error = _("There is no game with that code. Check the code on the board.")
        elif game.ended_at is not None:
            error = _("That game is over.")
        else:
            return redirect("live:play", game.code)
    return render(request, "live/join.html", {"code": code, "error": error}, status=400 if error else 200)


@require_GET
def play(request, code):
    game = _open_game(code)
    owner_for(request)  # a guest's answers are saved as attempts of this browser (their progress)
    context = {
        "game": game,
        "strings": _strings(),
        "socket": _socket(request, f"/ws/live/{game.code}/play/"),
        "counts_as": services.next_assignment_attempt(game, request.user.pk),  # a class member of its assignment
    }
    return render(request, "live/play.html", context)


def _counted(standing, player, assignment):
    if standing == services.COUNTED:
        return _("Attempt %(number)s of %(count)s") % {
            "number": player.attempt.number,
            "count": assignment.max_attempts,
        }
    return {
        services.GUEST: _("Practice: a guest"),
        services.ALL_USED: _("Practice: every attempt used"),
        services.NOT_A_MEMBER: _("Practice: not in the class"),
    }[standing]


@teacher_required
@require_GET
def results(request, code, fmt):
    game = _own_game(request, code)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if game.ended_at is None:
        messages.error(request, _("The results can be downloaded once the game has ended."))
        return redirect("live:projector", game.code)
    players = list(game.players.select_related("attempt").order_by("rank"))
    headers = [_("Rank"), _("Player"), _("Language"), _("Points"), _("Right answers"), _("Answered"), _("Questions")]
    rows = [[p.rank, p.name, p.language, p.score, p.right, p.answered, len(game.questions)] for p in players]
    if game.assignment is not None:  # whether each player's game counts in it, or was practice (and why)
        headers.append(_("Assignment"))
        standing = services.assignment_standing(game, players)
        for row, player in zip(rows, players, strict=True):
            row.append(_counted(standing[player.pk], player, game.assignment))
    name = f"live-{game.code}.{fmt}"
    if fmt == "csv":
        return exports.csv_response(name, headers, rows)
    return exports.xlsx_response(name, [(_("Results"), headers, rows)], _("Live game %(code)s") % {"code": game.code})
