// Discord's global request limit (50 per second per bot: topics/rate-limits#global-rate-limit) as one window in
// Redis that every igcord process admits its REST requests through, so running N processes shares the limit rather
// than multiplying it (docs/decisions/0022). A sorted set of request ids scored by when each one leaves the window:
// admitted requests are held for their whole attempt (they may reach Discord at any moment until they are
// answered), then for one window after their answer. A request reaches Discord between its admission and its
// answer, so no one-second window at Discord's end can see more than the limit. Each step is one Lua script, timed
// by Redis's TIME, one clock for every process.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Logger } from '../../log.js';

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: the window. ARGV: id, limit, hold ms (attempt bound + window), key ttl ms.
 * Returns {1, 0} when admitted, {0, wait ms} when the window is full.
 */
const ADMIT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
  return {1, 0}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(first[2]) - now)}`;

/** KEYS: the window. ARGV: id, window ms. The answered request leaves the window one window from now. */
const ANSWERED = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
return 1`;

export interface RedisRequestWindowOptions {
  url: string;
  /** Requests per window across every process sharing `prefix` (Discord: 50 per second). */
  limit: number;
  /** Processes share the window exactly when they share the prefix (and the bot). Default `igcord:discord`. */
  prefix?: string | undefined;
  windowMs?: number | undefined;
  /** The longest a request can be in flight (discord.js REST `timeout`): how long a slot is held at most. */
  attemptBoundMs?: number | undefined;
  log?: Logger | undefined;
}

export type Admission = { admitted: true; id: string } | { admitted: false; waitMs: number };

export interface RequestWindow {
  /** Takes a slot for one request, or says how long until one may free. */
  admit(): Promise<Admission>;
  /** The request was answered (or failed): its slot frees one window from now. */
  answered(id: string): Promise<void>;
}

export interface RedisRequestWindow extends RequestWindow {
  close(): Promise<void>;
}

function connect(url: string, state: { connected: boolean }) {
  return createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      // A first connection that fails stops igcord from starting; a lost one is retried (requests wait meanwhile).
      reconnectStrategy: (retries: number, cause: Error) =>
        state.connected ? Math.min(100 * 2 ** retries, 2_000) : cause,
    },
  });
}

export async function openRedisRequestWindow(options: RedisRequestWindowOptions): Promise<RedisRequestWindow> {
  const state = { connected: false };
  const client = connect(options.url, state);
  client.on('error', (err: unknown) => options.log?.warn({ err }, 'Discord request window: Redis connection error'));
  await client.connect();
  state.connected = true;
  const key = `${options.prefix ?? 'igcord:discord'}:global-window`;
  const windowMs = options.windowMs ?? 1_000;
  const holdMs = (options.attemptBoundMs ?? 15_000) + windowMs;
  const shas = {
    admit: await client.scriptLoad(ADMIT),
    answered: await client.scriptLoad(ANSWERED),
  };
  // A script cache flushed under us (a Redis restart) is loaded again rather than failing every request.
  async function run(name: keyof typeof shas, script: string, args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(shas[name], { keys: [key], arguments: args });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      shas[name] = await client.scriptLoad(script);
      return client.evalSha(shas[name], { keys: [key], arguments: args });
    }
  }
  let closed = false;
  return {
    async admit() {
      const id = randomUUID();
      const reply = (await run('admit', ADMIT, [
        id,
        String(options.limit),
        String(holdMs),
        String(holdMs + windowMs),
      ])) as [number, number];
      return reply[0] === 1 ? { admitted: true, id } : { admitted: false, waitMs: Number(reply[1]) };
    },
    async answered(id) {
      await run('answered', ANSWERED, [id, String(windowMs)]);
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.quit();
    },
  };
}

/** What the composition root decides with: config.discord's store, Redis URL and limit. */
export interface GlobalRateSettings {
  stateStore: 'memory' | 'redis';
  redisUrl: string | undefined;
  globalRateLimit: number;
}

/**
 * The bot's shared window when Discord state lives in Redis, else none (one process: discord.js's own pacing is
 * the limit). Processes of one application share it.
 */
export async function openGlobalRequestWindow(
  settings: GlobalRateSettings,
  applicationId: string,
  log: Logger,
): Promise<RedisRequestWindow | undefined> {
  if (settings.stateStore !== 'redis') return undefined;
  if (settings.redisUrl === undefined) throw new Error('REDIS_URL must be configured when DISCORD_STATE_STORE=redis');
  return openRedisRequestWindow({
    url: settings.redisUrl,
    prefix: `igcord:discord:${applicationId}`,
    limit: settings.globalRateLimit,
    log,
  });
}
