"""The game store's promises, on both backends: memory always, Redis when REDIS_URL names one.

One answer per player and question (a second is refused, even when both race), no answer once the
question closed, one close when several try at once, names and accounts taken once.
"""

import asyncio
import os
import threading

import pytest
import pytest_asyncio
from django.conf import settings

from live import engine
from live.store.memory import GAME_OVER, MemoryStore

pytestmark = pytest.mark.asyncio

META = {
    "game": 1,
    "host": 1,
    "classroom": None,
    "seconds": 20,
    "accuracy_only": False,
    "ended": False,
    "questions": [
        {
            "prompt": {"tr": "S", "en": "Q"},
            "options": [{"key": k, "text": {"tr": k, "en": k}} for k in "abc"],
            "answer": "a",
        }
    ]
    * 2,
}


@pytest_asyncio.fixture(params=["memory", "redis"])
async def store(request):
    if request.param == "memory":
        yield MemoryStore()
        return
    # This worker's own Redis database (the site's, under pytest-xdist one per worker): another worker's
    # tests empty theirs at every start (tests/conftest.py), which emptied this game in the middle.
    url = settings.LIVE_REDIS_URL
    if not url:
        pytest.skip("the Redis store is checked with REDIS_URL set (the production profile)")
    import redis.asyncio as aioredis

    from live.store.redis import RedisStore

    client = aioredis.from_url(url)
    made = RedisStore(client, f"test-live-{os.getpid()}")
    yield made
    keys = [k async for k in client.scan_iter(match=f"test-live-{os.getpid()}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def opened(store, code="123456", players=2):
    await store.init(code, META)
    for n in range(players):
        await store.add_player(
            code, f"t{n}", {"name": f"p{n}", "lang": "tr", "from": 0, "percent": 100}, name_key=f"p{n}"
        )
    state = await engine.open_question(store, code, META, await store.state(code), 0)
    assert state["phase"] == engine.QUESTION and state["eligible"] == str(players)
    return code, state


async def test_a_second_answer_is_refused_even_when_both_race(store):
    code, _ = await opened(store)
    outcomes = await asyncio.gather(*[store.record_answer(code, 0, "1", k, 20, "tr") for k in "abcabc"])
    assert sorted(o[0] for o in outcomes) == ["ok"] + ["second_answer"] * 5
    (answers,) = await store.rounds_answers(code, 1)
    assert list(answers) == ["1"] and answers["1"][2] == "tr" and answers["1"][1] >= 0
    assert await store.answer_of(code, 0, "1") == answers["1"] and await store.answer_of(code, 0, "2") is None


async def test_no_answer_is_taken_after_the_question_closed(store):
    code, state = await opened(store)
    assert await engine.close_question(store, code, state) is not None
    assert (await store.record_answer(code, 0, "1", "a", 20, "tr"))[0] == "not_open"
    assert await store.rounds_answers(code, 1) == [{}]


async def test_one_close_wins_when_several_try_at_once(store):
    code, state = await opened(store)
    closed = await asyncio.gather(*[engine.close_question(store, code, state) for _ in range(8)])
    assert sum(c is not None for c in closed) == 1


async def test_an_answer_after_the_players_time_is_refused(store):
    code, _ = await opened(store)
    assert (await store.record_answer(code, 0, "1", "a", -1, "tr"))[0] == "too_late"
    assert (await store.record_answer(code, 0, "2", "a", None, "tr"))[0] == "ok"  # untimed


async def test_names_and_accounts_are_taken_once_and_players_numbered_in_order(store):
    await store.init("654321", META)
    first = await store.add_player("654321", "t1", {"name": "Ayşe"}, name_key="ayşe")
    assert await store.add_player("654321", "t2", {"name": "AYŞE"}, name_key="ayşe") is None
    second = await store.add_player("654321", "t3", {"name": "Ali"}, user_id=7)
    assert await store.add_player("654321", "t4", {"name": "Ali"}, user_id=7) is None
    assert (first, second) == ("1", "2")
    assert list(await store.players("654321")) == ["1", "2"]
    assert await store.player_for_token("654321", "t3") == "2"
    assert await store.player_for_user("654321", 7) == "2"


async def test_a_pause_stops_the_clock(store):
    code, state = await opened(store)
    paused = await engine.pause(store, code, state)
    assert (await store.record_answer(code, 0, "1", "a", 20, "tr"))[0] == "paused"
    await asyncio.sleep(0.05)
    resumed = await engine.resume(store, code, paused)
    assert float(resumed["opened_at"]) > float(state["opened_at"])
    assert (await store.record_answer(code, 0, "1", "a", 20, "tr"))[0] == "ok"


async def test_a_game_made_by_one_process_is_never_half_there_for_another(store):
    """Two sockets of a new game on two processes: one makes it while the other looks for it (here a thread
    with connections of its own); the other must find it whole (a phone that found the questions but no
    state crashed on joining, bench/bench_live.py)."""
    found = []

    def other_process(code):
        loop = asyncio.new_event_loop()
        other = store if isinstance(store, MemoryStore) else other_redis_store(store)
        try:
            while True:
                meta = loop.run_until_complete(other.meta(code))
                if meta is not None:
                    found.append(loop.run_until_complete(other.state(code)))
                    return
        finally:
            loop.close()

    for n in range(100):
        code = f"9{n:05d}"
        looking = threading.Thread(target=other_process, args=(code,))
        looking.start()
        await store.init(code, META)
        await asyncio.to_thread(looking.join)
    assert len(found) == 100 and all(state is not None and state["phase"] == engine.LOBBY for state in found)


def other_redis_store(store):
    import redis.asyncio as aioredis

    from live.store.redis import RedisStore

    return RedisStore(aioredis.from_url(settings.LIVE_REDIS_URL), store.prefix.removesuffix(":live:"))


async def test_players_coming_back_at_once_share_one_computation_of_the_results(store):
    """A process dies and its players all reconnect to another: their snapshots score the game once, not
    once each, until a question closes or someone joins."""
    code, state = await opened(store, code="777777", players=3)
    await store.record_answer(code, 0, "1", "a", 20, "tr")
    state = await engine.close_question(store, code, state)
    fetched = []
    real = store.rounds_answers

    async def counting(*args):
        fetched.append(args)
        return await real(*args)

    store.rounds_answers = counting
    found = await asyncio.gather(*[engine.shared_results(store, code, META, state) for _ in range(30)])
    assert len(fetched) == 1 and all(f["standings"] == found[0]["standings"] for f in found)
    assert found[0]["standings"]["1"]["right"] is True and found[0]["standings"]["2"]["right"] is None  # no answer
    await store.add_player(code, "late", {"name": "late", "lang": "en", "from": 1, "percent": 100}, name_key="late")
    again = await engine.shared_results(store, code, META, state)
    assert len(fetched) == 2 and "4" in again["standings"]


async def test_nobody_joins_a_game_that_has_ended(store):
    """A phone that saw the game open and joins as the host ends it is refused: the players are being saved
    from one reading of them (a player added then crashed the host's socket)."""
    code, state = await opened(store, code="888888")
    assert await engine.end(store, code, state) is not None
    info = {"name": "late", "lang": "tr", "from": 1, "percent": 100}
    assert await store.add_player(code, "t-late", info, name_key="late") == GAME_OVER
    assert list(await store.players(code)) == ["1", "2"]


async def test_a_process_keeps_the_shared_results_of_a_bounded_number_of_games(store):
    for n in range(engine.SHARED_GAMES + 10):
        code, state = await opened(store, code=f"66{n:04d}", players=1)
        await engine.shared_results(store, code, META, state)
    assert len(engine._shared[store]) == engine.SHARED_GAMES
