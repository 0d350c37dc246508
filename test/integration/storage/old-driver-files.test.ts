// A data file written by igcord on its earlier SQLite driver (sqlite3 + @keyv/sqlite) opens on today's driver with
// everything in it. The fixture in fixtures/old-driver/ was made by that version writing an account link, a feed,
// a delivery, a dirty mark and taking the instance lock, then dying with SIGKILL: its writes are still in the
// -wal file (WAL mode, as that version set), so opening it also replays a crashed writer's log.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { openStorage, type Storage } from '../../../src/storage/index.js';
import { KEY_A } from './backends.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/old-driver/', import.meta.url));
/** The feed the old version created (its id is random, so it is recorded here). */
const FEED_ID = '73p5rhtdaj';

describe('SQLite files from the earlier driver', () => {
  let dir: string | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens a file left by a killed igcord on sqlite3 + @keyv/sqlite and reads every record it acknowledged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'igcord-old-driver-'));
    for (const name of ['igcord.sqlite', 'igcord.sqlite-wal']) await copyFile(join(FIXTURE, name), join(dir, name));
    storage = await openStorage({
      url: `sqlite://${join(dir, 'igcord.sqlite')}`,
      dataDir: dir,
      keys: { current: KEY_A },
      log: silentLogger(),
    });

    expect((await storage.accounts.getWithToken('300000000000000001'))?.accessToken).toBe('IGQ-old-driver-token');
    const feed = await storage.feeds.get(FEED_ID);
    expect(feed?.source).toEqual({ kind: 'tag', name: 'sunset' });
    expect((await storage.feeds.listByGuild('100000000000000001')).map((f) => f.id)).toEqual([FEED_ID]);
    expect((await storage.deliveries.recentDeliveries(FEED_ID)).map((d) => d.mediaId)).toEqual(['m1']);
    expect((await storage.deliveries.listDirty()).map((d) => d.sourceKey)).toEqual(['tag:sunset']);
    expect(storage.corruptRecords()).toBe(0);

    // The killed holder's instance lock (same table) is judged abandoned and taken over.
    const lock = await storage.lockInstance({ timing: { heartbeatMs: 1_000, staleMs: 5_000 } });
    await lock.release();
    // And the file takes writes again.
    await storage.deliveries.markDirty('tag:after');
    expect((await storage.deliveries.listDirty()).map((d) => d.sourceKey).sort()).toEqual(['tag:after', 'tag:sunset']);
  });
});
