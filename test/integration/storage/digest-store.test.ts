// The digest store (docs/decisions/0031) on SQLite, Redis and PostgreSQL: posts gathered per feed with their period,
// kept once, parts recorded as posted, a period forgotten alone, the index of feeds with something gathered, and the
// feed record's digest schedule (an optional field, no version bump).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const post = (id: string) => ({ id, kind: 'image', caption: `caption ${id}` });

describe.each(BACKENDS)('digest store on %s', (backend) => {
  let place: TestPlace;
  let storage: Storage;

  beforeEach(async () => {
    place = await createPlace(backend);
    storage = await place.open({ now: () => 1_750_000_000_000 });
  });
  afterEach(async () => {
    await storage.close();
    await place.cleanup();
  });

  it('keeps each post once in the period it first arrived in, and lists the feed until its digests are done', async () => {
    const digests = storage.digests;
    expect(await digests.gather('feedone', post('m1'), 1000)).toEqual({ dueAt: 1000, dropped: 0 });
    await digests.gather('feedone', post('m2'), 1000);
    // Handed over again later: it stays in its first period.
    expect(await digests.gather('feedone', post('m1'), 2000)).toEqual({ dueAt: 1000, dropped: 0 });
    await digests.gather('feedone', post('m3'), 2000);
    expect(await digests.waiting('feedone', 'm1')).toBe(1000);
    expect(await digests.waiting('feedone', 'nope')).toBeUndefined();
    expect(await digests.feeds()).toEqual(['feedone']);

    await digests.markSent('feedone', { dueAt: 1000, part: 0, messageId: '900000000000000001' });
    await digests.markSent('feedone', { dueAt: 1000, part: 0, messageId: '900000000000000001' });
    const read = await digests.read('feedone');
    expect(read.entries.map((e) => [e.post.id, e.dueAt])).toEqual([
      ['m1', 1000],
      ['m2', 1000],
      ['m3', 2000],
    ]);
    expect(read.sent).toEqual([{ dueAt: 1000, part: 0, messageId: '900000000000000001' }]);
    // The whole post is kept, not only its id.
    expect(read.entries[0]!.post).toMatchObject({ kind: 'image', caption: 'caption m1' });

    await digests.finish('feedone', 1000);
    expect((await digests.read('feedone')).entries.map((e) => e.post.id)).toEqual(['m3']);
    expect((await digests.read('feedone')).sent).toEqual([]);
    expect(await digests.feeds()).toEqual(['feedone']);
    await digests.finish('feedone', 2000);
    expect(await digests.read('feedone')).toEqual({ entries: [], sent: [] });
    expect(await digests.feeds()).toEqual([]);
  });

  it("stores a feed's digest schedule, changes it and clears it", async () => {
    const feed = await storage.feeds.add({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'account', instagramUserId: '3001' },
      ownerDiscordUserId: '300000000000000001',
      ownerInstagramUserId: '3001',
      createdBy: '300000000000000001',
      delivery: { mode: 'message' },
    });
    expect(feed.digest).toBeUndefined();
    await storage.feeds.update(feed.id, { digest: { every: 'daily', at: '07:30' } });
    expect((await storage.feeds.get(feed.id))?.digest).toEqual({ every: 'daily', at: '07:30' });
    await storage.feeds.update(feed.id, { digest: { every: 'hourly' } });
    expect((await storage.feeds.get(feed.id))?.digest).toEqual({ every: 'hourly' });
    await expect(storage.feeds.update(feed.id, { digest: { every: 'daily', at: '7pm' } })).rejects.toThrow();
    await storage.feeds.update(feed.id, { digest: null });
    expect((await storage.feeds.get(feed.id))?.digest).toBeUndefined();
  });
});
