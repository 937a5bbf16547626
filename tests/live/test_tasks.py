"""Saving a finished game in the worker (live/tasks.py): a save the database keeps refusing is tried again."""

import pytest
from django.db import OperationalError
from django_tasks_db.models import DBTaskResult

from live import services, tasks
from live.models import LivePlayer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _the_worker_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as the site runs it


def arguments(game):
    right = game.questions[0]["answer"]
    players = {
        "1": {"name": "Ayşe", "lang": "tr", "percent": 100, "from": 0, "user": None, "guest": "g1"},
        "2": {"name": "John", "lang": "en", "percent": 100, "from": 0, "user": None, "guest": "g2"},
    }
    lines = {pid: {"total": 900, "rank": int(pid), "right": 1, "answered": 1} for pid in players}
    answers = {pid: {"0": [right, info["lang"]]} for pid, info in players.items()}  # as JSON gives them back
    return game.code, players, lines, answers


def test_a_player_the_database_keeps_refusing_leaves_the_game_unsaved_and_the_save_tried_again(game, monkeypatch):
    real = services._attempt_for

    def refuse_john(game, info, answers, member_ids):
        if info["name"] == "John":
            raise OperationalError("deadlock detected")
        return real(game, info, answers, member_ids)

    monkeypatch.setattr(services, "_attempt_for", refuse_john)
    assert tasks.save_game.call(*arguments(game)) is False
    assert not services.is_saved(game.code)  # not offered as complete with John missing
    again = DBTaskResult.objects.get(task_path=tasks.save_game.module_path, status="READY")
    assert again.args_kwargs["kwargs"] == {"tries": 2} and again.run_after > again.enqueued_at
    assert not tasks.needs_saving(game.code)  # a reconnecting projector queues nothing more

    monkeypatch.setattr(services, "_attempt_for", real)
    code, players, lines, answers = again.args_kwargs["args"]
    assert tasks.save_game.call(code, players, lines, answers, tries=2) is True
    assert services.is_saved(game.code)
    assert sorted(LivePlayer.objects.filter(game=game).values_list("name", flat=True)) == ["Ayşe", "John"]


def test_the_last_try_fails_for_the_record(game, monkeypatch):
    monkeypatch.setattr(services, "_attempt_for", lambda *args: (_ for _ in ()).throw(OperationalError("down")))
    with pytest.raises(services.NotAllSaved):
        tasks.save_game.call(*arguments(game), tries=tasks.TRIES)
    assert not DBTaskResult.objects.exists() and not services.is_saved(game.code)
