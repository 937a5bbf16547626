"""The live game's background work, on the project's task queue (django-tasks; `manage.py run_worker`).

Saving a finished game (every player's answers graded as an attempt, counted in item statistics and
spaced review: 10–20 ms a player) runs in the worker, not in the processes serving the sockets, whose
event loops would otherwise stall while hundreds of players are graded and other games' questions wait.
The task's row is written before the projector is told the game ended, so a worker that dies midway
leaves it for the next run; ``services.finish_game`` saves each player once, however often it runs.
"""

from django_tasks import task

from . import services


@task()
def save_game(code, players, standings, answers):
    """Save the finished game ``code`` (the arguments as ``services.finish_game`` takes them); True when
    this run marked it saved."""
    return services.finish_game(code, players, standings, answers)
