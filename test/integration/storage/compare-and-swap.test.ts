// Compare-and-swap under keyv, for real on SQLite, Redis and PostgreSQL: a swap writes only over the exact stored
// value it was given (or only where nothing is stored), and what it writes is keyv's own envelope on keyv's own
// key, so keyv reads it back. `update()` is the read → change → swap loop built on it. Concurrent writers come
// from two storages opened on one place: two connections (two SQLite connections on one file), as two processes
// would have.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KvBackend } from '../../../src/storage/backend.js';
import { StorageContentionError, StorageCorruptError, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

describe.each(BACKENDS)('compare-and-swap on %s', (backend) => {
  let place: TestPlace;
  const opened: Storage[] = [];

  /** Opens a storage on the place and returns the backend it really uses. */
  const openBackend = async (): Promise<KvBackend> => {
    let captured: KvBackend | undefined;
    opened.push(await place.open({ wrapBackend: (b) => (captured = b) }));
    return captured!;
  };

  beforeEach(async () => {
    place = await createPlace(backend);
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await place.cleanup();
  });

  it('swaps when the stored value is the one expected, and keyv reads what it wrote', async () => {
    const kv = await openBackend();
    await kv.set('cas:a', { n: 1 });
    const read = await kv.getVersioned('cas:a');
    expect(read.value).toEqual({ n: 1 });
    expect(read.stamp).toBe(await place.rawRead('cas:a'));

    expect(await kv.compareAndSwap('cas:a', read.stamp, { n: 2 })).toBe(true);
    expect(await kv.get('cas:a')).toEqual({ n: 2 });
    expect(JSON.parse((await place.rawRead('cas:a'))!)).toEqual({ value: { n: 2 } });
    // A second storage (its own keyv, its own connection) reads it too.
    expect(await (await openBackend()).get('cas:a')).toEqual({ n: 2 });
  });

  it('refuses to swap when the value changed since it was read, and leaves the newer value', async () => {
    const kv = await openBackend();
    const other = await openBackend();
    await kv.set('cas:b', { n: 1 });
    const read = await kv.getVersioned('cas:b');
    await other.set('cas:b', { n: 5 });

    expect(await kv.compareAndSwap('cas:b', read.stamp, { n: 2 })).toBe(false);
    expect(await kv.get('cas:b')).toEqual({ n: 5 });
    // Expected absent, but something is stored: refused too.
    expect(await kv.compareAndSwap('cas:b', undefined, { n: 3 })).toBe(false);
    // A value changed and changed back is the value expected: the swap is right to succeed.
    await other.set('cas:b', { n: 1 });
    expect(await kv.compareAndSwap('cas:b', read.stamp, { n: 2 })).toBe(true);
    expect(await other.get('cas:b')).toEqual({ n: 2 });
  });

  it('deletes only the value expected', async () => {
    const kv = await openBackend();
    await kv.set('cas:c', { n: 1 });
    const read = await kv.getVersioned('cas:c');
    await kv.set('cas:c', { n: 2 });
    expect(await kv.compareAndSwap('cas:c', read.stamp, undefined)).toBe(false);
    expect(await kv.get('cas:c')).toEqual({ n: 2 });
    expect(await kv.compareAndSwap('cas:c', (await kv.getVersioned('cas:c')).stamp, undefined)).toBe(true);
    expect(await place.rawRead('cas:c')).toBeUndefined();
    expect(await kv.getVersioned('cas:c')).toEqual({ value: undefined, stamp: undefined });
  });

  it('lets exactly one of many concurrent creators win an absent key', async () => {
    const backends = [await openBackend(), await openBackend()];
    const attempts = Array.from({ length: 20 }, (_, i) =>
      backends[i % 2]!.compareAndSwap('cas:new', undefined, { creator: i }),
    );
    const outcomes = await Promise.all(attempts);
    const winners = outcomes.flatMap((won, i) => (won ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await backends[1]!.get('cas:new')).toEqual({ creator: winners[0] });
  });

  it('treats an expired value as absent to its reader but swaps only over the stored one', async () => {
    const kv = await openBackend();
    // Expired a minute ago, as a value whose TTL ran out would be; Redis has not dropped it since we wrote it raw.
    const expired = JSON.stringify({ value: { n: 1 }, expires: Date.now() - 60_000 });
    await kv.set('cas:e', { n: 0 });
    await place.rawWrite('cas:e', expired);
    const read = await kv.getVersioned('cas:e');
    expect(read).toEqual({ value: undefined, stamp: expired });
    expect(await kv.compareAndSwap('cas:e', undefined, { n: 2 })).toBe(false);
    expect(await kv.compareAndSwap('cas:e', read.stamp, { n: 2 })).toBe(true);
    expect(await kv.get('cas:e')).toEqual({ n: 2 });
  });

  it('writes a swapped value with a time to live that keyv honours', async () => {
    const kv = await openBackend();
    expect(await kv.compareAndSwap('cas:t', undefined, { n: 1 }, { ttlMs: 60_000 })).toBe(true);
    const envelope = JSON.parse((await place.rawRead('cas:t'))!) as { value: unknown; expires: number };
    expect(envelope.value).toEqual({ n: 1 });
    expect(envelope.expires).toBeGreaterThan(Date.now());
    expect(await kv.get('cas:t')).toEqual({ n: 1 });
  });

  it('update() loses no change when two storages increment one counter concurrently', async () => {
    const [one, two] = [await openBackend(), await openBackend()];
    const increment = (kv: KvBackend) =>
      kv.update('cas:counter', (current) => ({ n: ((current as { n: number } | undefined)?.n ?? 0) + 1 }));
    // Each round a writer loses is another writer's win, so 40 writers stay within the default 50 rounds.
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 === 0 ? one! : two!)));
    expect(await one!.get('cas:counter')).toEqual({ n: 40 });
  });

  it('update() writes nothing when the change returns the current value, and deletes on undefined', async () => {
    const kv = await openBackend();
    await kv.set('cas:u', { n: 1 });
    const before = await place.rawRead('cas:u');
    expect(await kv.update('cas:u', (current) => current)).toEqual({ n: 1 });
    expect(await place.rawRead('cas:u')).toBe(before);
    expect(await kv.update('cas:u', () => undefined)).toBeUndefined();
    expect(await place.rawRead('cas:u')).toBeUndefined();
  });

  it('update() gives up with a StorageContentionError when the value keeps changing under it', async () => {
    const kv = await openBackend();
    const other = await openBackend();
    let n = 0;
    const attempt = kv.update(
      'cas:hot',
      async () => {
        // Another writer changes the value between every read and swap.
        n += 1;
        await other.set('cas:hot', { other: n });
        return { mine: n };
      },
      { attempts: 4 },
    );
    await expect(attempt).rejects.toBeInstanceOf(StorageContentionError);
    expect(n).toBe(4);
    expect(await kv.get('cas:hot')).toEqual({ other: 4 });
  });

  it('update() reports a stored value that is not keyv JSON instead of overwriting it', async () => {
    const kv = await openBackend();
    await kv.set('cas:bad', { n: 1 });
    await place.rawWrite('cas:bad', '{"value": {"n": ');
    await expect(kv.update('cas:bad', () => ({ n: 2 }))).rejects.toBeInstanceOf(StorageCorruptError);
    expect(await place.rawRead('cas:bad')).toBe('{"value": {"n": ');
  });
});
