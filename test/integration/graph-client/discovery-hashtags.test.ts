// Business Discovery and Hashtag Search through the Graph client (reference §1.4), Facebook Login only: another
// professional account's profile and media by nested field syntax, paged with `.after()` whether or not Graph
// sends `next` (unverified: the emulator's knob); hashtag ids, recent media of the last 24 h only (unordered,
// walked without loss or duplicates), top media, the tags holding a slot, and the refusal of one tag too many
// in 7 days as a typed error carrying when a slot frees. On Instagram Login neither is offered and no request
// is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import type { GraphAuth } from '../../../src/providers/graph/client.js';
import {
  GraphApiError,
  GraphHashtagLimitError,
  GraphPermissionError,
  GraphUnsupportedError,
} from '../../../src/providers/graph/errors.js';
import { clientFor, DAY, HOUR, recordingGate } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;
let auth: GraphAuth;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'client-discovery', now: START, frozenClock: true, hashtagLimit: 3 });
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
  auth = {
    userId: studio.id,
    accessToken: emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token,
  };
});
afterAll(() => emu.close());

describe('Business Discovery', () => {
  it("reads another professional account's profile as a core profile", async () => {
    const profile = await clientFor(emu, 'facebook').discovery.profile(auth, '@north.trails');
    const trails = emu.admin.accounts().find((a) => a.username === 'north.trails');
    expect(profile.data).toMatchObject({
      id: trails?.id,
      username: 'north.trails',
      name: 'North Trails',
      counts: { posts: 40 },
    });
    expect(profile.usage.app).toBeDefined();
  });

  for (const discoveryNextLink of [false, true]) {
    it(`walks all 40 media with .after(), each once, ${discoveryNextLink ? 'with' : 'without'} a next link`, async () => {
      const knobbed = await startGraphEmulator({
        seed: 'client-discovery',
        now: START,
        frozenClock: true,
        discoveryNextLink,
      });
      try {
        const token = knobbed.admin.mintToken({
          account: 'igcord.studio',
          login: 'facebook',
          kind: 'page',
        }).access_token;
        const gate = recordingGate();
        const client = clientFor(knobbed, 'facebook', gate);
        const posts = await client.collect(() =>
          client.discovery.media({ userId: studio.id, accessToken: token }, 'north.trails', { limit: 15 }),
        );
        expect(posts).toHaveLength(40);
        expect(new Set(posts.map((p) => p.id)).size).toBe(40);
        expect(posts.every((p) => p.author.username === 'north.trails')).toBe(true);
        // Hidden likes stay absent; a reel with licensed audio falls back to its still.
        expect(posts.filter((p) => p.counts.likes === undefined)).toHaveLength(1);
        const licensed = posts.filter((p) => p.kind === 'reel' && p.items[0]?.kind === 'image');
        expect(licensed.length).toBeGreaterThan(0);
        expect(gate.calls.length).toBeLessThanOrEqual(4);
        expect(gate.calls.every((c) => c.key === studio.id)).toBe(true);
      } finally {
        await knobbed.close();
      }
    });
  }

  it('refuses a personal account as the target with a typed Graph error', async () => {
    const error = await clientFor(emu, 'facebook')
      .discovery.profile(auth, 'mila.personal')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 110 });
  });

  it('is not offered on Instagram Login: a typed refusal and no request', async () => {
    const gate = recordingGate();
    const client = clientFor(emu, 'instagram', gate);
    await expect(client.discovery.media(auth, 'north.trails')).rejects.toBeInstanceOf(GraphUnsupportedError);
    await expect(client.hashtags.search(auth, 'sunset')).rejects.toBeInstanceOf(GraphUnsupportedError);
    expect(gate.calls).toEqual([]);
  });

  it('refuses a username that would break out of the field syntax, before any request', async () => {
    const gate = recordingGate();
    await expect(clientFor(emu, 'facebook', gate).discovery.profile(auth, 'x){id}')).rejects.toBeInstanceOf(
      GraphUnsupportedError,
    );
    expect(gate.calls).toEqual([]);
  });
});

describe('Hashtag Search', () => {
  it('finds the static global id, and reads recent media of the last 24 h only, each once, without usernames asked for', async () => {
    const client = clientFor(emu, 'facebook');
    const known = await client.hashtags.search(auth, '#bluebottle');
    expect(known.data).toEqual({ id: '17843857450040591', name: 'bluebottle' });

    const older = emu.admin.postMedia('harbor.cafe', {
      type: 'image',
      caption: 'Old #dawnpatrol',
      timestamp: START - 30 * HOUR,
    });
    const fresh = [1, 2, 3, 4, 5].map(
      (h) =>
        emu.admin.postMedia('north.trails', {
          type: 'image',
          caption: `Fresh ${h} #dawnpatrol`,
          timestamp: START - h * HOUR,
        }).id,
    );
    const tag = await client.hashtags.search(auth, 'dawnpatrol');
    const recent = await client.collect(() => client.hashtags.recent(auth, tag.data.id, { limit: 2 }));
    expect(recent.map((p) => p.id).sort()).toEqual([...fresh].sort());
    expect(recent.map((p) => p.id)).not.toContain(older.id);
    expect(recent.every((p) => p.tags.includes('dawnpatrol'))).toBe(true);

    const top = await client.collect(() => client.hashtags.top(auth, tag.data.id));
    expect(top.map((p) => p.id)).toContain(older.id);
    expect(recent[0]?.permalink).toMatch(/^https:\/\/www\.instagram\.com\//);
  });

  it('refuses the tag past the weekly limit with a typed error carrying when a slot frees; a repeat costs nothing; a week later it works', async () => {
    const client = clientFor(emu, 'facebook');
    const used = await client.hashtags.recentlySearched(auth);
    const left = 3 - used.data.length;
    for (let i = 0; i < left; i++) await client.hashtags.search(auth, `slot${i}`);
    // Searching a tag already counted this week does not use a slot.
    await client.hashtags.search(auth, 'bluebottle');
    const error = await client.hashtags.search(auth, 'onetoomany').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphHashtagLimitError);
    const freesAt = (error as GraphHashtagLimitError).freesAt;
    expect(freesAt).toBe(START + 7 * DAY);
    expect(error).toMatchObject({ retryable: false });

    emu.admin.advance(7 * DAY + 1);
    const later = await client.hashtags.search(auth, 'onetoomany');
    expect(later.data.name).toBe('onetoomany');
  });

  it('reports a missing Public Content Access feature as a permission error', async () => {
    const closed = await startGraphEmulator({
      seed: 'client-discovery',
      now: START,
      frozenClock: true,
      publicContentAccess: false,
    });
    try {
      const token = closed.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token;
      const error = await clientFor(closed, 'facebook')
        .hashtags.search({ userId: studio.id, accessToken: token }, 'sunset')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphPermissionError);
      expect(error).toMatchObject({ code: 10 });
    } finally {
      await closed.close();
    }
  });
});
