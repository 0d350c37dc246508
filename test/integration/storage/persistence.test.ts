// Durability: a child process writes a burst, is killed with SIGKILL in the middle of it, and the storage is
// reopened: every write the child saw acknowledged is there and every record parses.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlace, type TestPlace } from './backends.js';
import type { Storage } from '../../../src/storage/index.js';

const CHILD = fileURLToPath(new URL('./fixtures/write-burst.ts', import.meta.url));

/** Runs the writer until it has reported `target` acknowledgements, kills it, and returns them. */
async function killMidBurst(place: TestPlace, target: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(place)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: string[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
      if (acks.length >= target) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`writer exited before being killed:\n${stderr}`)));
  });
  expect(await exited).toBe('SIGKILL');
  return acks;
}

describe.each(['sqlite', 'redis', 'postgres'] as const)('persistence on %s', (backend) => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
  });

  it('keeps every acknowledged write of a process killed mid-burst, and every record parses', async () => {
    place = await createPlace(backend);
    const acks = await killMidBurst(place, 120);
    storage = await place.open();

    const feeds = new Set((await storage.feeds.listByGuild('100000000000000001')).map((f) => f.id));
    const deliveries = new Set((await storage.deliveries.recentDeliveries('burstfeed1')).map((d) => d.mediaId));
    const dirty = new Set((await storage.deliveries.listDirty()).map((d) => d.sourceKey));
    const missing: string[] = [];
    for (const ack of acks) {
      const [kind, id] = ack.split(' ') as [string, string];
      const present =
        kind === 'feed'
          ? feeds.has(id) && (await storage.feeds.get(id)) !== undefined
          : kind === 'account'
            ? (await storage.accounts.getWithToken(id))?.accessToken === `tok-${BigInt(id) - 400000000000000000n}`
            : kind === 'delivery'
              ? deliveries.has(id)
              : dirty.has(id);
      if (!present) missing.push(ack);
    }
    expect(acks.length).toBeGreaterThanOrEqual(120);
    expect(missing).toEqual([]);
    expect(storage.corruptRecords()).toBe(0);
    // The reopened storage takes writes again on the same indexes.
    await storage.feeds.add({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'tag', name: 'after' },
      ownerDiscordUserId: '300000000000000001',
      ownerInstagramUserId: '3001',
      createdBy: '300000000000000001',
      delivery: { mode: 'message' },
    });
    expect((await storage.feeds.listByGuild('100000000000000001')).length).toBeGreaterThanOrEqual(feeds.size + 1);
  });
});
