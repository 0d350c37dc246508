// The read-modify-write that holds across processes: read a value with its stamp, compute the next value, and
// compare-and-swap it in; when another writer got there first, read again and retry after a short random pause.
// Every backend's `update()` is this loop over its own getVersioned/compareAndSwap (and a test's wrapped backend
// runs the same loop over its wrapped calls). The pause is "full jitter" exponential backoff, so writers that
// collided do not collide again in lockstep (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
import { StorageContentionError } from './errors.js';

/** A stored value and its stamp: keyv's serialised envelope exactly as stored, undefined when nothing is. */
export interface Versioned {
  /** The value, or undefined when absent or expired. */
  value: unknown;
  /** Opaque; pass it back to compareAndSwap. An expired value reads as undefined but still has a stamp. */
  stamp: string | undefined;
}

export interface SwapOptions {
  /** Time to live of the written value, as keyv's `set(key, value, ttl)`; none by default. */
  ttlMs?: number | undefined;
}

export interface UpdateOptions extends SwapOptions {
  /** How many read → change → swap rounds before giving up with StorageContentionError. Default 50. */
  attempts?: number | undefined;
}

/**
 * The next value from the current one (undefined when absent). Return `current` itself to write nothing, and
 * undefined to delete. It may run several times (once per round), so it must not act on the outside world; a
 * throw ends the update without writing.
 */
export type Change<T> = (current: unknown) => T | Promise<T>;

interface Swappable {
  getVersioned(key: string): Promise<Versioned>;
  compareAndSwap(key: string, expected: string | undefined, next: unknown, options?: SwapOptions): Promise<boolean>;
}

export const DEFAULT_UPDATE_ATTEMPTS = 50;
const BACKOFF_BASE_MS = 2;
const BACKOFF_CAP_MS = 100;

/** Runs `change` on the value at `key` until its result is swapped in; resolves with the value now stored. */
export async function casUpdate<T>(
  backend: Swappable,
  key: string,
  change: Change<T>,
  options: UpdateOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_UPDATE_ATTEMPTS;
  for (let round = 1; ; round += 1) {
    const { value, stamp } = await backend.getVersioned(key);
    const next = await change(value);
    // Unchanged: nothing to write (an expired value asked to stay absent is left for its reader to drop).
    if (Object.is(next, value)) return next;
    if (await backend.compareAndSwap(key, stamp, next, options)) return next;
    if (round >= attempts) throw new StorageContentionError(key, attempts);
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** round);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}
