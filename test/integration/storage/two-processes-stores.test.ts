// Two processes on one storage, for real on SQLite (one file), Redis and PostgreSQL, each changing the same stored
// value at the same moment through the stores (fixtures/store-race.ts): a feed's recent deliveries, the dirty
// sources, a feed's pending media, a feed record being patched and removed, an account link being marked broken
// and unlinked. Each is a read-modify-write of one
// value, so this is where one process used to overwrite the other's change (docs/decisions/0018).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/index.js';
import { PENDING_LIMIT, RECENT_DELIVERIES_LIMIT } from '../../../src/storage/delivery-store.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const CHILD = fileURLToPath(new URL('./fixtures/store-race.ts', import.meta.url));

interface Racer {
  ready: Promise<void>;
  go(): void;
  /** Resolves once it exited cleanly, having done every operation. */
  finished: Promise<void>;
}

type Op = 'record-delivery' | 'mark-dirty' | 'hand-over' | 'set-state' | 'remove' | 'mark-broken' | 'unlink';

function racer(place: TestPlace, op: Op, tag: string, count: number, targets: string[] = []): Racer {
  const input = {
    url: place.url,
    dataDir: place.dataDir,
    namespace: place.namespace,
    table: place.table,
    op,
    tag,
    count,
    inFlight: 4,
    targets,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += String(chunk);
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const finished = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0 || !stdout.endsWith('done\n')) reject(new Error(`${op} ${tag} exited with ${code}:\n${stderr}`));
      else resolve();
    }),
  );
  // A child that dies before it is ready fails the test instead of leaving it waiting.
  void finished.catch(() => onReady());
  return { ready, go: () => child.stdin.end('go\n'), finished };
}

/** Starts both children together and waits until both are done. */
async function race(...racers: Racer[]): Promise<void> {
  await Promise.all(racers.map((r) => r.ready));
  for (const r of racers) r.go();
  await Promise.all(racers.map((r) => r.finished));
}

const FEED = 'racefeed1';
const ids = (tag: string, count: number) => Array.from({ length: count }, (_, i) => `${tag}-${i}`);

describe.each(BACKENDS)('two processes changing one stored value on %s', (backend) => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
  });

  /** A place whose table (PostgreSQL) and file (SQLite) exist before the children race to create them. */
  const freshPlace = async () => {
    place = await createPlace(backend);
    storage = await place.open();
    return place;
  };

  it('keeps all 200 deliveries when each records 100 media to one feed', async () => {
    expect(200).toBeLessThanOrEqual(RECENT_DELIVERIES_LIMIT);
    const p = await freshPlace();
    await race(racer(p, 'record-delivery', 'a', 100, [FEED]), racer(p, 'record-delivery', 'b', 100, [FEED]));
    const recorded = (await storage!.deliveries.recentDeliveries(FEED)).map((d) => d.mediaId).sort();
    expect(recorded).toEqual([...ids('a', 100), ...ids('b', 100)].sort());
  }, 120_000);

  it('keeps every dirty mark when each marks 100 distinct sources', async () => {
    const p = await freshPlace();
    await race(racer(p, 'mark-dirty', 'a', 100), racer(p, 'mark-dirty', 'b', 100));
    const dirty = (await storage!.deliveries.listDirty()).map((d) => d.sourceKey).sort();
    expect(dirty).toEqual([...ids('tag:a', 100), ...ids('tag:b', 100)].sort());
  }, 120_000);

  it('keeps all 200 pending media when each hands 100 distinct media over to one feed', async () => {
    expect(200).toBeLessThanOrEqual(PENDING_LIMIT);
    const p = await freshPlace();
    await race(racer(p, 'hand-over', 'a', 100, [FEED]), racer(p, 'hand-over', 'b', 100, [FEED]));
    const pending = (await storage!.deliveries.pendingMedia(FEED)).map((m) => m.id).sort();
    expect(pending).toEqual([...ids('a', 100), ...ids('b', 100)].sort());
  }, 120_000);

  it('never brings back a removed feed when one process sets states while the other removes', async () => {
    const p = await freshPlace();
    const feeds = await storage!.feeds.addMany(
      Array.from({ length: 40 }, (_, i) => ({
        guildId: '100000000000000042',
        channelId: `20000000000000000${i % 4}`,
        source: { kind: 'tag' as const, name: `race${i % 2}` },
        ownerDiscordUserId: '300000000000000001',
        ownerInstagramUserId: '3001',
        createdBy: '300000000000000001',
        delivery: { mode: 'message' as const },
      })),
    );
    const feedIds = feeds.map((f) => f.id);
    // The states go round the feeds ten times, so every remove lands among patches of the same feed.
    await race(racer(p, 'set-state', 'a', 400, feedIds), racer(p, 'remove', 'b', 40, feedIds));
    const left = await Promise.all(
      feedIds.map(async (id) => ((await p.rawRead(`feed:${id}`)) === undefined ? undefined : id)),
    );
    expect(left.filter((id) => id !== undefined)).toEqual([]);
    expect(await storage!.feeds.listByGuild('100000000000000042')).toEqual([]);
    expect(await storage!.feeds.listSources()).toEqual([]);
  }, 120_000);

  it('never brings back an unlinked account when one process marks links broken while the other unlinks', async () => {
    const p = await freshPlace();
    const users = Array.from({ length: 12 }, (_, i) => `4000000000000000${String(i).padStart(2, '0')}`);
    for (const [i, discordUserId] of users.entries()) {
      await storage!.accounts.link({
        discordUserId,
        instagramUserId: `${5000 + (i % 2)}`,
        username: `user${i}`,
        scopes: ['basic'],
        accessToken: `token-${i}`,
      });
    }
    // Few links and the marks go round them forty times, so every unlink lands among marks of the same link.
    await race(racer(p, 'mark-broken', 'a', 480, users), racer(p, 'unlink', 'b', 12, users));
    const left = await Promise.all(
      users.map(async (id) => ((await p.rawRead(`account:${id}`)) === undefined ? undefined : id)),
    );
    expect(left.filter((id) => id !== undefined)).toEqual([]);
    expect([
      ...(await storage!.accounts.byInstagramUser('5000')),
      ...(await storage!.accounts.byInstagramUser('5001')),
    ]).toEqual([]);
  }, 120_000);
});
