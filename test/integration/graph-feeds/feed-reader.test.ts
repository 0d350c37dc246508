// The Graph feed reader against the Graph emulator over HTTP, with a real seen-set store (SQLite): what a poll reads
// of the linked account's own posts and stories from igcord's own cursor. One call when nothing is new, carousel
// children in that same call, a walk down several pages to the cursor, a cursor whose post was deleted, and
// stories handed over once however the cursor falls — noted as seen only once handed over, so a read that was not
// handed over (a crash) is read again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import type { FeedReader, InstagramAuth, ReadCursor } from '../../../src/core/index.js';
import { createGraphFeedReader } from '../../../src/providers/graph/feed-reader.js';
import type { Storage } from '../../../src/storage/index.js';
import { createPlace, type TestPlace } from '../storage/backends.js';
import { clientFor, recordingGate, type RecordingGate } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 20, 12, 0, 0);
const EMPTY: ReadCursor = { mediaId: '0', createdTime: 0 };

describe('Graph feed reader', () => {
  let emu: GraphEmulator;
  let place: TestPlace;
  let storage: Storage;
  let gate: RecordingGate;
  let reader: FeedReader;
  let auth: InstagramAuth;
  const read = { priority: 'background' as const, maxItems: 100 };

  beforeEach(async () => {
    emu = await startGraphEmulator({ seed: 'graph-feed-reader', now: START, frozenClock: true });
    place = await createPlace('sqlite');
    storage = await place.open({ now: () => emu.admin.now() });
    gate = recordingGate();
    reader = createGraphFeedReader(clientFor(emu, 'instagram', gate), {
      seen: storage.seen,
      now: () => emu.admin.now(),
    });
    const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    auth = { userId: studio.id, accessToken: emu.admin.mintToken({ account: 'igcord.studio' }).access_token };
  });
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
    await emu?.close();
  });

  const own = () => ({ kind: 'account' as const, instagramUserId: auth.userId });
  const stories = () => ({ kind: 'stories' as const, instagramUserId: auth.userId });
  const at = (post: { id: string; time: number }): ReadCursor => ({ mediaId: post.id, createdTime: post.time });
  const later = (s: number) => emu.admin.advance(s * 1000);

  it('reads nothing new in one call, and a new carousel with its children in that same call', async () => {
    const newest = (await reader.readNewest(auth, own(), 1, read)).media[0]!;
    gate.calls.length = 0;
    const none = await reader.readNew(auth, own(), at(newest), read);
    expect(none).toMatchObject({ media: [], calls: 1, more: false });
    later(5);
    emu.admin.postMedia('igcord.studio', { type: 'carousel', children: ['image', 'video', 'image'], caption: 'Three' });
    const one = await reader.readNew(auth, own(), at(newest), read);
    expect(one.calls).toBe(1);
    expect(one.media.map((p) => [p.kind, p.items.length, p.caption])).toEqual([['carousel', 3, 'Three']]);
    expect(gate.calls).toHaveLength(2);
  });

  it('walks down every new page to the cursor, oldest first, and past a cursor whose post was deleted', async () => {
    const newest = (await reader.readNewest(auth, own(), 1, read)).media[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      later(1);
      ids.push(emu.admin.postMedia('igcord.studio', { caption: `n${i}` }).id);
    }
    const all = await reader.readNew(auth, own(), at(newest), read);
    expect(all.calls).toBe(3);
    expect(all.media.map((p) => p.id)).toEqual(ids);

    const capped = await reader.readNew(auth, own(), at(newest), { ...read, maxItems: 10 });
    expect(capped.media.map((p) => p.id)).toEqual(ids.slice(0, 10));
    expect(capped.more).toBe(true);

    // The cursor's post is gone: the walk stops at the first older one, and loses nothing newer.
    const cursor = all.media[29]!;
    emu.admin.deleteMedia(cursor.id);
    const after = await reader.readNew(auth, own(), at(cursor), read);
    expect(after.media.map((p) => p.id)).toEqual(ids.slice(30));
  });

  it('hands a story over once however the cursor falls, noting it only once handed over', async () => {
    // The seeded world may have a story up already: start after it, as a new feed does.
    const seeded = (await reader.readNewest(auth, stories(), 1, read)).media[0];
    const start = seeded === undefined ? EMPTY : at(seeded);
    later(1);
    const shared = emu.admin.now();
    const first = emu.admin.postMedia('igcord.studio', { type: 'story', caption: 'one', timestamp: shared }).id;
    const second = emu.admin.postMedia('igcord.studio', { type: 'story', caption: 'two', timestamp: shared }).id;
    later(1);
    const read1 = await reader.readNew(auth, stories(), start, read);
    expect(read1.media.map((p) => p.kind)).toEqual(['story', 'story']);
    // Not handed over (a crash before the feeds held them): read again.
    const again = await reader.readNew(auth, stories(), start, read);
    expect(again.media.map((p) => p.id).sort()).toEqual([first, second].sort());

    await reader.handedOver!(stories(), again.media);
    // A cursor at the older of the two, same second: the newer one is not read as new a second time.
    const oldest = again.media[0]!;
    expect((await reader.readNew(auth, stories(), at(oldest), read)).media).toEqual([]);
    expect((await reader.readNew(auth, stories(), start, read)).media).toEqual([]);

    later(60);
    const third = emu.admin.postMedia('igcord.studio', { type: 'story', caption: 'three' }).id;
    expect((await reader.readNew(auth, stories(), at(oldest), read)).media.map((p) => p.id)).toEqual([third]);
  });

  it('takes a story that expired before it was read as nothing, without an error', async () => {
    emu.admin.postMedia('igcord.studio', { type: 'story', caption: 'gone', timestamp: emu.admin.now() - 1000 });
    later(24 * 3600);
    const result = await reader.readNew(auth, stories(), EMPTY, read);
    expect(result).toMatchObject({ media: [], calls: 1 });
  });
});
