// The instance lock on Redis: `SET key owner NX PX staleMs` takes it, a heartbeat extends it only while the key
// still holds our owner record (compare-and-PEXPIRE in one Lua script), and shutdown deletes it the same way
// (compare-and-DEL). A killed holder stops renewing and Redis expires the key after `staleMs` by itself; the
// server's clock alone decides, so machines with skewed clocks still agree. https://redis.io/docs/latest/commands/set/
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { LeaseAttempt, LeaseLock, LockOwner, LockTiming } from './lease.js';

/** The commands the lock needs, present on every @redis/client connection type. */
export interface RedisLockClient {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<string | null>;
  get(key: string): Promise<string | null>;
  pTTL(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const recordSchema = z.object({ id: z.string(), pid: z.number().int(), host: z.string(), staleMs: z.number() });

export function redisLock(client: () => Promise<RedisLockClient>, key: string): LeaseLock {
  return {
    async tryAcquire(owner: LockOwner, timing: LockTiming): Promise<LeaseAttempt> {
      const redis = await client();
      const record = JSON.stringify({ id: owner.id, pid: owner.pid, host: owner.host, staleMs: timing.staleMs });
      // The key may expire between a refused SET and the GET that reads its holder: then try again.
      for (let round = 0; round < 3; round += 1) {
        const set = await redis.set(key, record, {
          condition: 'NX',
          expiration: { type: 'PX', value: timing.staleMs },
        });
        if (set === 'OK') {
          return {
            held: {
              renew: async () =>
                Number(
                  await (await client()).eval(RENEW, { keys: [key], arguments: [record, String(timing.staleMs)] }),
                ) === 1,
              release: async () => {
                await (await client()).eval(RELEASE, { keys: [key], arguments: [record] });
              },
            },
          };
        }
        const [raw, ttl] = await Promise.all([redis.get(key), redis.pTTL(key)]);
        if (raw === null) continue;
        let holder;
        try {
          holder = validate(recordSchema, JSON.parse(raw), `instance lock ${key}`);
        } catch {
          // Not ours to judge: whatever wrote it holds the key until it expires.
          return { holder: {} };
        }
        // The key was set to live staleMs at the holder's last heartbeat; what has elapsed of it is the age.
        return {
          holder: { pid: holder.pid, host: holder.host, heartbeatAgeMs: ttl >= 0 ? holder.staleMs - ttl : undefined },
        };
      }
      throw new Error(`the Redis instance lock ${key} kept changing hands`);
    },
  };
}
