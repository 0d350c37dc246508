// The comments and mentions sources of the Graph feed reader against the Graph emulator over HTTP, with real
// seen-set and webhook event stores (SQLite): a poll is one call; a comment is handed over once whether the poll,
// the webhook or both see it; a comment on a post older than the poll covers comes from its webhook event, read by
// id; an event is acknowledged only once what it names is handed over (a crash in between reads it again), and a
// reader built again on the same storage (a restart) repeats nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import type { FeedReader, InstagramAuth, Post, ReadCursor } from '../../../src/core/index.js';
import { createGraphFeedReader } from '../../../src/providers/graph/feed-reader.js';
import type { Storage } from '../../../src/storage/index.js';
import { createPlace, type TestPlace } from '../storage/backends.js';
import { clientFor, recordingGate, type RecordingGate } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('Graph feed reader: comments and mentions', () => {
  let emu: GraphEmulator;
  let place: TestPlace;
  let storage: Storage;
  let gate: RecordingGate;
  let reader: FeedReader;
  let auth: InstagramAuth;
  const read = { priority: 'background' as const, maxItems: 100 };

  const makeReader = () =>
    createGraphFeedReader(clientFor(emu, 'instagram', gate), {
      seen: storage.seen,
      events: storage.webhookEvents,
      now: () => emu.admin.now(),
    });

  beforeEach(async () => {
    emu = await startGraphEmulator({ seed: 'graph-comment-reader', now: START, frozenClock: true });
    place = await createPlace('sqlite');
    storage = await place.open({ now: () => emu.admin.now() });
    gate = recordingGate();
    reader = makeReader();
    const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    auth = { userId: studio.id, accessToken: emu.admin.mintToken({ account: 'igcord.studio' }).access_token };
  });
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
    await emu?.close();
  });

  const comments = () => ({ kind: 'comments' as const, instagramUserId: auth.userId });
  const mentions = () => ({ kind: 'mentions' as const, instagramUserId: auth.userId });
  const at = (post: { id: string; time: number }): ReadCursor => ({ mediaId: post.id, createdTime: post.time });
  const later = (s: number) => emu.admin.advance(s * 1000);
  /** Where a new feed starts: after the newest comment now, as the engine's start does. */
  async function start(
    source: { kind: 'comments' | 'mentions'; instagramUserId: string } = comments(),
  ): Promise<ReadCursor> {
    const { media, minTagId } = await reader.readNewest(auth, source, 1, read);
    const newest = media[0];
    const cursor = newest === undefined ? { mediaId: '0', createdTime: 0 } : at(newest);
    return minTagId === undefined ? cursor : { ...cursor, minTagId };
  }
  const event = (
    id: string,
    commentId: string | undefined,
    mediaId: string,
    field: 'comments' | 'mentions' = 'comments',
  ) => storage.webhookEvents.record([{ id, accountId: auth.userId, field, commentId, mediaId, time: emu.admin.now() }]);
  const ids = (posts: readonly Post[]) => posts.map((p) => p.id);

  it('reads nothing new in one call, a new comment once with its post, and never the account’s own', async () => {
    const cursor = await start();
    gate.calls.length = 0;
    expect(await reader.readNew(auth, comments(), cursor, read)).toMatchObject({ media: [], calls: 1 });
    later(5);
    const media = emu.admin.postMedia('igcord.studio', { type: 'image', caption: 'Shelves' });
    const visitor = emu.admin.postComment({ mediaId: media.id, from: 'visitor.one', text: 'nice' });
    emu.admin.postComment({ mediaId: media.id, from: 'igcord.studio', text: 'thanks all' });
    const got = await reader.readNew(auth, comments(), cursor, read);
    expect(got.calls).toBe(1);
    expect(ids(got.media)).toEqual([visitor.id]);
    expect(got.media[0]).toMatchObject({
      caption: 'nice',
      author: { username: 'visitor.one' },
      commentOn: { postId: media.id, postCaption: 'Shelves', ownerId: auth.userId },
    });
    await reader.handedOver!(comments(), got.media);
    expect((await reader.readNew(auth, comments(), at(got.media[0]!), read)).media).toEqual([]);
    expect(gate.calls).toHaveLength(3);
  });

  it('hands a comment that both the webhook and the poll saw over once, acknowledging its event only then', async () => {
    const cursor = await start();
    later(5);
    const media = emu.admin.postMedia('igcord.studio', { type: 'image', caption: 'Both' });
    const c = emu.admin.postComment({ mediaId: media.id, from: 'visitor.two', text: 'seen twice' });
    await event('e-both', c.id, media.id);
    const first = await reader.readNew(auth, comments(), cursor, read);
    expect(first).toMatchObject({ calls: 1 });
    expect(ids(first.media)).toEqual([c.id]);
    // Not handed over yet (a crash): the event stays pending, and the comment is read again.
    expect(await storage.webhookEvents.listPending(auth.userId, 'comments')).toHaveLength(1);
    expect(ids((await reader.readNew(auth, comments(), cursor, read)).media)).toEqual([c.id]);
    await reader.handedOver!(comments(), first.media);
    expect(await storage.webhookEvents.listPending(auth.userId, 'comments')).toEqual([]);
    // A restart: a new reader on the same storage repeats nothing, even from the old cursor.
    reader = makeReader();
    expect((await reader.readNew(auth, comments(), cursor, read)).media).toEqual([]);
  });

  it('reads a comment on an older post than the poll covers from its webhook event, by id', async () => {
    const old = emu.admin.postMedia('igcord.studio', {
      type: 'image',
      caption: 'Old one',
      timestamp: START - 3_600_000,
    });
    for (let i = 0; i < 12; i++) emu.admin.postMedia('igcord.studio', { caption: `newer ${i}` });
    const cursor = await start();
    later(5);
    const c = emu.admin.postComment({ mediaId: old.id, from: 'visitor.one', text: 'found the old one' });
    // Without the webhook, the poll does not reach that post.
    expect((await reader.readNew(auth, comments(), cursor, read)).media).toEqual([]);
    await event('e-old', c.id, old.id);
    gate.calls.length = 0;
    const got = await reader.readNew(auth, comments(), cursor, read);
    expect(ids(got.media)).toEqual([c.id]);
    expect(got.media[0]!.commentOn).toMatchObject({ postId: old.id, postCaption: 'Old one' });
    expect(got.calls).toBe(3);
    await reader.handedOver!(comments(), got.media);
    expect(await storage.webhookEvents.listPending(auth.userId, 'comments')).toEqual([]);
    expect((await reader.readNew(auth, comments(), cursor, read)).media).toEqual([]);
  });

  it('reads a comment whose webhook comes late, after a newer comment moved the cursor past it, once', async () => {
    const old = emu.admin.postMedia('igcord.studio', { type: 'image', caption: 'Old', timestamp: START - 3_600_000 });
    for (let i = 0; i < 12; i++) emu.admin.postMedia('igcord.studio', { caption: `newer ${i}` });
    const cursor = await start();
    later(5);
    const late = emu.admin.postComment({ mediaId: old.id, from: 'visitor.one', text: 'webhook comes late' });
    later(60);
    const recent = emu.admin.postMedia('igcord.studio', { caption: 'recent' });
    const newer = emu.admin.postComment({ mediaId: recent.id, from: 'visitor.two', text: 'polled first' });
    const first = await reader.readNew(auth, comments(), cursor, read);
    expect(ids(first.media)).toEqual([newer.id]);
    await reader.handedOver!(comments(), first.media);
    // The cursor moves past the late comment's time, keeping where the feed started.
    const moved = { ...at(first.media[0]!), ...(first.minTagId !== undefined ? { minTagId: first.minTagId } : {}) };
    // Meta redelivers the late comment's event (its first delivery failed).
    await event('e-late', late.id, old.id);
    const got = await reader.readNew(auth, comments(), moved, read);
    expect(ids(got.media)).toEqual([late.id]);
    await reader.handedOver!(comments(), got.media);
    expect(await storage.webhookEvents.listPending(auth.userId, 'comments')).toEqual([]);
    expect((await reader.readNew(auth, comments(), moved, read)).media).toEqual([]);
  });

  it('acknowledges at once an event about a comment that is gone or older than the feed', async () => {
    const media = emu.admin.postMedia('igcord.studio', { type: 'image', caption: 'Before' });
    const before = emu.admin.postComment({ mediaId: media.id, from: 'visitor.one', text: 'before the feed' });
    later(5);
    const cursor = await start();
    await event('e-before', before.id, media.id);
    await event('e-gone', '17999999999999999', media.id);
    const got = await reader.readNew(auth, comments(), cursor, read);
    expect(got.media).toEqual([]);
    expect(await storage.webhookEvents.listPending(auth.userId, 'comments')).toEqual([]);
  });

  it('hands a post tagging the account over once, from the poll or its mention event', async () => {
    const cursor = await start(mentions());
    later(5);
    const tagged = emu.admin.postMedia('lena.creates', { caption: 'With the studio', tagged: ['igcord.studio'] });
    await event('m-1', undefined, tagged.id, 'mentions');
    const got = await reader.readNew(auth, mentions(), cursor, read);
    expect(got.calls).toBe(1);
    expect(ids(got.media)).toEqual([tagged.id]);
    expect(got.media[0]!.people.map((p) => p.id)).toContain(auth.userId);
    await reader.handedOver!(mentions(), got.media);
    expect(await storage.webhookEvents.listPending(auth.userId, 'mentions')).toEqual([]);
    expect((await reader.readNew(auth, mentions(), cursor, read)).media).toEqual([]);
  });
});
