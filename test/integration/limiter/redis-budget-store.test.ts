// What is particular to the Redis budget store beyond the shared contract: how it behaves when Redis is not there.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openRedisBudgetStore } from '../../../src/limiter/redis-budget-store.js';

describe('Redis budget store', () => {
  it('refuses at start when Redis cannot be reached, instead of retrying forever, and never shows the password', async () => {
    // A port nobody listens on: taken, then released.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const outcome = await openRedisBudgetStore({ url: `redis://:hunter2secret@127.0.0.1:${port}` }).then(
      (store) => (void store.close(), 'connected'),
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(Error);
    expect(String((outcome as Error).message)).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(outcome) + String(outcome)).not.toContain('hunter2secret');
  });
});
