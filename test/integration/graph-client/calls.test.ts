// Every read and write the Graph client makes, against the emulator over HTTP, on both logins: each goes
// through the call gate keyed by the professional account id with the caller's priority, and comes back as
// core types (no Graph field names): own profile, own media with carousel children in one call and cursor
// paging that walks each item once, media by id, stories, tags, comments (list, replies, create, reply, hide,
// delete) and insights of a media and of the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { postSchema } from '../../../src/core/post.js';
import type { GraphAuth, GraphClient } from '../../../src/providers/graph/client.js';
import { GraphParameterError } from '../../../src/providers/graph/errors.js';
import { clientFor, recordingGate, type RecordingGate } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'client-calls', now: START, frozenClock: true });
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
});
afterAll(() => emu.close());

const GRAPH_FIELD =
  /"(media_type|media_product_type|media_url|thumbnail_url|like_count|comments_count|followers_count|user_id|biography)"/;

for (const login of ['instagram', 'facebook'] as const) {
  describe(`own account calls (${login === 'instagram' ? 'Instagram Login' : 'Facebook Login'})`, () => {
    let gate: RecordingGate;
    let client: GraphClient;
    let auth: GraphAuth;

    beforeAll(() => {
      gate = recordingGate();
      client = clientFor(emu, login, gate);
      const token = emu.admin.mintToken({
        account: 'igcord.studio',
        login,
        ...(login === 'facebook' ? { kind: 'page' as const } : {}),
      });
      auth = { userId: studio.id, accessToken: token.access_token };
    });

    it('reads the own profile as a core profile, through the gate keyed by the professional id', async () => {
      gate.calls.length = 0;
      const profile = await client.profile(auth, { priority: 'background' });
      expect(profile.data).toMatchObject({
        id: studio.id,
        username: 'igcord.studio',
        name: 'igcord Studio',
        bio: 'igcord Studio on Instagram',
      });
      expect(profile.data.counts.posts).toBe(30);
      expect(profile.data.counts.followers).toBeGreaterThan(0);
      expect(JSON.stringify(profile.data)).not.toMatch(GRAPH_FIELD);
      expect(gate.calls).toEqual([
        expect.objectContaining({ key: studio.id, priority: 'background', method: 'GET', idempotent: true }),
      ]);
      expect(gate.calls[0]?.path).toBe(login === 'instagram' ? '/v25.0/me' : `/v25.0/${studio.id}`);
    });

    it('walks all 30 own media newest first, each once, carousels with their children from the same call', async () => {
      gate.calls.length = 0;
      const posts = await client.collect(() => client.media.recent(auth, { limit: 7, priority: 'delivery' }));
      expect(posts).toHaveLength(30);
      expect(new Set(posts.map((p) => p.id)).size).toBe(30);
      expect(gate.calls).toHaveLength(5);
      expect(gate.calls.every((c) => c.key === studio.id && c.priority === 'delivery')).toBe(true);
      const times = posts.map((p) => p.time);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(posts[0]?.time).toBe(Math.floor((START - 5 * 3_600_000) / 1000));
      for (const post of posts) expect(postSchema.safeParse(post).success).toBe(true);
      const kinds = new Set(posts.map((p) => p.kind));
      expect(kinds).toEqual(new Set(['image', 'carousel', 'video', 'reel']));
      const carousel = posts.find((p) => p.kind === 'carousel');
      expect(carousel?.items.length).toBeGreaterThanOrEqual(2);
      const reel = posts.find((p) => p.kind === 'reel');
      expect(reel?.items[0]).toMatchObject({ kind: 'video', cover: expect.any(String) });
      expect(reel?.permalink).toMatch(/\/reel\//);
      expect(posts[0]?.author).toMatchObject({ id: studio.id, username: 'igcord.studio' });
      expect(posts[0]?.tags.length).toBeGreaterThan(0);
      expect(posts[0]?.counts.comments).toBeGreaterThan(0);
      expect(JSON.stringify(posts)).not.toMatch(GRAPH_FIELD);
    });

    it('reads one media by id, and refuses an unknown id with a typed parameter error', async () => {
      const [first] = (await client.media.recent(auth, { limit: 3 })).data;
      const one = await client.media.byId(auth, first?.id ?? '');
      expect(one.data).toEqual(first);
      const error = await client.media.byId(auth, '1799999999999999999').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphParameterError);
      expect(error).toMatchObject({ code: 100, subcode: 33 });
    });

    it('reads the story that is up (and not the expired one) as a story post', async () => {
      const stories = await client.media.stories(auth);
      expect(stories.data).toHaveLength(1);
      expect(stories.data[0]).toMatchObject({ kind: 'story', time: Math.floor((START - 2 * 3_600_000) / 1000) });
      expect(stories.next).toBeUndefined();
    });

    it('reads the media the account is tagged in, authored by their owner', async () => {
      const tagged = await client.collect(() => client.media.tagged(auth));
      expect(tagged.length).toBeGreaterThan(0);
      expect(tagged.every((p) => p.author.username === 'harbor.cafe')).toBe(true);
    });

    it('reads media and account insights as neutral figures', async () => {
      const [first] = (await client.media.recent(auth, { limit: 1 })).data;
      const media = await client.insights.media(auth, first?.id ?? '', ['reach', 'likes']);
      expect(media.data.map((i) => i.metric)).toEqual(['reach', 'likes']);
      expect(media.data.every((i) => typeof i.value === 'number')).toBe(true);
      const account = await client.insights.account(auth, ['reach'], { period: 'day' });
      expect(account.data[0]).toMatchObject({ metric: 'reach', period: 'day' });
      expect(account.data[0]?.value).toEqual(expect.any(Number));
    });
  });
}

describe('comments through the Graph client', () => {
  it('lists, replies, hides, creates and deletes comments on own media, as core comments', async () => {
    const gate = recordingGate();
    const client = clientFor(emu, 'instagram', gate);
    const auth = { userId: studio.id, accessToken: emu.admin.mintToken({ account: 'igcord.studio' }).access_token };
    const [newest] = (await client.media.recent(auth, { limit: 1 })).data;
    const mediaId = newest?.id ?? '';

    const comments = await client.collect(() => client.comments.list(auth, mediaId, { limit: 1 }));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
      author: { username: expect.any(String) },
    });
    expect(comments[0]?.time).toBeGreaterThan(0);

    const outsider = comments.find((c) => c.author.username !== 'igcord.studio');
    const reply = await client.comments.reply(auth, outsider?.id ?? '', 'Thank you!');
    const replies = await client.collect(() => client.comments.replies(auth, outsider?.id ?? ''));
    expect(replies.map((r) => r.id)).toContain(reply.data.id);
    expect(replies.find((r) => r.id === reply.data.id)).toMatchObject({
      text: 'Thank you!',
      author: { username: 'igcord.studio' },
    });

    expect((await client.comments.hide(auth, outsider?.id ?? '', true)).data).toEqual({ success: true });
    // A hidden comment takes no reply (reference §1.4).
    await expect(client.comments.reply(auth, outsider?.id ?? '', 'again')).rejects.toBeInstanceOf(GraphParameterError);
    await client.comments.hide(auth, outsider?.id ?? '', false);

    const created = await client.comments.create(auth, mediaId, 'New note');
    expect((await client.comments.remove(auth, created.data.id)).data).toEqual({ success: true });
    const after = await client.collect(() => client.comments.list(auth, mediaId));
    expect(after.map((c) => c.id)).not.toContain(created.data.id);

    const writes = gate.calls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.idempotent}`)).toEqual([
      'POST false',
      'POST false',
      'POST false',
      'POST false',
      'POST false',
      'DELETE false',
    ]);
    expect(gate.calls.every((c) => c.key === studio.id)).toBe(true);
  });
});
