// Walking every paginated endpoint of reference §1.3 to its end against the emulator: with small pages the walk
// must yield each item exactly once and the same items, in the same order, as a walk with large pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth, Page } from '../../../src/providers/v1/api-call.js';
import { iteratePages } from '../../../src/providers/v1/paginate.js';
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

let world: EmulatorWorld;
let alice: SeededUser;
let bob: SeededUser;
let auth: Auth;

beforeAll(async () => {
  world = await startWorld();
  [alice, bob] = world.publicUsers as [SeededUser, SeededUser];
  auth = world.auth(alice);
});
afterAll(() => world?.close());

/** Walks to the end; returns the ids in order and how many pages it took. */
async function walk<T extends { id: string }>(
  first: () => Promise<Page<T>>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for await (const page of iteratePages(first)) {
    pages += 1;
    ids.push(...page.data.map((item) => item.id));
  }
  return { ids, pages };
}

function expectOnce(ids: string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
}

describe('walking paginated endpoints to the end', () => {
  it('/users/self/media/recent (next_max_id): the owner’s 20 sandbox media, each once', async () => {
    const small = await walk(() => world.client.users.recentMedia(auth, { count: 3 }));
    expect(small.pages).toBe(7);
    expectOnce(small.ids);
    expect(small.ids).toHaveLength((await world.client.users.self(auth)).data.counts.media);
    expect(small.ids).toEqual((await walk(() => world.client.users.recentMedia(auth, { count: 33 }))).ids);
    expect(await world.client.collect(() => world.client.users.recentMedia(auth, { count: 3 }))).toHaveLength(
      small.ids.length,
    );
  });

  it('/users/{id}/media/recent (next_max_id): another user’s media, each once', async () => {
    const small = await walk(() => world.client.users.recentMedia(auth, { userId: bob.id, count: 4 }));
    expectOnce(small.ids);
    expect(small.ids).toEqual(
      (await walk(() => world.client.users.recentMedia(auth, { userId: bob.id, count: 33 }))).ids,
    );
  });

  it('/users/self/media/liked (next_max_like_id): every liked media once, the latest like first', async () => {
    const targets = (await world.client.users.recentMedia(auth, { userId: bob.id, count: 5 })).data;
    // Unlike first: a media liked in the seeded world would keep its old place in the list.
    for (const m of targets) await world.client.likes.unlike(auth, m.id);
    for (const m of [...targets].reverse()) await world.client.likes.like(auth, m.id);
    const small = await walk(() => world.client.users.likedMedia(auth, { count: 2 }));
    expect(small.pages).toBeGreaterThan(2);
    expectOnce(small.ids);
    expect(small.ids.slice(0, 5)).toEqual(targets.map((m) => m.id));
    expect(small.ids).toEqual((await walk(() => world.client.users.likedMedia(auth, { count: 33 }))).ids);
  });

  it('/users/self/follows and /followed-by (next_cursor): every user once, as many as the counts say', async () => {
    const counts = (await world.client.users.self(auth)).data.counts;
    const follows = await walk(() => world.client.relationships.follows(auth, { count: 2 }));
    expect(follows.pages).toBeGreaterThan(1);
    expectOnce(follows.ids);
    expect(follows.ids).toHaveLength(counts.follows);
    const followers = await walk(() => world.client.relationships.followedBy(auth, { count: 2 }));
    expectOnce(followers.ids);
    expect(followers.ids).toHaveLength(counts.followed_by);
  });

  it('/users/self/requested-by (pagination {}): one page with every pending request', async () => {
    const carol = world.privateUsers.find((u) => u.requested_by.length > 0)!;
    const all = await walk(() => world.client.relationships.requestedBy(world.auth(carol)));
    expect(all.pages).toBe(1);
    expect([...all.ids].sort()).toEqual([...carol.requested_by].sort());
  });

  it('/tags/{name}/media/recent (next_max_tag_id): every tagged media once', async () => {
    const tags = await world.client.tags.search(auth, 's');
    const busiest = tags.data.reduce((a, b) => (b.media_count > a.media_count ? b : a));
    const small = await walk(() => world.client.tags.recentMedia(auth, busiest.name, { count: 3 }));
    expect(small.pages).toBeGreaterThan(2);
    expectOnce(small.ids);
    expect(small.ids).toEqual((await walk(() => world.client.tags.recentMedia(auth, busiest.name, { count: 33 }))).ids);
  });

  it('/locations/{id}/media/recent (next_max_id): every media of the place once', async () => {
    const media = (await world.client.users.recentMedia(auth, { count: 20 })).data.find((m) => m.location?.id != null)!;
    const id = media.location!.id!;
    const small = await walk(() => world.client.locations.recentMedia(auth, id, { count: 2 }));
    expect(small.pages).toBeGreaterThan(1);
    expectOnce(small.ids);
    expect(small.ids).toContain(media.id);
    expect(small.ids).toEqual((await walk(() => world.client.locations.recentMedia(auth, id, { count: 33 }))).ids);
  });

  it('polling a tag with min_tag_id yields only media tagged since', async () => {
    const first = await world.client.tags.recentMedia(auth, 'igcord', { count: 33 });
    const since = first.pagination.min_tag_id;
    const posted = world.emulator.admin.postMedia(bob.id, { caption: 'New #igcord post' }) as { id: string };
    const newer = await world.client.tags.recentMedia(auth, 'igcord', { minTagId: since });
    expect(newer.data.map((m) => m.id)).toEqual([posted.id]);
  });
});
