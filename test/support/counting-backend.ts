// A real storage backend whose calls a test counts, by operation and kind of key (the key up to its first `:`:
// `get feed`, `getMany feed`, `compareAndSwap cursor`, …), to show how many reads and writes a piece of work
// makes. Every call goes on to the real backend; nothing is answered in its place.
import type { KvBackend } from '../../src/storage/backend.js';
import { casUpdate } from '../../src/storage/backend-update.js';

export class CountingBackend {
  private readonly counts = new Map<string, number>();

  /** Pass as the storage's wrapBackend. */
  readonly wrap = (backend: KvBackend): KvBackend => {
    const counted =
      <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const key = args[0];
        const first = typeof key === 'string' ? key : Array.isArray(key) ? String(key[0] ?? '') : '';
        const name = `${op} ${first.split(':')[0]}`;
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        return fn(...args);
      };
    const watched: KvBackend = {
      ...backend,
      get: counted('get', backend.get),
      getMany: counted('getMany', backend.getMany),
      getVersioned: counted('getVersioned', backend.getVersioned),
      set: counted('set', backend.set),
      delete: counted('delete', backend.delete),
      take: counted('take', backend.take),
      compareAndSwap: counted('compareAndSwap', backend.compareAndSwap),
      // The backend's own loop over the counted reads and swaps, so each of its rounds is counted.
      update: (key, change, options) => casUpdate(watched, key, change, options),
    };
    return watched;
  };

  /** Calls so far, by `<operation> <kind of key>`. */
  snapshot(): Map<string, number> {
    return new Map(this.counts);
  }

  /** Calls of `name` since `from` (a snapshot). */
  since(from: Map<string, number>, name: string): number {
    return (this.counts.get(name) ?? 0) - (from.get(name) ?? 0);
  }
}
