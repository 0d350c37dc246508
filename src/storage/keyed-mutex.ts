// A keyed async mutex: callbacks that name the same key run one after another, in arrival order; different keys
// run in parallel. It serialises read-modify-writes of one stored value within this process only. Across
// processes, correctness comes from the backend's compare-and-swap (`backend.update`, docs/decisions/0018): index
// sets use both, the mutex so that this process's own writers queue rather than spend their bounded swap retries
// on each other. Read-modify-writes still guarded by the mutex alone (records being patched, bounded lists) can
// lose an update to a second process on the same storage until they move to `backend.update`.

export class KeyedMutex {
  /** The tail of each key's queue; removed when the last waiter finishes so idle keys cost nothing. */
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `fn` once every earlier callback on `key` has settled; resolves or rejects with `fn`'s outcome. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /**
   * Runs `fn` holding every key in `keys`. Keys are taken in sorted order, so two callers needing overlapping
   * sets cannot deadlock; duplicates are taken once.
   */
  async runAll<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const step = async (i: number): Promise<T> => {
      const key = sorted[i];
      return key === undefined ? fn() : this.run(key, () => step(i + 1));
    };
    return step(0);
  }

  /** Keys with a callback running or waiting (for tests and diagnostics). */
  get busyKeys(): number {
    return this.#tails.size;
  }
}
