// The key-value backend every igcord store sits on: keyv with one adapter chosen by STORAGE_URL, plus what keyv
// cannot do, each done natively by the adapter's own connection on keyv's own keys: an atomic take (read and delete
// in one step, so a single-use OAuth state cannot be used twice even by two processes), a compare-and-swap (write
// only over the exact value read, so a read-modify-write from one process cannot silently undo another's; see
// docs/decisions/0018) with the `update()` loop built on it, and a health ping.
// Values are JSON (keyv's `{ value, expires }` envelope, serialised with plain JSON.stringify so the native
// operations read and write it as keyv does, and keyv reads what they wrote).
import type { Keyv } from 'keyv';
import type { Logger } from '../log.js';
import { casUpdate, type Change, type SwapOptions, type UpdateOptions, type Versioned } from './backend-update.js';
import { StorageCorruptError, StorageError } from './errors.js';
import type { LeaseLock } from './lease.js';

export type BackendKind = 'sqlite' | 'redis' | 'postgres';

export interface KvEntry {
  key: string;
  value: unknown;
}

export interface KvBackend {
  readonly kind: BackendKind;
  readonly namespace: string;
  /** The value stored at `key`, or undefined (absent or expired). */
  get(key: string): Promise<unknown>;
  getMany(keys: readonly string[]): Promise<unknown[]>;
  /** Resolves once the backend acknowledged the write; rejects with StorageError otherwise. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Writes many values in one round trip where the adapter can (bulk loads). */
  setMany(entries: readonly KvEntry[]): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Reads and deletes `key` atomically: of several concurrent takes of one key, exactly one gets the value. */
  take(key: string): Promise<unknown>;
  /**
   * The value at `key` with its stamp (the stored envelope itself), for compareAndSwap. Throws
   * StorageCorruptError when what is stored is not keyv's JSON envelope.
   */
  getVersioned(key: string): Promise<Versioned>;
  /**
   * Writes `next` (undefined deletes) only if `key` still holds exactly the value stamped `expected` (undefined:
   * only if nothing is stored), atomically even against other processes. True when it wrote.
   */
  compareAndSwap(key: string, expected: string | undefined, next: unknown, options?: SwapOptions): Promise<boolean>;
  /**
   * Read-modify-write that no other writer can undo: `change` runs on the current value and its result is
   * compare-and-swapped in, again on a fresh read when another writer came first (bounded, with jittered backoff;
   * StorageContentionError past the bound). Resolves with the value now stored.
   */
  update<T>(key: string, change: Change<T>, options?: UpdateOptions): Promise<T>;
  /** Rejects when the backend does not answer within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The key as the backend stores it (namespace included), for diagnostics and raw-storage tests. */
  rawKey(key: string): string;
  /** The lock that lets one igcord at a time use this storage (namespace and table included). */
  readonly instanceLock: LeaseLock;
  /** Locks that other storages on the same server see too (Redis), for the bot token's lock; else undefined. */
  readonly sharedLock: ((name: string) => LeaseLock) | undefined;
}

/** The native operations an adapter supplies next to keyv, on already-namespaced keys. */
export interface NativeOps {
  /** Deletes the raw key and returns the serialised envelope it held, atomically. */
  take(rawKey: string): Promise<string | undefined>;
  /** The serialised envelope stored at the raw key, or undefined. */
  read(rawKey: string): Promise<string | undefined>;
  /**
   * Atomically: if the raw key holds exactly `expected` (or nothing, when `expected` is undefined), stores `next`
   * (deletes, when undefined) with the given time to live, and returns true; else changes nothing, returns false.
   */
  swap(
    rawKey: string,
    expected: string | undefined,
    next: string | undefined,
    ttlMs: number | undefined,
  ): Promise<boolean>;
  ping(): Promise<void>;
}

interface Envelope {
  value: unknown;
  expires?: number | null | undefined;
}

/** Builds a KvBackend from a keyv instance (throwOnErrors on) and its adapter's native operations. */
export function keyvBackend(options: {
  kind: BackendKind;
  namespace: string;
  keyv: Keyv<unknown>;
  native: NativeOps;
  rawKey: (key: string) => string;
  close: () => Promise<void>;
  log: Logger;
  instanceLock: LeaseLock;
  sharedLock?: ((name: string) => LeaseLock) | undefined;
}): KvBackend {
  const { kind, namespace, keyv, native, log } = options;
  keyv.on('error', (err: unknown) => log.warn({ err, backend: kind }, 'storage backend reported an error'));

  const wrap = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (cause) {
      if (cause instanceof StorageError) throw cause;
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new StorageError(`${kind} storage failed to ${what}: ${detail}`, { cause });
    }
  };
  let closed: Promise<void> | undefined;

  const getVersioned = (key: string) =>
    wrap(`read ${key}`, async (): Promise<Versioned> => {
      const raw = await native.read(options.rawKey(key));
      if (raw === undefined) return { value: undefined, stamp: undefined };
      const envelope = parseEnvelope(raw);
      if (envelope === undefined)
        throw new StorageCorruptError(
          key,
          `${kind} storage holds a value at ${key} that is not keyv's JSON envelope, so it was not rewritten`,
        );
      return { value: isExpired(envelope) ? undefined : envelope.value, stamp: raw };
    });
  const compareAndSwap = (key: string, expected: string | undefined, next: unknown, swap: SwapOptions = {}) =>
    wrap(`write ${key}`, async () => {
      // keyv's own envelope and serialiser, so keyv reads it back as if it had written it (keyv.set does the same).
      const ttl = swap.ttlMs !== undefined && swap.ttlMs > 0 ? swap.ttlMs : undefined;
      const text =
        next === undefined
          ? undefined
          : KEYV_OPTIONS.serialize({ value: next, expires: ttl === undefined ? undefined : Date.now() + ttl });
      return native.swap(options.rawKey(key), expected, text, ttl);
    });
  const swappable = { getVersioned, compareAndSwap };

  return {
    kind,
    namespace,
    get: (key) => wrap(`read ${key}`, () => keyv.get(key)),
    getMany: (keys) =>
      keys.length === 0 ? Promise.resolve([]) : wrap(`read ${keys.length} keys`, () => keyv.getMany([...keys])),
    set: (key, value, ttlMs) =>
      wrap(`write ${key}`, async () => {
        const ok = await keyv.set(key, value, ttlMs);
        if (!ok) throw new StorageError(`${kind} storage did not acknowledge the write of ${key}`);
      }),
    setMany: (entries) =>
      entries.length === 0
        ? Promise.resolve()
        : wrap(`write ${entries.length} keys`, async () => {
            const results = await keyv.setMany(entries.map((e) => ({ key: e.key, value: e.value })));
            if (Array.isArray(results) && results.some((r) => r === false)) {
              throw new StorageError(`${kind} storage did not acknowledge a bulk write`);
            }
          }),
    delete: (key) => wrap(`delete ${key}`, () => keyv.delete(key)),
    // Not named by its key: what is taken is single-use and may be a secret (an OAuth state is its own key).
    take: (key) =>
      wrap('take a single-use value', async () => {
        const raw = await native.take(options.rawKey(key));
        if (raw === undefined) return undefined;
        const envelope = parseEnvelope(raw);
        // Already deleted, so it can neither be skipped for a later repair nor used: the caller must know.
        if (envelope === undefined)
          throw new StorageCorruptError(
            key,
            `${kind} storage held a value that is not igcord's JSON envelope; taking it deleted it`,
          );
        if (isExpired(envelope)) return undefined;
        return envelope.value;
      }),
    getVersioned,
    compareAndSwap,
    update: (key, change, updateOptions) => casUpdate(swappable, key, change, updateOptions),
    ping: (timeoutMs = 2_000) =>
      wrap('answer a ping', async () => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new StorageError(`${kind} storage did not answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        try {
          await Promise.race([native.ping(), timeout]);
        } finally {
          clearTimeout(timer);
        }
      }),
    close: () => (closed ??= options.close()),
    rawKey: options.rawKey,
    instanceLock: options.instanceLock,
    sharedLock: options.sharedLock,
  };
}

/** As keyv decides it: `expires` in the past (keyv.get then treats the value as absent). */
const isExpired = (envelope: Envelope) => typeof envelope.expires === 'number' && Date.now() > envelope.expires;

/** keyv's `{ value, expires }` envelope as stored, or undefined when `raw` is not one. */
function parseEnvelope(raw: string): Envelope | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'value' in parsed
      ? (parsed as Envelope)
      : undefined;
  } catch {
    return undefined;
  }
}

/** keyv options shared by every backend: plain JSON (what the native operations read and write) and errors that throw. */
export const KEYV_OPTIONS = {
  serialize: (data: unknown) => JSON.stringify(data),
  deserialize: (text: string) => JSON.parse(text) as never,
  throwOnErrors: true,
} as const;
