// An emulator started from another's snapshot serves the same world: the users, the media posted since the seed,
// follows, and the access tokens it had issued (which still work), while the snapshot itself holds no token.
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseSnapshot,
  SnapshotError,
  startInstagramEmulator,
  type InstagramEmulator,
} from '../../../sandbox/instagram/index.js';
import { get } from './helpers.js';

describe('instagram emulator: snapshot and restore', () => {
  const started: InstagramEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.close()));
  });

  it('restores posted media, follows and working tokens, and the snapshot never contains a token', async () => {
    const first = await startInstagramEmulator({ seed: 'snapshot-test' });
    started.push(first);
    const [alice, bob] = first.admin.users();
    const { access_token: token } = first.admin.mintToken({ username: String(alice!.username) });
    const posted = first.admin.postMedia(String(alice!.username), { caption: 'Kept across restarts #snapshot' });
    const text = JSON.stringify(first.snapshot());
    expect(text).not.toContain(token);

    const second = await startInstagramEmulator({ seed: 'another-seed', restore: parseSnapshot(JSON.parse(text)) });
    started.push(second);
    expect(second.admin.users().map((u) => u.username)).toEqual(first.admin.users().map((u) => u.username));
    const recent = await get(second.url, '/users/self/media/recent', { access_token: token, count: '1' });
    expect(recent.status).toBe(200);
    expect(recent.body.data[0]).toMatchObject({ id: posted.id, caption: { text: 'Kept across restarts #snapshot' } });
    const follows = await get(second.url, '/users/self/follows', { access_token: token });
    const before = await get(first.url, '/users/self/follows', { access_token: token });
    expect(follows.body.data).toEqual(before.body.data);
    // A post after the restore gets a new id, newer than everything restored.
    const next = second.admin.postMedia(String(bob!.username), {});
    expect(BigInt(String(next.id).split('_')[0]!)).toBeGreaterThan(BigInt(String(posted.id).split('_')[0]!));
  });

  it('refuses a snapshot that is not one, saying what is wrong', () => {
    expect(() => parseSnapshot({ version: 1, world: { users: 'nobody' } })).toThrow(SnapshotError);
    expect(() => parseSnapshot({ version: 1, world: { users: 'nobody' } })).toThrow(/users/);
  });
});
