// Core's InstagramPort served by the Platform API v1 (src/providers/v1/port.ts), against the emulator over real
// HTTP: what a command gets is core's shape (profiles, people with ids, posts, places, pages that fetch their next
// page mapped the same way, relationships in core's words), and the same answers the v1 client gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../src/config.js';
import type { InstagramAuth, InstagramPort } from '../../../src/core/index.js';
import { createV1Port } from '../../../src/providers/v1/port.js';
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

let world: EmulatorWorld;
let port: InstagramPort;
let alice: SeededUser;
let bob: SeededUser;
let carol: SeededUser;
let aliceAuth: InstagramAuth;
let carolAuth: InstagramAuth;

beforeAll(async () => {
  world = await startWorld();
  port = createV1Port(world.client);
  [alice, bob] = world.publicUsers as [SeededUser, SeededUser];
  carol = world.privateUsers.find((u) => u.requested_by.length > 0)!;
  aliceAuth = world.auth(alice);
  carolAuth = world.auth(carol);
});
afterAll(() => world?.close());

describe('the v1 InstagramPort', () => {
  it('answers profiles in core shape, for the token owner, another user and a pasted token', async () => {
    const self = await port.users.self(aliceAuth);
    expect(self).toMatchObject({ id: alice.id, username: alice.username });
    expect(self.counts.posts).toBeGreaterThan(0);
    expect(self).not.toHaveProperty('data');
    expect((await port.users.get(aliceAuth, bob.id)).username).toBe(bob.username);
    expect((await port.verifyToken(aliceAuth.accessToken)).id).toBe(alice.id);
  });

  it('pages a user’s posts as core posts, the next page mapped the same way and never repeating the first', async () => {
    const first = await port.users.recentPosts(aliceAuth, { count: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.data[0]!.author.id).toBe(alice.id);
    expect(first.data[0]!.items.length).toBeGreaterThan(0);
    expect(first.next).toBeDefined();
    expect(first.nextCursor).toBeDefined();
    const second = await first.next!();
    expect(second.data[0]!.items.length).toBeGreaterThan(0);
    expect(second.data[0]!.id).not.toBe(first.data[0]!.id);
  });

  it('lists pending requests as people with ids, and says how two accounts stand in core’s words', async () => {
    const pending = await port.users.requests(carolAuth);
    expect(pending.data.map((u) => u.id).sort()).toEqual([...carol.requested_by].sort());
    const status = await port.users.relationship(aliceAuth, carol.id);
    expect(status.targetIsPrivate).toBe(true);
    expect(['follows', 'requested', 'none']).toContain(status.outgoing);
    const [first] = carol.requested_by as [string];
    await port.users.act(carolAuth, first, 'approve');
    expect((await port.users.relationship(carolAuth, first)).incoming).toBe('followed-by');
  });

  it('finds a place by id and around its point, with core coordinates', async () => {
    const located = (await port.users.recentPosts(aliceAuth, { count: 20 })).data.find(
      (p) => p.location?.id !== undefined,
    )!;
    const id = located.location!.id!;
    const place = await port.locations.get(aliceAuth, id);
    expect(place).toMatchObject({ id, name: located.location!.name });
    const near = await port.locations.search(aliceAuth, { lat: place.lat!, lng: place.lng!, distance: 50 });
    expect(near[0]?.id).toBe(id);
    expect((await port.locations.recentPosts(aliceAuth, id)).data.every((p) => p.location?.id === id)).toBe(true);
  });

  it('comments, reads the comment back with its author, and deletes it', async () => {
    const post = (await port.users.recentPosts(aliceAuth, { userId: bob.id, count: 1 })).data[0]!;
    await port.media.comment(aliceAuth, post.id, 'lovely light');
    const mine = (await port.media.comments(aliceAuth, post.id)).filter(
      (c) => c.author.id === alice.id && c.text === 'lovely light',
    );
    expect(mine).toHaveLength(1);
    await port.media.deleteComment(aliceAuth, post.id, mine[0]!.id);
    expect((await port.media.comments(aliceAuth, post.id)).map((c) => c.id)).not.toContain(mine[0]!.id);
  });

  it('serves v1’s capabilities and the scopes a link may ask for, the same the configuration accepts', () => {
    expect(port.capabilities.has('comments')).toBe(true);
    expect([...port.scopes]).toEqual(DEFAULT_SCOPES);
  });
});
