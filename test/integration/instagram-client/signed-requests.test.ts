// Signed requests (reference §5.1) against an emulator app that enforces them: every call igcord makes carries a
// correct `sig` — reads, writes, app-level subscription calls, URL-encoded tag paths — and following `next_url`
// (which comes back unsigned) still works because the client re-signs it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '../../../src/providers/v1/api-call.js';
import { answerChallenge } from '../../../src/providers/v1/subscriptions.js';
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

let world: EmulatorWorld;
let alice: SeededUser;
let auth: Auth;
let receiver: Server;

beforeAll(async () => {
  world = await startWorld({ signedRequests: true });
  alice = world.publicUsers[0]!;
  auth = world.auth(alice);
  receiver = createServer((req, res) => {
    const challenge = answerChallenge(new URL(req.url ?? '/', 'http://r').searchParams, 'vt');
    res.writeHead(challenge ? 200 : 403).end(challenge ?? '');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await world?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('signed requests against an enforcing emulator', () => {
  it('walks recent media page by page through re-signed next_urls', async () => {
    world.emulator.admin.clearRequests();
    const ids = await world.client.collect(() => world.client.users.recentMedia(auth, { count: 3 }));
    expect(ids).toHaveLength(20);
    const log = world.emulator.admin.requests();
    expect(log).toHaveLength(7);
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });

  it('signs writes (POST and DELETE) in the form body and the query', async () => {
    const other = world.publicUsers[1]!;
    const media = (await world.client.users.recentMedia(auth, { userId: other.id, count: 1 })).data[0]!;
    await world.client.likes.like(auth, media.id);
    await world.client.likes.unlike(auth, media.id);
    await world.client.comments.create(auth, media.id, 'Signed and sent');
    expect((await world.client.relationships.act(auth, other.id, 'follow')).data.outgoing_status).toBe('follows');
  });

  it('signs the decoded path of a non-ASCII tag', async () => {
    world.emulator.admin.postMedia(alice.id, { caption: 'Kahvila #kahvilä' });
    const recent = await world.client.tags.recentMedia(auth, 'kahvilä');
    expect(recent.data[0]?.tags).toContain('kahvilä');
  });

  it('signs app-level subscription calls made with client_id and client_secret', async () => {
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await world.client.subscriptions.create({ callbackUrl, verifyToken: 'vt' });
    expect((await world.client.subscriptions.list()).data.map((s) => s.id)).toContain(created.data.id);
    await world.client.subscriptions.remove({ id: created.data.id });
  });
});
