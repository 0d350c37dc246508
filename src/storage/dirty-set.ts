// The writer of the durable set of dirty sources (delivery-store.ts says what the set is for). Every mark (a
// notification batch) and every clear (a run that read its source) is a read-modify-write of the one record. Done
// one after another, they queued behind each other: at 50 notifications and 50 runs a second, about 10 ms each on
// SQLite, a mark waited over a second for its turn, so the webhook answered 503 past its record timeout — and
// Instagram sends a notification once (the v1 reference, §6.4: no redelivery to rely on), so the post waited for its
// source's next poll. So the writer combines: every change that arrives while a write is under way goes into the
// next write, applied in arrival order, and each caller is told its own outcome. A process makes at most one write
// of the record at a time, and the compare-and-swap (`backend.update`) still keeps another process's changes.
import type { KvBackend } from './backend.js';
import type { SourceKey } from './feed-source.js';

/** One source of a batch to mark dirty; with `unlessMarkedSince`, see DeliveryStore.markDirty. */
export interface DirtyMark {
  sourceKey: SourceKey;
  unlessMarkedSince?: number | undefined;
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A change waiting for the next write, with what it did in the latest round of that write. */
type Change =
  | {
      kind: 'mark';
      marks: readonly DirtyMark[];
      signal: AbortSignal | undefined;
      done: Settle<SourceKey[]>;
      marked?: SourceKey[];
    }
  | { kind: 'clear'; sourceKey: SourceKey; markedAt: number; done: Settle<boolean>; cleared?: boolean };

export interface DirtySetDeps {
  backend: Pick<KvBackend, 'update'>;
  /** The record's key. */
  key: string;
  /** The marks stored in a value read back (the record type's reader), as a fresh object. */
  sourcesOf(stored: unknown): Record<SourceKey, number>;
  now(): number;
}

export class DirtySetWriter {
  #waiting: Change[] = [];
  #writing = false;

  constructor(private readonly deps: DirtySetDeps) {}

  /**
   * Marks each source of the batch (a mark already stored at or after its `unlessMarkedSince` stays as it is) and
   * resolves with the sources it marked. A batch whose signal is aborted before its write writes nothing and
   * rejects with the signal's reason.
   */
  mark(marks: readonly DirtyMark[], signal: AbortSignal | undefined): Promise<SourceKey[]> {
    if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
    return this.#enqueue<SourceKey[]>((done) => ({ kind: 'mark', marks, signal, done }));
  }

  /** Clears the source's mark if it is still the one stamped `markedAt`; true when it did. */
  clear(sourceKey: SourceKey, markedAt: number): Promise<boolean> {
    return this.#enqueue<boolean>((done) => ({ kind: 'clear', sourceKey, markedAt, done }));
  }

  #enqueue<T>(make: (done: Settle<T>) => Change): Promise<T> {
    const outcome = new Promise<T>((resolve, reject) => this.#waiting.push(make({ resolve, reject })));
    if (!this.#writing) void this.#drain();
    return outcome;
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting;
        this.#waiting = [];
        await this.#write(batch);
      }
    } finally {
      this.#writing = false;
    }
  }

  async #write(batch: Change[]): Promise<void> {
    try {
      // The change may run more than once (a round per swap another process won): each round starts afresh.
      await this.deps.backend.update(this.deps.key, (stored) => {
        const sources = this.deps.sourcesOf(stored);
        const at = this.deps.now();
        let changed = false;
        for (const change of batch) {
          if (change.kind === 'clear') {
            change.cleared = sources[change.sourceKey] === change.markedAt;
            if (change.cleared) delete sources[change.sourceKey];
            changed ||= change.cleared;
          } else {
            // Aborted while it waited (the webhook answered 503, so Instagram may send it again): not written.
            change.marked = change.signal?.aborted === true ? undefined : markInto(sources, change.marks, at);
            changed ||= (change.marked?.length ?? 0) > 0;
          }
        }
        return changed ? { version: 1, sources } : stored;
      });
    } catch (error) {
      for (const change of batch) change.done.reject(error);
      return;
    }
    for (const change of batch) {
      if (change.kind === 'clear') change.done.resolve(change.cleared === true);
      else if (change.marked === undefined) change.done.reject(change.signal?.reason);
      else change.done.resolve(change.marked);
    }
  }
}

/** Applies one batch's marks to `sources`; returns the sources it marked, in the order given. */
function markInto(sources: Record<SourceKey, number>, marks: readonly DirtyMark[], at: number): SourceKey[] {
  const marked: SourceKey[] = [];
  const seen = new Set<SourceKey>();
  for (const { sourceKey: sk, unlessMarkedSince } of marks) {
    if (seen.has(sk)) continue;
    seen.add(sk);
    const current = sources[sk];
    if (current !== undefined && unlessMarkedSince !== undefined && current >= unlessMarkedSince) continue;
    // Strictly increasing per source, so a clear holding the previous mark cannot erase this one.
    sources[sk] = Math.max(at, (current ?? 0) + 1);
    marked.push(sk);
  }
  return marked;
}
