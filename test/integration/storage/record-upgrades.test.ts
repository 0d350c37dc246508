// Records written by an older igcord still read after an upgrade, on every backend: a feed's pending list that
// held Platform API v1 media reads back as core posts, and a feed whose state was a word and a reason text reads
// back with the structured state that text meant, nothing lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postSchema } from '../../../src/core/index.js';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

/** A media as the Platform API v1 served it and igcord stored it in version-1 pending lists. */
const v1Media = (id: string, caption: string) => ({
  id,
  type: 'image',
  created_time: '1700000000',
  link: `https://www.instagram.com/p/${id}/`,
  tags: ['sea'],
  user: { id: '3001', username: 'lena', full_name: 'Lena', profile_picture: 'https://scontent.cdninstagram.com/p.jpg' },
  location: { id: 77, name: 'Harbour', latitude: 60.1, longitude: 24.9 },
  caption: { id: '1', created_time: '1700000000', text: caption, from: { id: '3001', username: 'lena' } },
  likes: { count: 4 },
  comments: { count: 2 },
  images: {
    thumbnail: { url: 'https://scontent.cdninstagram.com/t.jpg', width: 150, height: 150 },
    low_resolution: { url: 'https://scontent.cdninstagram.com/l.jpg', width: 320, height: 320 },
    standard_resolution: { url: 'https://scontent.cdninstagram.com/s.jpg', width: 640, height: 640 },
  },
  users_in_photo: [{ user: { username: 'mika' }, position: { x: 0.5, y: 0.5 } }],
});

describe.each(BACKENDS)('stored records from an older igcord on %s', (backend) => {
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

  const OLD_TOKEN_REASON =
    "Paused: the owner's Instagram link stopped working (token revoked or expired). The owner runs /instagram link again and the feed resumes by itself.";
  const OLD_UNLINKED_REASON =
    'Paused because its owner unlinked their Instagram account; it resumes when they link that account again.';

  it.each([
    ['active', undefined, { kind: 'active' }],
    [
      'paused',
      OLD_TOKEN_REASON,
      {
        kind: 'paused',
        by: 'owner-link-broken',
        since: 1_740_000_000_000,
        detail: 'token revoked or expired',
        instagramUserId: '3001',
      },
    ],
    [
      'paused',
      OLD_UNLINKED_REASON,
      { kind: 'paused', by: 'owner-unlinked', since: 1_740_000_000_000, instagramUserId: '3001' },
    ],
    [
      'paused',
      'paused by <@300000000000000007> <t:1740000000:R>',
      { kind: 'paused', by: 'person', since: 1_740_000_000_000, detail: '300000000000000007' },
    ],
    [
      'disabled',
      'Discord error 50013: igcord lacks permission',
      { kind: 'disabled', reason: 'Discord error 50013: igcord lacks permission', since: 1_740_000_000_000 },
    ],
  ])('reads a version-1 feed %s with reason %j as its structured state', async (state, reason, expected) => {
    const feed = await storage.feeds.add({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'account', instagramUserId: '3001' },
      ownerDiscordUserId: '300000000000000001',
      ownerInstagramUserId: '3001',
      createdBy: '300000000000000001',
      delivery: { mode: 'message' },
    });
    const { state: _state, ...rest } = feed;
    const old = {
      ...rest,
      version: 1,
      state,
      ...(reason !== undefined ? { stateReason: reason } : {}),
      lastCheckAt: 1_740_000_000_000,
    };
    await place.rawWrite(`feed:${feed.id}`, JSON.stringify({ value: old }));
    const read = await storage.feeds.get(feed.id);
    expect(read).toEqual({ ...rest, version: 2, state: expected, lastCheckAt: 1_740_000_000_000 });
    expect(await storage.feeds.listByOwner('300000000000000001')).toEqual([read]);
  });

  it('reads a version-1 pending list of v1 media as core posts, in order, and keeps what it cannot map', async () => {
    const unreadable = { id: '3_1', type: 'hologram' };
    // The raw write replaces a stored value (SQLite and PostgreSQL update a row): store a list first.
    await storage.deliveries.handOver(['feed1'], [{ id: '0_1' }]);
    await place.rawWrite(
      'pending:feed1',
      JSON.stringify({
        value: { version: 1, media: [v1Media('1_3001', 'first'), unreadable, v1Media('2_3001', 'second')] },
      }),
    );
    const pending = await storage.deliveries.pendingMedia('feed1');
    expect(pending.map((p) => p.id)).toEqual(['1_3001', '3_1', '2_3001']);
    const first = postSchema.parse(pending[0]);
    expect(first).toEqual({
      id: '1_3001',
      kind: 'image',
      items: [
        {
          kind: 'image',
          url: 'https://scontent.cdninstagram.com/s.jpg',
          thumbnail: 'https://scontent.cdninstagram.com/t.jpg',
        },
      ],
      caption: 'first',
      author: { id: '3001', username: 'lena', name: 'Lena', avatar: 'https://scontent.cdninstagram.com/p.jpg' },
      permalink: 'https://www.instagram.com/p/1_3001/',
      location: { id: '77', name: 'Harbour', lat: 60.1, lng: 24.9 },
      tags: ['sea'],
      people: [{ username: 'mika' }],
      counts: { likes: 4, comments: 2 },
      time: 1700000000,
    });
    expect(postSchema.safeParse(pending[1]).success).toBe(false);
    // Dropping one rewrites the list in the current version, the others untouched.
    await storage.deliveries.dropPending('feed1', '1_3001');
    expect(JSON.parse((await place.rawRead('pending:feed1'))!)).toMatchObject({ value: { version: 2 } });
    expect((await storage.deliveries.pendingMedia('feed1')).map((p) => postSchema.safeParse(p).success)).toEqual([
      false,
      true,
    ]);
  });

  it('reads an account broken before its cause was data with its English reason, and a new break replaces it', async () => {
    await storage.accounts.link({
      discordUserId: '111111111111111111',
      instagramUserId: '9001',
      username: 'u',
      scopes: [],
      accessToken: 't',
    });
    const key = 'account:111111111111111111';
    const envelope = JSON.parse((await place.rawRead(key))!) as { value: Record<string, unknown> };
    envelope.value = { ...envelope.value, status: 'broken', brokenReason: 'its token expired', brokenAt: 1 };
    await place.rawWrite(key, JSON.stringify(envelope));
    const old = await storage.accounts.get('111111111111111111');
    expect(old).toMatchObject({ status: 'broken', brokenReason: 'its token expired' });
    expect(old?.brokenCause).toBeUndefined();
    const again = await storage.accounts.markBroken('111111111111111111', { cause: 'expired' });
    expect(again).toMatchObject({ status: 'broken', brokenCause: 'expired' });
    expect(again?.brokenReason).toBeUndefined();
  });
});
