// The budget store shared by igcord processes that use the same tokens (docs/decisions/0016): each key's windows
// and waiters live in Redis, and every operation is one atomic Lua script (redis-budget-scripts.ts), so no two
// processes can both take the last slot. It uses @redis/client directly, not bottleneck's Redis clustering, which
// fails on Redis 7 (`ERR SETTINGS_KEY_NOT_FOUND`, `ERR UNKNOWN_CLIENT`). Waiting calls are heartbeated on a timer,
// so the waiters of a killed process lapse within WAITER_TTL_MS and stop holding others back.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { WriteBucket } from './call-gate.js';
import type { Logger } from '../log.js';
import {
  AHEAD_RETRY_MS,
  STORE_RELEASE_MARGIN_MS,
  WAITER_TTL_MS,
  waiterScore,
  type AdmitRequest,
  type AdmitResult,
  type BudgetStore,
} from './budget-store.js';
import { ADMIT, COMPLETE, FILL_TO, HEARTBEAT, PAUSE, USED } from './redis-budget-scripts.js';

export interface RedisBudgetStoreOptions {
  url: string;
  /** Prefix of every Redis key: processes share budgets exactly when they share the prefix. */
  prefix?: string;
  log?: Logger;
  waiterTtlMs?: number;
}

const SCRIPTS = { ADMIT, COMPLETE, FILL_TO, HEARTBEAT, PAUSE, USED } as const;
type ScriptName = keyof typeof SCRIPTS;

function connect(url: string, state: { connected: boolean }) {
  return createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      // Once connected, a lost connection is retried (calls fail meanwhile); a first connection that fails makes
      // igcord refuse to start, rather than wait forever with a limiter that admits nothing.
      reconnectStrategy: (retries: number, cause: Error) =>
        state.connected ? Math.min(100 * 2 ** retries, 2_000) : cause,
    },
  });
}
type Client = ReturnType<typeof connect>;

export async function openRedisBudgetStore(options: RedisBudgetStoreOptions): Promise<RedisBudgetStore> {
  const state = { connected: false };
  const client = connect(options.url, state);
  // Without a listener a lost connection is an unhandled 'error' event; commands fail and the limiter reports them.
  client.on('error', (err: unknown) => options.log?.warn({ err }, 'limiter budget store: Redis connection error'));
  await client.connect();
  state.connected = true;
  return new RedisBudgetStore(client, options.prefix ?? 'igcord:limiter', options.waiterTtlMs ?? WAITER_TTL_MS);
}

export class RedisBudgetStore implements BudgetStore {
  readonly kind = 'redis';
  private readonly shas = new Map<ScriptName, string>();
  /** Waiting calls registered in Redis by this process, per key: what the heartbeat keeps alive. */
  private readonly waiting = new Map<string, Set<string>>();
  private readonly heartbeat: NodeJS.Timeout;
  private nonce = 0;
  private closed = false;

  constructor(
    private readonly client: Client,
    private readonly prefix: string,
    private readonly waiterTtlMs: number,
  ) {
    this.heartbeat = setInterval(() => void this.beat(), Math.max(50, Math.floor(waiterTtlMs / 3)));
    this.heartbeat.unref();
  }

  // One hash tag per budget key: all of a key's sets land on one slot, as a script needs on Redis Cluster.
  private k(key: string, part: string): string {
    return `${this.prefix}:{${key}}:${part}`;
  }

  private bucketKey(key: string, bucket: WriteBucket | undefined): string {
    return bucket ? this.k(key, `w:${bucket}`) : '';
  }

  /** EVALSHA, loading the script on first use and again if the server forgot it (restart, SCRIPT FLUSH). */
  private async run(name: ScriptName, keys: string[], args: Array<string | number>): Promise<unknown> {
    const argv = args.map(String);
    let sha = this.shas.get(name);
    if (!sha) this.shas.set(name, (sha = await this.client.scriptLoad(SCRIPTS[name])));
    try {
      return await this.client.evalSha(sha, { keys, arguments: argv });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      this.shas.delete(name);
      return this.run(name, keys, args);
    }
  }

  async admit(req: AdmitRequest): Promise<AdmitResult> {
    const keyTtl = 2 * (req.holdMs + req.windowMs) + this.waiterTtlMs;
    const reply = (await this.run(
      'ADMIT',
      [
        this.k(req.key, 'g'),
        this.k(req.key, 'q'),
        this.k(req.key, 'hb'),
        this.k(req.key, 'p'),
        this.bucketKey(req.key, req.bucket),
      ],
      [
        req.id,
        waiterScore(req.priority, req.arrival),
        req.cap,
        req.writeLimit,
        req.holdMs + req.windowMs + STORE_RELEASE_MARGIN_MS,
        this.waiterTtlMs,
        keyTtl,
        AHEAD_RETRY_MS,
        req.windowMs + STORE_RELEASE_MARGIN_MS,
      ],
    )) as number[];
    if (reply[0] === 1) {
      this.waiting.get(req.key)?.delete(req.id);
      return { admitted: true, now: Number(reply[1]) };
    }
    let ids = this.waiting.get(req.key);
    if (!ids) this.waiting.set(req.key, (ids = new Set()));
    ids.add(req.id);
    return { admitted: false, retryAt: Number(reply[1]), now: Number(reply[2]) };
  }

  async complete(key: string, id: string, bucket: WriteBucket | undefined, windowMs: number): Promise<void> {
    await this.run(
      'COMPLETE',
      [this.k(key, 'g'), this.bucketKey(key, bucket)],
      [id, windowMs + STORE_RELEASE_MARGIN_MS],
    );
  }

  async refund(key: string, id: string, bucket: WriteBucket | undefined): Promise<void> {
    const multi = this.client.multi().zRem(this.k(key, 'g'), id);
    if (bucket) multi.zRem(this.bucketKey(key, bucket), id);
    await multi.exec();
  }

  async leave(key: string, id: string): Promise<void> {
    const ids = this.waiting.get(key);
    ids?.delete(id);
    if (ids?.size === 0) this.waiting.delete(key);
    await this.client.multi().zRem(this.k(key, 'q'), id).zRem(this.k(key, 'hb'), id).exec();
  }

  async observe(key: string, serverUsed: number, windowMs: number): Promise<number> {
    return this.fillTo(this.k(key, 'g'), serverUsed, windowMs);
  }

  async fill(key: string, bucket: WriteBucket | undefined, limit: number, windowMs: number): Promise<number> {
    return this.fillTo(bucket ? this.bucketKey(key, bucket) : this.k(key, 'g'), limit, windowMs);
  }

  async pause(key: string, until: number): Promise<void> {
    await this.run('PAUSE', [this.k(key, 'p')], [until]);
  }

  async used(key: string): Promise<number> {
    return Number(await this.run('USED', [this.k(key, 'g')], []));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    await Promise.allSettled([...this.waiting].flatMap(([key, ids]) => [...ids].map((id) => this.leave(key, id))));
    // Waits for the replies of what was sent (a last answer reported, a waiter withdrawn).
    await this.client.close();
  }

  private async fillTo(window: string, count: number, windowMs: number): Promise<number> {
    const nonce = `${randomUUID()}:${++this.nonce}`;
    return Number(
      await this.run('FILL_TO', [window], [count, windowMs + STORE_RELEASE_MARGIN_MS, nonce, 2 * windowMs]),
    );
  }

  private async beat(): Promise<void> {
    for (const [key, ids] of this.waiting) {
      if (ids.size === 0) continue;
      await this.run('HEARTBEAT', [this.k(key, 'hb')], [this.waiterTtlMs, ...ids]).catch(() => undefined);
    }
  }
}
