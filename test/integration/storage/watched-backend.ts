// A real backend watched by a test: it counts the writes igcord makes through it and can hold every read until
// the test lets it go, to play a storage that turned slow at the worst moment. Every call goes on to the real
// backend; nothing is answered in its place.
import type { KvBackend } from '../../../src/storage/backend.js';
import { casUpdate } from '../../../src/storage/backend-update.js';

export class WatchedBackend {
  /** Write round trips started so far (set, setMany, delete, take, compareAndSwap). */
  writes = 0;
  /** Reads that had to wait for `releaseReads()`: proof that the hold really slowed the storage. */
  heldReads = 0;
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  /** Pass to `place.open({ wrapBackend })`. */
  readonly wrap = (backend: KvBackend): KvBackend => {
    const write =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        this.writes += 1;
        return fn(...args);
      };
    const read =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        if (this.#held !== undefined) {
          this.heldReads += 1;
          await this.#held;
        }
        return fn(...args);
      };
    const watched: KvBackend = {
      ...backend,
      get: read(backend.get),
      getMany: read(backend.getMany),
      getVersioned: read(backend.getVersioned),
      set: write(backend.set),
      setMany: write(backend.setMany),
      delete: write(backend.delete),
      take: write(backend.take),
      compareAndSwap: write(backend.compareAndSwap),
      // The backend's own loop, over the watched reads and swaps, so each of its rounds is seen.
      update: (key, change, options) => casUpdate(watched, key, change, options),
    };
    return watched;
  };

  /** From now on every read waits until `releaseReads()`. */
  holdReads(): void {
    this.#held ??= new Promise<void>((resolve) => {
      this.#release = resolve;
    });
  }

  releaseReads(): void {
    this.#release?.();
    this.#held = undefined;
    this.#release = undefined;
  }
}
