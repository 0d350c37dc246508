// The instance lock on Redis. An exclusive holder (IGCORD_ROLE=all) owns the key `K` (`SET NX PX staleMs`); shared
// holders (edge and worker processes, any number) are members of the sorted set `K:shared`, each scored by when
// its lease lapses. Taking either is one Lua script that checks the other kind first, so an `all` process and an
// edge or worker never both hold a lease (docs/decisions/0020). A heartbeat extends a lease only while it is still
// ours (compare-and-PEXPIRE, or a member not lapsed yet), and shutdown removes it the same way. A killed holder
// stops renewing: its key expires, its member lapses. Time is the server's (`TIME`, `PX`), so machines with skewed
// clocks still agree. https://redis.io/docs/latest/commands/set/, https://redis.io/docs/latest/commands/zadd/
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { LockHolder } from './errors.js';
import type { LeaseAttempt, LeaseLock, LeaseMode, LockOwner, LockTiming } from './lease.js';

/** The commands the lock needs, present on every @redis/client connection type. */
export interface RedisLockClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
// KEYS: K, K:shared. ARGV: record, staleMs. Answers {'ok'} or {kind of the holder, its record, ms its lease has left}.
const ACQUIRE_EXCLUSIVE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local s = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if #s > 0 then return {'shared', s[1], tostring(tonumber(s[2]) - now)} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'ok'} end
return {'exclusive', redis.call('GET', KEYS[1]) or '', tostring(redis.call('PTTL', KEYS[1]))}`;
const ACQUIRE_SHARED = `${NOW}
local held = redis.call('GET', KEYS[1])
if held then return {'exclusive', held, tostring(redis.call('PTTL', KEYS[1]))} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return {'ok'}`;
const RENEW_EXCLUSIVE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_EXCLUSIVE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
// A member that lapsed is no longer ours even if nobody removed it yet: an exclusive holder may have come since.
const RENEW_SHARED = `${NOW}
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) <= now then redis.call('ZREM', KEYS[2], ARGV[1]) return 0 end
redis.call('ZADD', KEYS[2], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1`;
const RELEASE_SHARED = `return redis.call('ZREM', KEYS[2], ARGV[1])`;

const recordSchema = z.object({ id: z.string(), pid: z.number().int(), host: z.string(), staleMs: z.number() });
const answerSchema = z.union([
  z.tuple([z.literal('ok')]),
  z.tuple([z.enum(['exclusive', 'shared']), z.string(), z.string()]),
]);

export function redisLock(client: () => Promise<RedisLockClient>, key: string): LeaseLock {
  const keys = [key, `${key}:shared`];
  return {
    async tryAcquire(owner: LockOwner, timing: LockTiming, mode: LeaseMode = 'exclusive'): Promise<LeaseAttempt> {
      const record = JSON.stringify({ id: owner.id, pid: owner.pid, host: owner.host, staleMs: timing.staleMs });
      const args = [record, String(timing.staleMs)];
      const run = async (script: string) => (await client()).eval(script, { keys, arguments: args });
      const answer = validate(
        answerSchema,
        await run(mode === 'shared' ? ACQUIRE_SHARED : ACQUIRE_EXCLUSIVE),
        `instance lock ${key}`,
      );
      if (answer[0] === 'ok') {
        const [renew, release] =
          mode === 'shared' ? [RENEW_SHARED, RELEASE_SHARED] : [RENEW_EXCLUSIVE, RELEASE_EXCLUSIVE];
        return {
          held: {
            renew: async () => Number(await run(renew)) === 1,
            release: async () => {
              await run(release);
            },
          },
        };
      }
      return { holder: describe(answer[1], Number(answer[2]), answer[0] === 'shared') };
    },
  };
}

/** Who holds the lease, from its record and the milliseconds its lease has left (it was set to staleMs at the last beat). */
function describe(raw: string, leftMs: number, shared: boolean): LockHolder {
  let holder;
  try {
    holder = validate(recordSchema, JSON.parse(raw), 'instance lock holder');
  } catch {
    // Not ours to judge: whatever wrote it holds the key until it expires.
    return { shared };
  }
  return {
    pid: holder.pid,
    host: holder.host,
    heartbeatAgeMs: leftMs >= 0 ? holder.staleMs - leftMs : undefined,
    shared,
  };
}
