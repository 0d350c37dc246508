import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { DAY, HOUR, call, envelope, graphGet } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;
let trails: AccountView;
let fbToken: string;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'discovery', now: START, frozenClock: true });
  const accounts = emu.admin.accounts();
  studio = accounts.find((a) => a.username === 'igcord.studio') as AccountView;
  trails = accounts.find((a) => a.username === 'north.trails') as AccountView;
  fbToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token;
});
afterAll(() => emu.close());

const discover = (fields: string, token = fbToken) =>
  graphGet(emu, 'fb', `/${studio.id}`, { fields, access_token: token });

describe('Business Discovery (Facebook Login only)', () => {
  it('reads another professional account with the nested field syntax, leaving out hidden likes and copyrighted audio', async () => {
    const answer = await discover(
      'business_discovery.username(north.trails){username,followers_count,media_count,media.limit(5){id,media_product_type,like_count,media_url}}',
    );
    expect(answer.status).toBe(200);
    const found = answer.body.business_discovery;
    expect(found).toMatchObject({ username: 'north.trails', media_count: 40, id: trails.id });
    expect(found.followers_count).toEqual(expect.any(Number));
    expect(found.media.data).toHaveLength(5);
    expect(found.media.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    // No `next` link by default (reference §1.4: one report says there is none).
    expect(found.media.paging.next).toBeUndefined();
    // The seeded second-newest media hides its likes; the reel at index 4 has copyrighted audio.
    const [, hidden, , , reel] = found.media.data;
    expect(Object.keys(hidden).sort()).toEqual(['id', 'media_product_type', 'media_url']);
    expect(reel.media_product_type).toBe('REELS');
    expect(Object.keys(reel).sort()).toEqual(['id', 'like_count', 'media_product_type']);
    expect(answer.body.id).toBe(studio.id);
    // Charged to the platform budget, not the account's BUC.
    expect(JSON.parse(answer.headers.get('x-app-usage') ?? 'null')).toEqual({
      call_count: 0,
      total_cputime: 0,
      total_time: 0,
    });
    expect(answer.headers.get('x-business-use-case-usage')).toBeNull();
  });

  it('pages through all 40 media with .after(cursor), each once, until a page comes back empty', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let after = '';
    for (let guard = 0; guard < 10; guard++) {
      const modifiers = `.limit(15)${after ? `.after(${after})` : ''}`;
      const answer = await discover(`business_discovery.username(north.trails){media${modifiers}{id,timestamp}}`);
      const media = answer.body.business_discovery.media as {
        data: { id: string }[];
        paging?: { cursors: { after: string } };
      };
      sizes.push(media.data.length);
      seen.push(...media.data.map((m) => m.id));
      if (!media.paging) break;
      after = media.paging.cursors.after;
    }
    expect(sizes).toEqual([15, 15, 10, 0]);
    expect(new Set(seen).size).toBe(40);
  });

  it('refuses personal accounts with 110/2207013, stories with 36104, and the whole field on graph.instagram.com', async () => {
    expect((await discover('business_discovery.username(mila.personal){username}')).body).toEqual(
      envelope(110, 'Invalid user id', {
        error_subcode: 2207013,
        error_user_title: 'Cannot find User',
        error_user_msg: 'The user with username: mila.personal cannot be found.',
      }),
    );
    expect((await discover('business_discovery.username(north.trails){stories{id}}')).body).toEqual(
      envelope(36104, '(#36104) Cannot access stories from business discovery'),
    );
    const igToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'instagram' }).access_token;
    expect(
      (
        await graphGet(emu, 'ig', '/me', {
          fields: 'business_discovery.username(north.trails){username}',
          access_token: igToken,
        })
      ).body,
    ).toEqual(envelope(100, '(#100) Tried accessing nonexisting field (business_discovery) on node type (User)'));
  });
});

describe('Hashtag Search (Facebook Login only)', () => {
  const search = (q: string) =>
    graphGet(emu, 'fb', '/ig_hashtag_search', { user_id: studio.id, q, access_token: fbToken });

  it('answers the static global id, and refuses the 31st unique hashtag of a rolling 7 days until the oldest frees', async () => {
    const t0 = emu.admin.now();
    expect((await search('bluebottle')).body).toEqual({ data: [{ id: '17843857450040591' }] });
    emu.admin.advance(HOUR);
    for (let i = 1; i <= 29; i++) expect((await search(`tag${i}`)).status).toBe(200);
    // A repeat inside the week neither counts nor restarts the tag's week.
    expect((await search('BlueBottle')).body).toEqual({ data: [{ id: '17843857450040591' }] });
    const frees = new Date(t0 + 7 * DAY).toISOString();
    const refused = await search('tag30');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      envelope(
        24,
        `(#24) This account has reached the limit of 30 unique hashtags queried in 7 days. The oldest slot frees on ${frees}.`,
        {
          error_subcode: 2207024,
          error_user_title: 'Hashtag limit reached',
          error_user_msg: `Try again after ${frees}.`,
        },
      ),
    );
    const recent = await graphGet(emu, 'fb', `/${studio.id}/recently_searched_hashtags`, {
      fields: 'id,name',
      access_token: fbToken,
    });
    expect(recent.body.data).toHaveLength(30);

    emu.admin.setNow(t0 + 7 * DAY);
    expect((await search('tag30')).status).toBe(200);
    expect((await search('tag31')).body.error).toMatchObject({ code: 24, error_subcode: 2207024 });
  });

  it('is not served on graph.instagram.com', async () => {
    const igToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'instagram' }).access_token;
    const answer = await graphGet(emu, 'ig', '/ig_hashtag_search', {
      user_id: studio.id,
      q: 'x',
      access_token: igToken,
    });
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
  });

  it('serves recent_media of the last 24 h only, not in time order, ≤ 50 a page, without username; top_media most liked first', async () => {
    const other = await startGraphEmulator({ seed: 'hashtag-media', now: START, frozenClock: true });
    try {
      const token = other.admin.mintToken({ account: 'igcord.studio', login: 'facebook' }).access_token;
      const userId = other.admin.accounts().find((a) => a.username === 'igcord.studio')?.id ?? '';
      const recentIds: string[] = [];
      for (let i = 0; i < 60; i++) {
        const owner = i % 2 === 0 ? 'harbor.cafe' : 'north.trails';
        recentIds.push(
          other.admin.postMedia(owner, {
            caption: `Out on the water #lakeday ${i}`,
            timestamp: START - i * 20 * 60_000,
            likeCount: i,
          }).id,
        );
      }
      for (let i = 0; i < 5; i++)
        other.admin.postMedia('harbor.cafe', {
          caption: 'Old #lakeday',
          timestamp: START - (25 + i) * HOUR,
          likeCount: 1000 + i,
        });
      const id = (
        await graphGet(other, 'fb', '/ig_hashtag_search', { user_id: userId, q: 'lakeday', access_token: token })
      ).body.data[0].id as string;

      const first = await graphGet(other, 'fb', `/${id}/recent_media`, {
        user_id: userId,
        fields: 'id,timestamp',
        limit: '100',
        access_token: token,
      });
      expect(first.body.data).toHaveLength(50);
      expect(first.headers.get('x-app-usage')).not.toBeNull();
      const second = (await call(first.body.paging.next)).body;
      expect(second.data).toHaveLength(10);
      expect(second.paging.next).toBeUndefined();
      const all = [...first.body.data, ...second.data] as { id: string; timestamp: string }[];
      expect(all.map((m) => m.id).sort()).toEqual([...recentIds].sort());
      const stamps = all.map((m) => m.timestamp);
      expect(stamps).not.toEqual([...stamps].sort().reverse());

      expect(
        (
          await graphGet(other, 'fb', `/${id}/recent_media`, {
            user_id: userId,
            fields: 'id,username',
            access_token: token,
          })
        ).body,
      ).toEqual(
        envelope(100, '(#100) Tried accessing nonexisting field (username) on node type (ShadowIGHashtagMedia)'),
      );
      const top = await graphGet(other, 'fb', `/${id}/top_media`, {
        user_id: userId,
        fields: 'like_count',
        limit: '3',
        access_token: token,
      });
      expect(top.body.data.map((m: { like_count: number }) => m.like_count)).toEqual([1004, 1003, 1002]);
      expect((await graphGet(other, 'fb', `/${id}`, { fields: 'id,name', access_token: token })).body).toEqual({
        name: 'lakeday',
        id,
      });
    } finally {
      await other.close();
    }
  });
});
