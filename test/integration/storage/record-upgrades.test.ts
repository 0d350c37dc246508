// Records written by an older igcord still read after an upgrade, on every backend: a feed's pending list that
// held Platform API v1 media reads back as core posts, nothing lost.
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

  it('reads a version-1 pending list of v1 media as core posts, in order, and keeps what it cannot map', async () => {
    const unreadable = { id: '3_1', type: 'hologram' };
    // The raw write replaces a stored value (SQLite and PostgreSQL update a row): store a list first.
    await storage.deliveries.handOver(['feed1'], [{ id: '0_1' }]);
    await place.rawWrite('pending:feed1', JSON.stringify({ value: { version: 1, media: [v1Media('1_3001', 'first'), unreadable, v1Media('2_3001', 'second')] } }));
    const pending = await storage.deliveries.pendingMedia('feed1');
    expect(pending.map((p) => p.id)).toEqual(['1_3001', '3_1', '2_3001']);
    const first = postSchema.parse(pending[0]);
    expect(first).toEqual({
      id: '1_3001',
      kind: 'image',
      items: [{ kind: 'image', url: 'https://scontent.cdninstagram.com/s.jpg', thumbnail: 'https://scontent.cdninstagram.com/t.jpg' }],
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
    expect((await storage.deliveries.pendingMedia('feed1')).map((p) => postSchema.safeParse(p).success)).toEqual([false, true]);
  });
});
