import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../../src/storage/keyed-mutex.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('keyed mutex', () => {
  it('runs callbacks on one key one at a time, in order, so read-modify-writes lose nothing', async () => {
    const mutex = new KeyedMutex();
    let value = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        mutex.run('k', async () => {
          const read = value;
          await tick();
          value = read + 1;
          order.push(i);
        }),
      ),
    );
    expect(value).toBe(50);
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(mutex.busyKeys).toBe(0);
  });

  it('runs different keys side by side and keeps going after a callback throws', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    let releaseA!: () => void;
    const a = mutex.run('a', () => new Promise<void>((r) => (releaseA = r)).then(() => void events.push('a')));
    await mutex.run('b', async () => void events.push('b'));
    releaseA();
    await a;
    expect(events).toEqual(['b', 'a']);
    await expect(mutex.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await mutex.run('a', async () => 'next')).toBe('next');
  });

  it('takes several keys in sorted order so overlapping callers do not deadlock', async () => {
    const mutex = new KeyedMutex();
    const results = await Promise.all([
      mutex.runAll(['x', 'y'], async () => (await tick(), 1)),
      mutex.runAll(['y', 'x', 'y'], async () => (await tick(), 2)),
    ]);
    expect(results).toEqual([1, 2]);
  });
});
