// The Lua scripts behind RedisBudgetStore. Each runs atomically on the server (EVALSHA), so the check of a
// window and the entry that takes its slot can never be split by another process's call. Windows are sorted sets
// whose members are attempt ids scored by the time they leave the window; waiters are a sorted set scored by
// (priority class, arrival), beside a sorted set of heartbeat deadlines. Time is Redis's TIME, one clock for all.

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: global window, waiters, heartbeats, pause, write bucket window ('' without a bucket).
 * ARGV: id, waiter score, cap, write limit, hold ms (attempt bound + window + margin), waiter ttl ms,
 *       key ttl ms, retry ms when others are ahead, window ms + margin.
 * Returns {1, now} when admitted, {0, retryAt, now} when not.
 */
export const ADMIT = `${NOW}
local id = ARGV[1]
local cap = tonumber(ARGV[3])
local keyTtl = tonumber(ARGV[7])
-- Waiters of a process that stopped heartbeating (killed) no longer hold anyone back.
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for i = 1, #dead do redis.call('ZREM', KEYS[2], dead[i]) end
if #dead > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[2], ARGV[2], id)
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[6]), id)
redis.call('PEXPIRE', KEYS[2], keyTtl)
redis.call('PEXPIRE', KEYS[3], keyTtl)
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if paused > now then return {0, paused, now} end
local used = redis.call('ZCARD', KEYS[1])
local ahead = redis.call('ZRANK', KEYS[2], id)
if used + ahead >= cap then
  if used < cap then return {0, now + tonumber(ARGV[8]), now} end
  local entry = redis.call('ZRANGE', KEYS[1], used - cap, used - cap, 'WITHSCORES')
  -- A call still in flight is held until its attempt bound, but frees a window after its answer, which may come
  -- at any moment: ask again a window from now at the latest.
  local soonest = now + tonumber(ARGV[9])
  if entry[2] and tonumber(entry[2]) < soonest then return {0, tonumber(entry[2]), now} end
  return {0, soonest, now}
end
local hold = now + tonumber(ARGV[5])
if KEYS[5] ~= '' then
  redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
  if redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[4]) then
    -- A full write bucket holds back only its own calls: this one stops standing ahead of reads.
    redis.call('ZREM', KEYS[2], id)
    redis.call('ZREM', KEYS[3], id)
    local first = redis.call('ZRANGE', KEYS[5], 0, 0, 'WITHSCORES')
    return {0, math.min(tonumber(first[2]), now + tonumber(ARGV[9])), now}
  end
  redis.call('ZADD', KEYS[5], hold, id)
  redis.call('PEXPIRE', KEYS[5], keyTtl)
end
redis.call('ZADD', KEYS[1], hold, id)
redis.call('PEXPIRE', KEYS[1], keyTtl)
redis.call('ZREM', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
return {1, now}`;

/** KEYS: global window, write bucket window (or ''). ARGV: id, window ms + margin. Only moves existing entries. */
export const COMPLETE = `${NOW}
local at = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'XX', at, ARGV[1])
if KEYS[2] ~= '' then redis.call('ZADD', KEYS[2], 'XX', at, ARGV[1]) end
return now`;

/**
 * KEYS: a window. ARGV: count it must hold at least, window ms + margin, nonce, key ttl ms.
 * Adds the missing entries as calls made now; returns how many. Serves X-Ratelimit-Remaining and a bare 429.
 */
export const FILL_TO = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local missing = tonumber(ARGV[1]) - redis.call('ZCARD', KEYS[1])
if missing <= 0 then return 0 end
local at = now + tonumber(ARGV[2])
for i = 1, missing do redis.call('ZADD', KEYS[1], at, 'foreign:' .. ARGV[3] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return missing`;

/** KEYS: pause. ARGV: until (epoch ms). Only ever moves the pause later. */
export const PAUSE = `${NOW}
local untilMs = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current and untilMs > now then redis.call('SET', KEYS[1], untilMs, 'PX', untilMs - now) end
return now`;

/** KEYS: heartbeats. ARGV: ttl ms, ids…: pushes back the lapse of registered waiters (XX: never re-registers). */
export const HEARTBEAT = `${NOW}
local at = now + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', at, ARGV[i]) end
return now`;

/** KEYS: a window. Calls it counts now. */
export const USED = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;
