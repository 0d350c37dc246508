// What a benchmark's runs cost in storage (run by _delivery-graph.ts): wraps igcord's storage backend (startIgcord's
// wrapStorageBackend) and counts and times every call by operation and kind of key (the key up to its first `:`,
// e.g. `fence`, `cursor`, `pending`, `feed`), so a run's reads and writes can be told apart and divided by the
// runs that made them. Every call goes on to the real backend; the time is the call's own, queueing included.
import type { StorageOptions } from '../src/storage/index.js';
import { casUpdate } from '../src/storage/backend-update.js';

type KvBackend = Parameters<NonNullable<StorageOptions['wrapBackend']>>[0];
type Tally = Map<string, { calls: number; ms: number }>;

/** Writes: each is a write round trip to the backend (one fsync on SQLite). */
const WRITES = new Set(['set', 'setMany', 'delete', 'take', 'compareAndSwap']);

export class StorageOps {
  private readonly tally: Tally = new Map();

  readonly wrap = (backend: KvBackend): KvBackend => {
    const timed =
      <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>, keyOf: (...args: A) => string) =>
      async (...args: A): Promise<R> => {
        const started = performance.now();
        try {
          return await fn(...args);
        } finally {
          const name = `${op} ${keyOf(...args).split(':')[0]}`;
          const entry = this.tally.get(name) ?? { calls: 0, ms: 0 };
          entry.calls += 1;
          entry.ms += performance.now() - started;
          this.tally.set(name, entry);
        }
      };
    const first = (key: unknown) => (typeof key === 'string' ? key : Array.isArray(key) ? String(key[0]) : '?');
    const watched: KvBackend = {
      ...backend,
      get: timed('get', backend.get, first),
      getMany: timed('getMany', backend.getMany, first),
      getVersioned: timed('getVersioned', backend.getVersioned, first),
      set: timed('set', backend.set, first),
      setMany: timed('setMany', backend.setMany, (entries) => entries[0]?.key ?? '?'),
      delete: timed('delete', backend.delete, first),
      take: timed('take', backend.take, first),
      compareAndSwap: timed('compareAndSwap', backend.compareAndSwap, first),
      // The backend's own loop over the counted reads and swaps, so each of its rounds is counted.
      update: (key, change, options) => casUpdate(watched, key, change, options),
    };
    return watched;
  };

  /** A copy of the counts so far, to subtract from a later one. */
  snapshot(): Tally {
    return new Map([...this.tally].map(([k, v]) => [k, { ...v }]));
  }

  /** Prints the calls between two snapshots: per run, per second, mean time; reads and writes totalled. */
  print(from: Tally, to: Tally, runs: number, seconds: number): void {
    const rows = [...to]
      .map(([name, v]) => {
        const before = from.get(name) ?? { calls: 0, ms: 0 };
        return { name, calls: v.calls - before.calls, ms: v.ms - before.ms };
      })
      .filter((r) => r.calls > 0)
      .sort((a, b) => b.calls - a.calls);
    const sum = (write: boolean) =>
      rows.filter((r) => WRITES.has(r.name.split(' ')[0]!) === write).reduce((n, r) => n + r.calls, 0);
    const line = (r: (typeof rows)[number]) =>
      `${r.name.padEnd(32)} ${String(r.calls).padStart(7)}  ${(r.calls / runs).toFixed(2).padStart(6)} per run  ` +
      `${(r.calls / seconds).toFixed(1).padStart(6)}/s  mean ${(r.ms / r.calls).toFixed(1)} ms`;
    console.log(
      `  storage calls over ${seconds.toFixed(1)} s and ${runs} runs: reads ${(sum(false) / runs).toFixed(2)} per run ` +
        `(${(sum(false) / seconds).toFixed(0)}/s), writes ${(sum(true) / runs).toFixed(2)} per run (${(sum(true) / seconds).toFixed(0)}/s)\n    ` +
        rows.map(line).join('\n    '),
    );
  }
}
