// igcord's client against the emulator, one test per endpoint of reference §2, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '../../../src/providers/v1/api-call.js';
import { pkToShortcode } from '../../../src/providers/v1/media-url.js';
import type { Media } from '../../../src/providers/v1/schemas.js';
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

let world: EmulatorWorld;
let alice: SeededUser;
let bob: SeededUser;
let carol: SeededUser;
let aliceAuth: Auth;
let carolAuth: Auth;

beforeAll(async () => {
  world = await startWorld();
  [alice, bob] = world.publicUsers as [SeededUser, SeededUser];
  carol = world.privateUsers.find((u) => u.requested_by.length > 0)!;
  aliceAuth = world.auth(alice);
  carolAuth = world.auth(carol);
});
afterAll(() => world?.close());

const newest = async (auth: Auth, userId?: string): Promise<Media> => {
  const page = await world.client.users.recentMedia(auth, { userId, count: 1 });
  expect(page.data).toHaveLength(1);
  return page.data[0]!;
};

describe('users (§2.1)', () => {
  it('GET /users/self with a pasted token tells whose it is, charged to the app key', async () => {
    expect((await world.client.users.verifyToken(aliceAuth.accessToken)).data.id).toBe(alice.id);
  });

  it('GET /users/self answers the token owner with counts and the budget headers', async () => {
    const self = await world.client.users.self(aliceAuth);
    expect(self.data).toMatchObject({ id: alice.id, username: alice.username });
    expect(self.data.counts.media).toBeGreaterThan(0);
    expect(self.rateLimit.limit).toBe(500);
    expect(self.rateLimit.remaining).toBeLessThan(500);
  });

  it('GET /users/{id} answers another sandbox user', async () => {
    expect((await world.client.users.get(aliceAuth, bob.id)).data).toMatchObject({
      id: bob.id,
      username: bob.username,
    });
  });

  it('GET /users/self/media/recent answers the owner’s media newest first', async () => {
    const page = await world.client.users.recentMedia(aliceAuth, { count: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.data.every((m) => m.user.id === alice.id)).toBe(true);
    const times = page.data.map((m) => Number(m.created_time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.nextCursor).toBe(page.data[4]!.id);
  });

  it('GET /users/{id}/media/recent answers another user’s media, and min_id only newer ones', async () => {
    const page = await world.client.users.recentMedia(aliceAuth, { userId: bob.id, count: 3 });
    expect(page.data.every((m) => m.user.id === bob.id)).toBe(true);
    const newer = await world.client.users.recentMedia(aliceAuth, { userId: bob.id, minId: page.data[1]!.id });
    expect(newer.data.map((m) => m.id)).toEqual([page.data[0]!.id]);
  });

  it('GET /users/self/media/liked answers what the owner liked, the latest like first', async () => {
    const target = await newest(aliceAuth, bob.id);
    await world.client.likes.like(aliceAuth, target.id);
    const liked = await world.client.users.likedMedia(aliceAuth);
    expect(liked.data[0]?.id).toBe(target.id);
    expect(liked.data[0]?.user_has_liked).toBe(true);
  });

  it('GET /users/search finds a user by name', async () => {
    const found = await world.client.users.search(aliceAuth, bob.username.slice(0, 4));
    expect(found.data.map((u) => u.id)).toContain(bob.id);
  });
});

describe('relationships (§2.2)', () => {
  it('GET /users/self/follows and /followed-by answer short users that the relationship endpoint confirms', async () => {
    const follows = await world.client.relationships.follows(aliceAuth);
    expect(follows.data.length).toBeGreaterThan(0);
    const first = follows.data[0]!;
    expect((await world.client.relationships.status(aliceAuth, first.id)).data.outgoing_status).toBe('follows');
    const followers = await world.client.relationships.followedBy(aliceAuth);
    for (const f of followers.data.slice(0, 2)) {
      expect((await world.client.relationships.status(aliceAuth, f.id)).data.incoming_status).toBe('followed_by');
    }
  });

  it('GET /users/self/requested-by answers the pending requests of a private user, unpaged', async () => {
    const page = await world.client.relationships.requestedBy(carolAuth);
    expect(page.data.map((u) => u.id).sort()).toEqual([...carol.requested_by].sort());
    expect(page.next).toBeUndefined();
  });

  it('GET /users/{id}/relationship answers all three fields', async () => {
    const status = await world.client.relationships.status(aliceAuth, carol.id);
    expect(status.data.target_user_is_private).toBe(true);
    expect(['follows', 'requested', 'none']).toContain(status.data.outgoing_status);
  });

  it('POST /users/{id}/relationship follows and unfollows a public user, and only requests a private one', async () => {
    await world.client.relationships.act(aliceAuth, bob.id, 'unfollow');
    expect((await world.client.relationships.act(aliceAuth, bob.id, 'follow')).data.outgoing_status).toBe('follows');
    expect((await world.client.relationships.act(aliceAuth, bob.id, 'unfollow')).data.outgoing_status).toBe('none');
    // A private user alice neither follows nor has asked to follow: a follow can only become a request.
    let stranger: SeededUser | undefined;
    for (const candidate of world.privateUsers) {
      if ((await world.client.relationships.status(aliceAuth, candidate.id)).data.outgoing_status === 'none')
        stranger = candidate;
    }
    expect(stranger).toBeDefined();
    expect((await world.client.relationships.act(aliceAuth, stranger!.id, 'follow')).data.outgoing_status).toBe(
      'requested',
    );
    expect((await world.client.relationships.status(aliceAuth, stranger!.id)).data.outgoing_status).toBe('requested');
  });

  it('POST /users/{id}/relationship approves one pending request and ignores another', async () => {
    const [first, second] = carol.requested_by as [string, string];
    await world.client.relationships.act(carolAuth, first, 'approve');
    expect((await world.client.relationships.status(carolAuth, first)).data.incoming_status).toBe('followed_by');
    await world.client.relationships.act(carolAuth, second, 'ignore');
    expect((await world.client.relationships.status(carolAuth, second)).data.incoming_status).toBe('none');
    expect((await world.client.relationships.requestedBy(carolAuth)).data.map((u) => u.id)).not.toContain(first);
  });
});

describe('media (§2.3)', () => {
  it('GET /media/{id} answers the media with a link whose shortcode igcord computes from the id', async () => {
    const m = await newest(aliceAuth);
    const byId = await world.client.media.get(aliceAuth, m.id);
    expect(byId.data.id).toBe(m.id);
    expect(byId.data.link).toBe(`https://www.instagram.com/p/${pkToShortcode(m.id)}/`);
  });

  it('GET /media/shortcode/{code} answers the same body as by id, also from a pasted link', async () => {
    const m = await newest(aliceAuth, bob.id);
    const byId = await world.client.media.get(aliceAuth, m.id);
    const byCode = await world.client.media.byShortcode(aliceAuth, pkToShortcode(m.id));
    expect(byCode.data).toEqual(byId.data);
    expect((await world.client.media.byUrl(aliceAuth, `${m.link}?igshid=x`)).data).toEqual(byId.data);
  });

  it('GET /media/search answers located media within the distance, each with its distance', async () => {
    const located = (await world.client.users.recentMedia(aliceAuth, { count: 20 })).data.find(
      (m) => m.location?.latitude != null,
    )!;
    const found = await world.client.media.search(aliceAuth, {
      lat: located.location!.latitude!,
      lng: located.location!.longitude!,
      distance: 100,
    });
    expect(found.data.length).toBeGreaterThan(0);
    expect(found.data.every((m) => m.distance !== undefined && m.distance <= 100)).toBe(true);
  });
});

describe('comments (§2.4)', () => {
  it('GET, POST and DELETE /media/{id}/comments list, add and remove a comment', async () => {
    const m = await newest(aliceAuth, bob.id);
    const text = `Lovely light ${Date.now()}`;
    expect((await world.client.comments.create(aliceAuth, m.id, text)).data).toBeNull();
    const mine = (await world.client.comments.list(aliceAuth, m.id)).data.find((c) => c.text === text);
    expect(mine?.from.id).toBe(alice.id);
    expect(mine?.id).toMatch(/^\d{17}$/);
    expect((await world.client.comments.remove(aliceAuth, m.id, mine!.id)).data).toBeNull();
    expect((await world.client.comments.list(aliceAuth, m.id)).data.map((c) => c.id)).not.toContain(mine!.id);
  });
});

describe('likes (§2.5)', () => {
  it('GET, POST and DELETE /media/{id}/likes list, add and remove the owner’s like', async () => {
    const m = (await world.client.users.recentMedia(aliceAuth, { userId: bob.id, count: 2 })).data[1]!;
    await world.client.likes.unlike(aliceAuth, m.id);
    expect((await world.client.likes.list(aliceAuth, m.id)).data.map((u) => u.id)).not.toContain(alice.id);
    expect((await world.client.likes.like(aliceAuth, m.id)).data).toBeNull();
    expect((await world.client.likes.list(aliceAuth, m.id)).data.map((u) => u.id)).toContain(alice.id);
    expect((await world.client.media.get(aliceAuth, m.id)).data.user_has_liked).toBe(true);
    await world.client.likes.unlike(aliceAuth, m.id);
    expect((await world.client.likes.list(aliceAuth, m.id)).data.map((u) => u.id)).not.toContain(alice.id);
  });
});

describe('tags (§2.6)', () => {
  it('GET /tags/{name}, /tags/{name}/media/recent and /tags/search agree on a tag', async () => {
    const tagged = (await world.client.users.recentMedia(aliceAuth, { count: 20 })).data.find(
      (m) => m.tags.length > 0,
    )!;
    const name = tagged.tags[0]!;
    const info = await world.client.tags.get(aliceAuth, `#${name}`);
    expect(info.data.name).toBe(name);
    expect(info.data.media_count).toBeGreaterThan(0);
    const recent = await world.client.tags.recentMedia(aliceAuth, name, { count: 5 });
    expect(recent.data.every((m) => m.tags.includes(name))).toBe(true);
    expect(recent.pagination.min_tag_id).toBeDefined();
    const search = await world.client.tags.search(aliceAuth, name);
    expect(search.data[0]?.name).toBe(name);
  });

  it('URL-encodes a non-ASCII tag name on its way to the API', async () => {
    const owner = world.users.find((u) => u.id === alice.id)!;
    world.emulator.admin.postMedia(owner.id, { caption: 'Kahvila #café' });
    const recent = await world.client.tags.recentMedia(aliceAuth, 'café');
    expect(recent.data[0]?.tags).toContain('café');
  });
});

describe('locations (§2.7)', () => {
  it('GET /locations/{id}, /locations/{id}/media/recent and /locations/search find the same place', async () => {
    const located = (await world.client.users.recentMedia(aliceAuth, { count: 20 })).data.find(
      (m) => m.location?.id != null,
    )!;
    const id = located.location!.id!;
    const place = await world.client.locations.get(aliceAuth, id);
    expect(place.data).toMatchObject({ id, name: located.location!.name });
    const recent = await world.client.locations.recentMedia(aliceAuth, id);
    expect(recent.data.every((m) => m.location?.id === id)).toBe(true);
    expect(recent.data.map((m) => m.id)).toContain(located.id);
    const near = await world.client.locations.search(aliceAuth, {
      lat: place.data.latitude!,
      lng: place.data.longitude!,
      distance: 50,
    });
    expect(near.data[0]?.id).toBe(id);
  });

  it('GET /locations/search by facebook_places_id answers a list (empty for an unknown place)', async () => {
    const found = await world.client.locations.search(aliceAuth, { facebookPlacesId: '1' });
    expect(found.data).toEqual([]);
  });
});
