"""A class's extra time over the sockets (WCAG 2.2.1): each player's own limit, told and kept by the server.

The question's clock is the store's: a test moves the moment the question opened into the past (a
compare-and-set on the state, as the engine makes), so "25 seconds later" takes no waiting, on either
store (memory, or Redis with its own clock).
"""

import pytest
from asgiref.sync import sync_to_async

from live import services
from live.store import get_store
from quizzes.models import Accommodation
from tests.factories import make_classroom, make_student

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def later(code, seconds):
    """The open question opened ``seconds`` earlier than it did: that much of everyone's time has passed."""
    store = get_store()
    state = await store.state(code)
    moved = repr(float(state["opened_at"]) - seconds)
    assert await store.transition(code, {"phase": "question", "index": state["index"]}, {"opened_at": moved})


@sync_to_async
def class_game(host, percent, seconds=20):
    """A 20-second game for a class whose member Deniz has ``percent`` of the time."""
    deniz = make_student("deniz", "Deniz Yıldız")
    classroom = make_classroom(host, [deniz])
    Accommodation.objects.create(classroom=classroom, student=deniz, time_percent=percent)
    game = services.create_game(host, topic="mixed", length=2, difficulty="any", classroom=classroom, seconds=seconds)
    return game, deniz


async def opened(game, socket, host, deniz):
    """The projector, Deniz (signed in) and Ali (a guest) joined, the first question open."""
    projector = socket(game.code, "host", user=host)
    assert (await projector.open())[0]
    member = socket(game.code, "play", user=deniz)
    guest = socket(game.code, "play")
    for player, name in ((member, ""), (guest, "Ali")):
        assert (await player.open())[0]
        await player.send(type="join", name=name, lang="tr")
        await player.until("lobby")
    await projector.send(type="start")
    await projector.until("question")
    return projector, member, guest


def key_of(game, index=0):
    return game.questions[index]["answer"]


async def test_a_member_with_double_time_is_told_it_and_answers_after_the_base_time(content, host, socket):
    game, deniz = await class_game(host, 200)
    projector, member, guest = await opened(game, socket, host, deniz)
    question = await member.until("question")
    assert question["limit"] == 40 and question["remaining"] > 20
    assert (await guest.until("question"))["limit"] == 20
    await later(game.code, 25)
    await projector.send(type="sync")  # the projector's clock hears the new time: Deniz's 40 s are not over
    await guest.send(type="answer", question=0, option=key_of(game))
    refused = await guest.until("error")
    assert refused["code"] == "too_late" and "süre" in refused["message"].lower()
    await member.send(type="answer", question=0, option=key_of(game))
    assert (await member.until("ack"))["question"] == 0
    await projector.send(type="next")
    closed = await member.until("closed")
    # Right a little after 25 s of 40: about 1000 × (1 − 0.625 / 2) = 688 (on the base 20 s it would be 500).
    assert closed["you"]["right"] is True and 625 < closed["you"]["points"] <= 688
    assert (await guest.until("closed"))["you"]["right"] is None


async def test_one_and_a_half_time_is_told_as_thirty_seconds(content, host, socket):
    game, deniz = await class_game(host, 150)
    projector, member, guest = await opened(game, socket, host, deniz)
    assert (await member.until("question"))["limit"] == 30
    await later(game.code, 29)
    await member.send(type="answer", question=0, option=key_of(game))
    assert (await member.until("ack"))["question"] == 0


async def test_an_untimed_member_keeps_the_question_open_until_the_host_closes_it(content, host, socket):
    game, deniz = await class_game(host, 1000)
    projector, member, guest = await opened(game, socket, host, deniz)
    question = await member.until("question")
    assert question["limit"] is None and question["remaining"] is None
    await later(game.code, 600)
    await projector.send(type="sync")  # the projector's clock: no time after which everyone's time is over
    await guest.send(type="answer", question=0, option=key_of(game))
    assert (await guest.until("error"))["code"] == "too_late"
    await member.send(type="ping")
    pong = await member.until("pong")
    assert (pong["phase"], pong["index"]) == ("question", 0)
    await member.send(type="answer", question=0, option=key_of(game))
    assert (await member.until("ack"))["question"] == 0
    await projector.send(type="next")
    closed = await member.until("closed")
    assert closed["you"]["right"] is True and closed["you"]["points"] == 500  # untimed: never under half


async def test_without_extra_time_the_projector_closes_the_question_when_the_time_is_over(content, host, socket):
    game, deniz = await class_game(host, 125, seconds=20)
    projector, member, guest = await opened(game, socket, host, deniz)
    await later(game.code, 26)  # past Deniz's 25 s too: everyone's time is over
    await projector.send(type="sync")
    assert (await guest.until("closed", timeout=5))["last"]["index"] == 0
    await member.send(type="answer", question=0, option=key_of(game))
    assert (await member.until("error"))["code"] == "not_open"


async def test_the_projector_is_told_how_long_the_extra_time_keeps_the_question_open(content, host, socket):
    # The projector's clock reaching 0 must not look like "time is up" while a member still has theirs.
    game, deniz = await class_game(host, 200)
    projector = socket(game.code, "host", user=host)
    assert (await projector.open())[0]
    member = socket(game.code, "play", user=deniz)
    assert (await member.open())[0]
    await member.send(type="join", name="", lang="tr")
    await member.until("lobby")
    await projector.send(type="start")
    question = await projector.until("question")
    assert question["remaining"] <= 20 and 20 < question["everyone_remaining"] <= 40
    await later(game.code, 25)
    await projector.send(type="sync")
    question = await projector.until("question")
    assert question["remaining"] == 0 and 0 < question["everyone_remaining"] <= 15


async def test_with_an_untimed_member_the_projector_is_told_the_host_closes_the_question(content, host, socket):
    game, deniz = await class_game(host, 1000)
    projector, member, guest = await opened(game, socket, host, deniz)
    await projector.send(type="sync")
    assert (await projector.until("question"))["everyone_remaining"] is None
