"""The game over its sockets (channels' WebsocketCommunicator, the in-memory layer and store)."""

import json

import pytest
from asgiref.sync import sync_to_async
from django_tasks_db.models import DBTaskResult

from live.models import LivePlayer
from live.protocol import MAX_FRAME
from tests.live.conftest import run_queued_tasks

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def started(game, socket, host, names=("Ayşe", "John"), languages=("tr", "en")):
    """The host's projector and players joined, the first question open; (projector, players, tokens)."""
    projector = socket(game.code, "host", user=host)
    assert (await projector.open())[0]
    players, tokens = [], []
    for name, language in zip(names, languages, strict=True):
        player = socket(game.code, "play")
        assert (await player.open())[0]
        await player.send(type="join", name=name, lang=language)
        tokens.append((await player.until("joined"))["token"])
        await player.until("lobby")
        players.append(player)
    await projector.send(type="start")
    for player in players:
        await player.until("question")
    return projector, players, tokens


def right_and_wrong(game, index):
    question = game.questions[index]
    wrong = next(o["key"] for o in question["options"] if o["key"] != question["answer"])
    return question["answer"], wrong


async def test_a_whole_game_saves_every_answer_as_an_attempt_in_its_language(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    for index in range(3):
        right, wrong = right_and_wrong(game, index)
        await ayse.send(type="answer", question=index, option=right)
        assert (await ayse.until("ack"))["question"] == index
        await john.send(type="answer", question=index, option=wrong)
        closed = await ayse.until("closed")  # everyone answered: the question closes at once
        assert closed["last"]["answer"] == right
        assert closed["you"]["right"] is True and closed["you"]["rank"] == 1
        assert (await john.until("closed"))["you"]["right"] is False
        await projector.until("closed")
        await projector.send(type="next")
        if index < 2:
            await ayse.until("question")
            await john.until("question")
    ended = await ayse.until("ended")
    await projector.until("saved")
    assert [p["name"] for p in ended["podium"]] == ["Ayşe", "John"]
    assert ended["you"]["rank"] == 1 and ended["you"]["total"] > 3 * 500
    rows = await sync_to_async(
        lambda: list(LivePlayer.objects.filter(game=game).values_list("name", "right", "rank"))
    )()
    assert rows == [("Ayşe", 3, 1), ("John", 0, 2)]
    answers = await sync_to_async(
        lambda: sorted(
            (p.name, a.language, a.mark)
            for p in LivePlayer.objects.filter(game=game).select_related("attempt")
            for a in p.attempt.answers.all()
        )
    )()
    assert answers == [("Ayşe", "tr", 1.0)] * 3 + [("John", "en", 0.0)] * 3


async def test_the_worker_saves_a_finished_game_and_the_projector_hears_it(game, socket, host, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    projector, (ayse, john), _ = await started(game, socket, host)
    await projector.send(type="end")
    await ayse.until("ended")
    queued = DBTaskResult.objects.filter(task_path="live.tasks.save_game")
    assert await queued.acount() == 1, "the save is queued before anyone hears the game ended"
    assert not await LivePlayer.objects.filter(game=game).aexists()  # nothing saved in the socket's process
    await projector.until("ended")
    # The projector reloaded before the worker ran: the save waiting is not queued a second time.
    await projector.close()
    projector = socket(game.code, "host", user=host)
    assert (await projector.open())[0]
    await projector.until("ended")
    assert await queued.acount() == 1
    await sync_to_async(run_queued_tasks, thread_sensitive=False)()  # what `manage.py run_worker` does
    await projector.until("saved", timeout=3)
    assert [status async for status in queued.values_list("status", flat=True)] == ["SUCCESSFUL"]
    assert [name async for name in LivePlayer.objects.filter(game=game).values_list("name", flat=True)] == [
        "Ayşe",
        "John",
    ]


async def test_a_phone_never_sees_the_key_or_anyone_elses_answer_while_the_question_is_open(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    right, _ = right_and_wrong(game, 0)
    await ayse.send(type="answer", question=0, option=right)
    await ayse.until("ack")
    assert await john.nothing()  # nothing about Ayşe's answer reaches John
    answered = await projector.until("answered")
    assert answered == {"type": "answered", "question": 0, "count": 1}


async def test_the_projector_counts_the_answers_as_they_come(game, socket, host):
    three = ("Ayşe", "John", "Ece")
    projector, (ayse, john, _ece), _ = await started(game, socket, host, names=three, languages=("tr", "en", "tr"))
    for phone in (ayse, john):
        await phone.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
        await phone.until("ack")
    counts = [(await projector.until("answered"))["count"]]
    while counts[-1] < 2:
        counts.append((await projector.until("answered"))["count"])
    assert counts[-1] == 2 and counts == sorted(counts)


async def test_the_open_question_carries_no_answer_key(game, socket, host):
    player = socket(game.code, "play")
    await player.open()
    await player.send(type="join", name="Ece", lang="tr")
    projector = socket(game.code, "host", user=host)
    await projector.open()
    await projector.send(type="start")
    text = json.dumps(await player.until("question"))
    question = game.questions[0]
    assert "answer" not in json.loads(text)
    assert question["explanation"]["tr"] not in text


async def test_a_second_answer_is_refused_and_the_first_one_stands(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    right, wrong = right_and_wrong(game, 0)
    await ayse.send(type="answer", question=0, option=wrong)
    await ayse.until("ack")
    await ayse.send(type="answer", question=0, option=right)
    error = await ayse.until("error")
    assert error["code"] == "second_answer" and "zaten" in error["message"]
    await john.send(type="answer", question=0, option=right)
    assert (await ayse.until("closed"))["you"]["right"] is False


async def test_bad_input_gets_a_clear_error_and_changes_nothing(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    right, _ = right_and_wrong(game, 0)
    await john.send(type="answer", question=1, option=right_and_wrong(game, 1)[0])
    assert (await john.receive())["code"] == "not_open"
    await john.send(type="answer", question=0, option="no-such-option")
    assert (await john.receive())["code"] == "bad_option"
    await john.send(type="next")
    assert (await john.receive())["code"] == "unknown_type"
    await john.send_text(json.dumps({"type": "join", "name": "x" * MAX_FRAME, "lang": "en"}))
    error = await john.receive()
    assert error["code"] == "too_large" and error["message"] == "That message is too large."
    # None of that was an answer: John can still answer question 0, once.
    await john.send(type="answer", question=0, option=right)
    assert (await john.until("ack"))["question"] == 0


async def test_a_flood_is_refused_beyond_the_burst(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    for _ in range(30):
        await john.send(type="ping")
    replies = [await john.receive() for _ in range(30)]
    assert any(r["type"] == "pong" for r in replies)
    assert any(r.get("code") == "too_many" for r in replies)


async def test_a_player_who_reconnects_is_back_at_the_question_with_their_score_and_streak(game, socket, host):
    projector, (ayse, john), (token, _) = await started(game, socket, host)
    right, _ = right_and_wrong(game, 0)
    await ayse.send(type="answer", question=0, option=right)
    await ayse.until("ack")
    await john.send(type="answer", question=0, option=right)
    score = (await ayse.until("closed"))["you"]
    await projector.send(type="next")
    await ayse.until("question")
    await ayse.close()  # a reload
    again = socket(game.code, "play")
    await again.open()
    await again.send(type="resume", token=token, lang="en")
    question = await again.until("question")
    assert question["index"] == 1 and question["answered"] is None and question["remaining"] > 0
    standing = await again.until("standing")
    assert (standing["total"], standing["streak"], standing["rank"]) == (score["total"], 1, score["rank"])
    await again.send(type="answer", question=1, option=right_and_wrong(game, 1)[0])
    assert (await again.until("ack"))["question"] == 1


async def test_an_unknown_token_is_refused(game, socket):
    player = socket(game.code, "play")
    await player.open()
    await player.send(type="resume", token="forged", lang="tr")
    assert (await player.until("error"))["code"] == "unknown_token"


async def test_a_late_joiner_plays_from_the_next_question(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    late = socket(game.code, "play")
    await late.open()
    await late.send(type="join", name="Geç", lang="tr")
    question = await late.until("question")
    assert question["index"] == 0 and question["playing"] is False
    await late.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
    assert (await late.until("error"))["code"] == "not_yet"
    for player in (ayse, john):  # the late joiner does not hold the question open
        await player.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
    await late.until("closed")
    await projector.send(type="next")
    assert (await late.until("question"))["playing"] is True


async def test_nicknames_are_unique_in_a_game(game, socket):
    first, second = socket(game.code, "play"), socket(game.code, "play")
    await first.open()
    await second.open()
    await first.send(type="join", name="Işıl", lang="tr")
    await first.until("joined")
    await second.send(type="join", name="  IŞIL ", lang="en")
    error = await second.until("error")
    assert error["code"] == "name_taken" and "nickname" in error["message"]
    await second.send(type="join", name="<script>", lang="en")
    assert (await second.until("error"))["code"] == "name_markup"


async def test_a_paused_question_takes_no_answer_until_resumed(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    await projector.send(type="pause")
    assert (await ayse.until("question"))["paused"] is True
    await ayse.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
    assert (await ayse.until("error"))["code"] == "paused"
    await projector.send(type="resume")
    assert (await ayse.until("question"))["paused"] is False
    await ayse.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
    assert (await ayse.until("ack"))["question"] == 0


async def test_skip_closes_the_question_for_nobody(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    await ayse.send(type="answer", question=0, option=right_and_wrong(game, 0)[0])
    await ayse.until("ack")
    await projector.send(type="skip")
    closed = await ayse.until("closed")
    assert closed["last"]["skipped"] is True and closed["you"]["total"] == 0


async def test_only_the_games_host_opens_the_projector(game, socket, host, teacher, student):
    for user in (None, teacher, student):
        projector = socket(game.code, "host", user=user)
        connected, code = await projector.open()
        assert not connected and code == 4403


async def test_an_unknown_game_is_refused(db, socket):
    connected, code = await socket("999999", "play").open()
    assert not connected and code == 4404


async def test_a_phone_that_missed_a_question_finds_it_with_ping_and_sync(game, socket, host):
    projector, (ayse, john), _ = await started(game, socket, host)
    await ayse.send(type="ping")
    pong = await ayse.until("pong")
    assert (pong["phase"], pong["index"]) == ("question", 0)
    await ayse.send(type="sync")
    question = await ayse.until("question")
    assert question["index"] == 0 and "answer" not in question
