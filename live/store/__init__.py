"""Where a running game's state lives: one interface, two backends.

- ``RedisStore`` (production, whenever ``REDIS_URL`` is set): every process serving the game reads and
  writes the same keys; an answer is taken by one Lua script that checks the question is open, times it
  with Redis's own clock and stores it with HSETNX (one answer per player and question, exactly once);
  state changes are compare-and-set scripts, so two processes closing one question close it once.
- ``MemoryStore`` (the embedded default: `make run`, `make classroom`): the same operations on dicts in
  the one process that serves every socket; each runs without an ``await`` inside, so it is atomic in
  the event loop as a script is in Redis.

Both keep only raw facts (players, answers with their elapsed seconds, the phase); scores are computed
from them by ``scoring.standings``. The interface is the class below; ``tests/live/test_store.py`` runs
the same tests against both.
"""

from django.conf import settings

from .memory import GAME_OVER, MemoryStore

_memory = MemoryStore()


def get_store():
    """The store this process uses: Redis when the site has one, else the process's memory."""
    if settings.LIVE_REDIS_URL:
        from .redis import redis_store

        return redis_store(settings.LIVE_REDIS_URL, settings.CACHE_KEY_PREFIX)
    return _memory


__all__ = ["GAME_OVER", "MemoryStore", "get_store"]
