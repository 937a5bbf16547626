"""The live game's background work, on the project's task queue (django-tasks; `manage.py run_worker`).

Saving a finished game (every player's answers graded as an attempt, counted in item statistics and
spaced review: 10–20 ms a player) runs in the worker, not in the processes serving the sockets, whose
event loops would otherwise stall while hundreds of players are graded and other games' questions wait.
The task's row is written before the projector is told the game ended, so a worker that dies midway
leaves it for the next run; ``services.finish_game`` saves each player once, however often it runs.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from . import services

# A save the database kept refusing is tried again this much later, times the tries so far, TRIES in all;
# what still fails then stays FAILED in admin's task results, with the answers in the task's arguments.
AGAIN_AFTER = datetime.timedelta(seconds=30)
TRIES = 5
STUCK = datetime.timedelta(minutes=10)  # far longer than saving the largest game takes


@task()
def save_game(code, players, standings, answers, tries=1):
    """Save the finished game ``code`` (the arguments as ``services.finish_game`` takes them); True when
    this run marked it saved."""
    try:
        return services.finish_game(code, players, standings, answers)
    except services.NotAllSaved:
        if tries >= TRIES:
            raise
        later = save_game.using(run_after=timezone.now() + AGAIN_AFTER * tries)
        later.enqueue(code, players, standings, answers, tries=tries + 1)
        return False


def needs_saving(code):
    """Whether game ``code`` is unsaved with no save waiting or running (one that has run longer than
    STUCK is taken for a worker that died in it): a projector then enqueues one."""
    if services.is_saved(code):
        return False
    current = DBTaskResult.objects.filter(task_path=save_game.module_path, args_kwargs__args__0=code).filter(
        Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gt=timezone.now() - STUCK)
    )
    return not current.exists()
