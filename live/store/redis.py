"""The production store: a game's state in Redis, shared by every ASGI process that serves it.

Keys (all under ``<CACHE_KEY_PREFIX>:live:<code>:``, expiring ``EXPIRY`` after the last write):
``meta`` (the questions with their key, JSON, never sent as it is), ``state`` (hash: phase, index,
opened_at, paused_at, skipped), ``players`` (hash: number -> JSON), ``tokens`` / ``names`` / ``users``
(hashes to a player's number; names and users taken with HSETNX), ``seq`` (the joining counter),
``a:<index>`` (hash: number -> "language<TAB>option<TAB>elapsed", written with HSETNX by one script that also checks
the phase and times the answer with Redis's clock), ``scores`` (sorted set: totals after each question).
"""

import json
import weakref

import redis.asyncio as aioredis

from .memory import TAKEN

EXPIRY = 12 * 3600  # seconds: a game is over long before; the keys clean themselves up
POOL_SIZE, POOL_WAIT = 64, 10  # connections per process, seconds a command may wait for one

_TRANSITION = """
local n = tonumber(ARGV[1])
for i = 0, n - 1 do
  local have = redis.call('HGET', KEYS[1], ARGV[2 + 2 * i]) or ''
  if have ~= ARGV[3 + 2 * i] then return 0 end
end
if #ARGV > 1 + 2 * n then
  redis.call('HSET', KEYS[1], unpack(ARGV, 2 + 2 * n))
end
return 1
"""

# KEYS: state, answers of the question. ARGV: index, player, option, limit ('' for untimed), expiry.
_ANSWER = """
local state = redis.call('HMGET', KEYS[1], 'phase', 'index', 'opened_at', 'paused_at')
if state[1] ~= 'question' or state[2] ~= ARGV[1] then return {'not_open'} end
if state[4] and state[4] ~= '' then return {'paused'} end
local t = redis.call('TIME')
local elapsed = tonumber(t[1]) + tonumber(t[2]) / 1000000 - tonumber(state[3])
if ARGV[4] ~= '' and elapsed > tonumber(ARGV[4]) then return {'too_late'} end
local value = ARGV[3] .. '\t' .. string.format('%.4f', elapsed)
if redis.call('HSETNX', KEYS[2], ARGV[2], value) == 0 then return {'second_answer'} end
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))
local eligible = redis.call('HGET', KEYS[1], 'eligible') or '0'
return {'ok', string.format('%.4f', elapsed), redis.call('HLEN', KEYS[2]), eligible}
"""

# KEYS: seq, players, tokens, names, users, state. ARGV: token, info, name key ('' none), user ('' none), expiry.
_ADD_PLAYER = """
if redis.call('HGET', KEYS[6], 'phase') == 'ended' then return 'game_over' end
if ARGV[3] ~= '' and redis.call('HEXISTS', KEYS[4], ARGV[3]) == 1 then return false end
if ARGV[4] ~= '' and redis.call('HEXISTS', KEYS[5], ARGV[4]) == 1 then return false end
local pid = tostring(redis.call('INCR', KEYS[1]))
redis.call('HSET', KEYS[2], pid, ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], pid)
if ARGV[3] ~= '' then redis.call('HSET', KEYS[4], ARGV[3], pid) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[5], ARGV[4], pid) end
for i = 1, 5 do redis.call('EXPIRE', KEYS[i], tonumber(ARGV[5])) end
return pid
"""

# KEYS: meta, state. ARGV: meta (JSON), expiry. The game whole or not at all: another process that finds
# the meta finds the state too.
_INIT = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', tonumber(ARGV[2])) then return 0 end
redis.call('HSET', KEYS[2], 'phase', 'lobby', 'index', '-1', 'opened_at', '', 'paused_at', '', 'skipped', '')
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[2]))
return 1
"""

_stores = weakref.WeakKeyDictionary()


def redis_store(url, prefix):
    """One store (and one connection pool) per event loop: redis.asyncio connections belong to a loop."""
    import asyncio

    loop = asyncio.get_running_loop()
    store = _stores.get(loop)
    if store is None:
        # A bounded pool that waits for a free connection (the default refuses at once): a burst of
        # hundreds of phones joining shares POOL_SIZE connections instead of failing.
        pool = aioredis.BlockingConnectionPool.from_url(
            url, max_connections=POOL_SIZE, timeout=POOL_WAIT, socket_timeout=POOL_WAIT
        )
        store = _stores[loop] = RedisStore(aioredis.Redis(connection_pool=pool), prefix)
    return store


class RedisStore:
    def __init__(self, client, prefix):
        self.r = client
        self.prefix = f"{prefix}:live:"
        self._transition = client.register_script(_TRANSITION)
        self._answer = client.register_script(_ANSWER)
        self._add_player = client.register_script(_ADD_PLAYER)
        self._init = client.register_script(_INIT)
        self._meta = {}  # a game's meta never changes once made: read once per process

    def key(self, code, name):
        return f"{self.prefix}{code}:{name}"

    async def now(self):
        seconds, micros = await self.r.time()
        return seconds + micros / 1_000_000

    async def init(self, code, meta):
        made = await self._init(keys=[self.key(code, "meta"), self.key(code, "state")], args=[json.dumps(meta), EXPIRY])
        return bool(made)

    async def meta(self, code):
        if code not in self._meta:
            raw = await self.r.get(self.key(code, "meta"))
            if raw is None:
                return None
            self._meta[code] = json.loads(raw)
        return self._meta[code]

    async def state(self, code):
        raw = await self.r.hgetall(self.key(code, "state"))
        return {k.decode(): v.decode() for k, v in raw.items()} or None

    async def transition(self, code, expect, changes):
        args = [len(expect)]
        for k, v in expect.items():
            args += [k, v]
        for k, v in changes.items():
            args += [k, v]
        return bool(await self._transition(keys=[self.key(code, "state")], args=args))

    async def add_player(self, code, token, info, name_key=None, user_id=None):
        keys = [self.key(code, n) for n in ("seq", "players", "tokens", "names", "users", "state")]
        args = [token, json.dumps(info), name_key or "", "" if user_id is None else str(user_id), EXPIRY]
        pid = await self._add_player(keys=keys, args=args)
        return pid.decode() if pid else None

    async def player_for_token(self, code, token):
        pid = await self.r.hget(self.key(code, "tokens"), token)
        return pid.decode() if pid else None

    async def player_for_user(self, code, user_id):
        pid = await self.r.hget(self.key(code, "users"), str(user_id))
        return pid.decode() if pid else None

    async def players(self, code):
        raw = await self.r.hgetall(self.key(code, "players"))
        found = {k.decode(): json.loads(v) for k, v in raw.items()}
        return dict(sorted(found.items(), key=lambda item: int(item[0])))

    async def player_count(self, code):
        return await self.r.hlen(self.key(code, "players"))

    async def player(self, code, pid):
        raw = await self.r.hget(self.key(code, "players"), pid)
        return json.loads(raw) if raw is not None else None

    async def update_player(self, code, pid, info):
        await self.r.hset(self.key(code, "players"), pid, json.dumps(info))

    async def record_answer(self, code, index, pid, option, limit, language):
        result = await self._answer(
            keys=[self.key(code, "state"), self.key(code, f"a:{index}")],
            args=[str(index), pid, f"{language}\t{option}", "" if limit is None else repr(float(limit)), EXPIRY],
        )
        outcome = result[0].decode()
        if outcome != TAKEN:
            return outcome, None, None
        return TAKEN, float(result[1]), int(result[2]) >= int(result[3])

    @staticmethod
    def _decode(raw):
        found = {}
        for pid, value in raw.items():
            language, option, elapsed = value.decode().split("\t")
            found[pid.decode()] = (option, float(elapsed), language)
        return found

    async def answer_of(self, code, index, pid):
        raw = await self.r.hget(self.key(code, f"a:{index}"), pid)
        return None if raw is None else self._decode({pid.encode(): raw})[pid]

    async def answer_count(self, code, index):
        return await self.r.hlen(self.key(code, f"a:{index}"))

    async def rounds_answers(self, code, count):
        async with self.r.pipeline(transaction=False) as pipe:
            for i in range(count):
                pipe.hgetall(self.key(code, f"a:{i}"))
            raw = await pipe.execute()
        return [self._decode(each) for each in raw]

    async def set_scores(self, code, totals):
        if not totals:
            return
        async with self.r.pipeline(transaction=True) as pipe:
            pipe.zadd(self.key(code, "scores"), {pid: total for pid, total in totals.items()})
            pipe.expire(self.key(code, "scores"), EXPIRY)
            await pipe.execute()
