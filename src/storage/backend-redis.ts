// Redis through @keyv/redis: keys are `<namespace>::<key>` strings holding keyv's JSON envelope. Redis's own
// durability (RDB/AOF) is the server's configuration; igcord counts a write as done when Redis acknowledged it.
// The compare-and-swap is one Lua script, which Redis runs atomically (https://redis.io/docs/latest/develop/
// programmability/eval-intro/): GET, compare with the expected envelope (or with nothing), then SET or DEL.
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Logger } from '../log.js';
import { KEYV_OPTIONS, keyvBackend, type KvBackend } from './backend.js';
import { redisLock, type RedisLockClient } from './lock-redis.js';

export interface RedisBackendOptions {
  url: string;
  namespace: string;
  log: Logger;
}

/** The commands the native operations need, present on every @redis/client connection type. */
interface RedisNativeClient {
  get(key: string): Promise<string | null>;
  getDel(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  ping(): Promise<string>;
}

// ARGV: [1] '1' when a value is expected, [2] that value, [3] '1' to write (else delete), [4] the value to
// write, [5] its time to live in ms or ''. GET answers false for a missing key. A SET without PX drops any
// earlier TTL, as keyv's own set does.
const SWAP = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if ARGV[3] == '1' then
  if ARGV[5] ~= '' then redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5]) else redis.call('SET', KEYS[1], ARGV[4]) end
else
  redis.call('DEL', KEYS[1])
end
return 1`;

export async function openRedisBackend(options: RedisBackendOptions): Promise<KvBackend> {
  const adapter = new KeyvRedis<unknown>(options.url, {
    namespace: options.namespace,
    throwOnErrors: true,
    connectionTimeout: 5_000,
  });
  adapter.throwOnErrors = true;
  // The adapter prefixes keys itself; keyv's own prefix would double it.
  const keyv = new Keyv<unknown>(adapter, { ...KEYV_OPTIONS, namespace: options.namespace, useKeyPrefix: false });
  const client = async () => (await adapter.getClient()) as unknown as RedisNativeClient;
  await client();

  return keyvBackend({
    kind: 'redis',
    namespace: options.namespace,
    keyv,
    log: options.log,
    rawKey: (key) => adapter.createKeyPrefix(key, options.namespace),
    native: {
      // GETDEL (Redis ≥ 6.2) reads and deletes in one command.
      take: async (rawKey) => (await (await client()).getDel(rawKey)) ?? undefined,
      read: async (rawKey) => (await (await client()).get(rawKey)) ?? undefined,
      swap: async (rawKey, expected, next, ttlMs) => {
        const args = [
          expected === undefined ? '0' : '1',
          expected ?? '',
          next === undefined ? '0' : '1',
          next ?? '',
          ttlMs === undefined ? '' : String(Math.ceil(ttlMs)),
        ];
        return Number(await (await client()).eval(SWAP, { keys: [rawKey], arguments: args })) === 1;
      },
      ping: async () => {
        await (await client()).ping();
      },
    },
    // Beside keyv's keys, in the namespace: another namespace on the same server is another storage.
    instanceLock: redisLock(
      async () => (await client()) as unknown as RedisLockClient,
      `${options.namespace}::igcord-instance-lock`,
    ),
    // Outside every namespace: what two storages on one Redis server share (the bot token's lock).
    sharedLock: (name) =>
      redisLock(async () => (await client()) as unknown as RedisLockClient, `igcord-instance-lock:${name}`),
    close: () => adapter.disconnect(),
  });
}
