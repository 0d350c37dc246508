// Answers for autocomplete (tags, locations, users): Discord wants them within 3 s and sends one per keystroke,
// so lookups are cached briefly per account, kind and query, identical lookups in flight are shared, and a lookup
// is only sent to Instagram while the account keeps a reserve of its budget. When the budget is low or Instagram
// is slow, autocomplete answers from what it has (possibly nothing) instead of spending calls a command will need.
// Each kind of lookup is a LookupKind that carries the type of its answer (commands/_shared/lookup-kinds.ts): two
// kinds never share entries, even with the same name, and the compiler refuses a lookup whose answer is not its
// kind's, so one command can no longer be handed another's cached answer of another shape.
// With a shared state (several processes, docs/decisions/0022), the answers of a kind that has a schema live there
// instead, one record per (account, kind), so a keystroke reaching another process finds them and an invalidation
// reaches every process; lookups in flight are still shared per process only.
import { z } from 'zod';
import type { Limiter } from '../../src/limiter/index.js';
import type { Logger } from '../../src/log.js';
import type { SharedState } from '../../src/discord/shared-state/shared-state.js';

/** One kind of lookup, with `T` the type of its answers. Entries are keyed by the kind itself, not its name. */
export class LookupKind<T> {
  private static count = 0;
  /** Unique per kind: the cache's key, so two kinds named alike still never meet. */
  readonly id = (LookupKind.count += 1);
  /** Ties the kind to its answer type both ways, so a LookupKind<A> is no LookupKind<B>. */
  declare private readonly answer: (value: T) => T;
  constructor(
    /** For logs, and the shared state's key: unique among kinds. */
    readonly name: string,
    /** What an answer read back from a shared state must be; without one, the kind's answers stay per process. */
    readonly schema?: z.ZodType<T>,
  ) {}
}

/** Queries kept per (account, kind) in a shared state, the soonest to expire dropped first. */
const SHARED_QUERIES_MAX = 50;

export interface LookupCacheOptions {
  limiter: Limiter;
  /** Where a failed lookup is reported (autocomplete itself shows no error). */
  log: Logger;
  /** How long an answer stays fresh. Default 60 s. */
  ttlMs?: number | undefined;
  /** Entries kept at most; the oldest go first. Default 5,000. */
  maxEntries?: number | undefined;
  /** Share of the account's budget that autocomplete never touches. Default 0.2 (20 %). */
  reserve?: number | undefined;
  clock?: (() => number) | undefined;
  /** Where answers are shared with the bot's other processes (Redis); none: this process's memory only. */
  state?: SharedState | undefined;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class LookupCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly reserve: number;
  private readonly clock: () => number;

  constructor(private readonly options: LookupCacheOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.reserve = options.reserve ?? 0.2;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The cached answer for (`budgetKey`, `kind`, `query`), else `lookup()` when the account's budget allows, else
   * `fallback`. A failed lookup also yields `fallback` (autocomplete never shows an error, the command will) and
   * is logged as a warning with the limiter key, so "no suggestions" always has a reason an operator can see.
   */
  async get<T>(
    budgetKey: string,
    kind: LookupKind<T>,
    query: string,
    lookup: () => Promise<T>,
    fallback: T,
  ): Promise<T> {
    const key = `${budgetKey}\u0000${kind.id}\u0000${query.toLowerCase()}`;
    const now = this.clock();
    const shared = this.sharedOf(kind);
    const hit = shared
      ? (await this.readShared(budgetKey, kind, shared).catch(() => undefined))?.[query.toLowerCase()]
      : (this.entries.get(key) as { value: T; expiresAt: number } | undefined);
    if (hit && hit.expiresAt > now) return hit.value;

    // The lookup that started it logs its failure; sharers only fall back.
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending.catch(() => fallback);

    if (!this.hasBudget(budgetKey)) return hit ? hit.value : fallback;

    const promise = lookup().then(async (value) => {
      if (shared) await this.writeShared(budgetKey, kind, shared, query.toLowerCase(), value);
      else this.store(key, value);
      return value;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } catch (error) {
      this.options.log.warn(
        { err: error, limiterKey: budgetKey, kind: kind.name, answered: hit ? 'stale' : 'fallback' },
        'autocomplete lookup failed; answered without it (the command itself will report the error)',
      );
      return hit ? hit.value : fallback;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Forgets every cached answer of one kind for an account, e.g. its pending requests after one was answered. */
  invalidate<T>(budgetKey: string, kind: LookupKind<T>): void {
    if (this.sharedOf(kind)) {
      this.options.state!.delete(sharedKey(budgetKey, kind)).catch((error: unknown) => {
        this.options.log.warn({ err: error, kind: kind.name }, 'could not forget shared autocomplete answers');
      });
      return;
    }
    const prefix = `${budgetKey}\u0000${kind.id}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** The schema of the kind's shared record, when answers of this kind are shared. */
  private sharedOf<T>(kind: LookupKind<T>) {
    if (this.options.state?.kind !== 'redis' || !kind.schema) return undefined;
    return z.record(z.string(), z.object({ value: kind.schema, expiresAt: z.number() }));
  }

  private readShared<T>(budgetKey: string, kind: LookupKind<T>, schema: SharedRecordSchema<T>) {
    return this.options.state!.get(sharedKey(budgetKey, kind), schema);
  }

  /** Adds one answer to the (account, kind) record; a write racing another process's may drop its answer: a miss. */
  private async writeShared<T>(
    budgetKey: string,
    kind: LookupKind<T>,
    schema: SharedRecordSchema<T>,
    query: string,
    value: T,
  ): Promise<void> {
    try {
      const now = this.clock();
      const record = (await this.readShared(budgetKey, kind, schema)) ?? {};
      record[query] = { value, expiresAt: now + this.ttlMs };
      const kept = Object.entries(record)
        .filter(([, entry]) => entry.expiresAt > now)
        .sort(([, a], [, b]) => b.expiresAt - a.expiresAt)
        .slice(0, SHARED_QUERIES_MAX);
      await this.options.state!.set(sharedKey(budgetKey, kind), Object.fromEntries(kept), this.ttlMs);
    } catch (error) {
      this.options.log.warn({ err: error, kind: kind.name }, 'could not share an autocomplete answer');
    }
  }

  private hasBudget(budgetKey: string): boolean {
    const quota = this.options.limiter.quota(budgetKey);
    return quota.remaining > quota.limit * this.reserve;
  }

  private store(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

type SharedRecordSchema<T> = z.ZodType<Record<string, { value: T; expiresAt: number }>>;

const sharedKey = (budgetKey: string, kind: { name: string }) => `lookup:${budgetKey}:${kind.name}`;
