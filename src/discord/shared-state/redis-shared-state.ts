// The shared state (shared-state.ts) in Redis, for a bot run as several processes: each value one key with a TTL
// (SET … PX), JSON checked with the caller's zod schema on read. Processes of one bot share it through the prefix.
import { createClient } from '@redis/client';
import type { z } from 'zod';
import type { Logger } from '../../log.js';
import type { SharedState } from './shared-state.js';

export interface RedisSharedStateOptions {
  url: string;
  /** Every key starts with it: processes of one bot share state exactly when they share the prefix. */
  prefix: string;
  log?: Logger | undefined;
}

export async function openRedisSharedState(options: RedisSharedStateOptions): Promise<SharedState> {
  const state = { connected: false };
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: 5_000,
      // A first connection that fails stops igcord from starting; a lost one is retried (reads miss meanwhile).
      reconnectStrategy: (retries: number, cause: Error) =>
        state.connected ? Math.min(100 * 2 ** retries, 2_000) : cause,
    },
  });
  client.on('error', (err: unknown) => options.log?.warn({ err }, 'Discord shared state: Redis connection error'));
  await client.connect();
  state.connected = true;
  const k = (key: string) => `${options.prefix}:${key}`;
  let closed = false;
  return {
    kind: 'redis',
    async get<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
      const text = await client.get(k(key));
      if (text === null) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) options.log?.warn({ key }, 'Discord shared state: a stored value is not valid; ignored');
      return parsed.success ? parsed.data : undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(k(key), JSON.stringify(value), { PX: Math.max(1, Math.ceil(ttlMs)) });
    },
    async delete(key) {
      await client.del(k(key));
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.quit();
    },
  };
}
