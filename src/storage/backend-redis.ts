// Redis through @keyv/redis: keys are `<namespace>::<key>` strings holding keyv's JSON envelope. Redis's own
// durability (RDB/AOF) is the server's configuration; igcord counts a write as done when Redis acknowledged it.
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

/** The two commands the native operations need, present on every @redis/client connection type. */
interface RedisNativeClient {
  getDel(key: string): Promise<string | null>;
  ping(): Promise<string>;
}

export async function openRedisBackend(options: RedisBackendOptions): Promise<KvBackend> {
  const adapter = new KeyvRedis<unknown>(options.url, { namespace: options.namespace, throwOnErrors: true, connectionTimeout: 5_000 });
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
      ping: async () => {
        await (await client()).ping();
      },
    },
    // Beside keyv's keys, in the namespace: another namespace on the same server is another storage.
    instanceLock: redisLock(async () => (await client()) as unknown as RedisLockClient, `${options.namespace}::igcord-instance-lock`),
    // Outside every namespace: what two storages on one Redis server share (the bot token's lock).
    sharedLock: (name) => redisLock(async () => (await client()) as unknown as RedisLockClient, `igcord-instance-lock:${name}`),
    close: () => adapter.disconnect(),
  });
}
