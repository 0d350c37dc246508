// Discord-side state that outlives one request (page sessions, autocomplete answers) behind one small interface, so
// that a button press or a keystroke reaching another igcord process than the command did finds what it needs
// (docs/decisions/0022). Two stores: this process's memory (one process: today's behaviour, bounded) and Redis
// (redis-shared-state.ts) when the bot runs as several processes. Values are JSON; every read is checked with the
// caller's zod schema, so a value written by another version (or tampered with) is dropped, not trusted. Nothing
// secret is ever stored here: no interaction token, no Instagram token.
import type { z } from 'zod';

export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /** The value under `key` if present, unexpired and valid for `schema`; undefined otherwise. */
  get<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined>;
  /** Stores `value` (JSON) under `key` for `ttlMs`. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  json: string;
  expiresAt: number;
}

/** One process's store: a Map in insertion order, the least recently written dropped first past `maxEntries`. */
export class MemorySharedState implements SharedState {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return Promise.resolve(undefined);
    }
    const parsed = schema.safeParse(JSON.parse(entry.json));
    return Promise.resolve(parsed.success ? parsed.data : undefined);
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    // Stored as JSON text, as Redis would: a caller mutating its object later changes nothing here.
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.clock() + ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
