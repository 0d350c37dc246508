import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { HOUR, V, call, envelope, graphDelete, graphGet, graphPost } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let owner: AccountView;
let token: string;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'media', now: START, frozenClock: true });
  owner = emu.admin.createAccount({ username: 'media.owner', accountType: 'MEDIA_CREATOR', login: 'instagram' });
  token = emu.admin.mintToken({ account: 'media.owner' }).access_token;
});
afterAll(() => emu.close());

const get = (path: string, params: Record<string, string> = {}) =>
  graphGet(emu, 'ig', path, { access_token: token, ...params });

describe('own media of every kind', () => {
  it('serves image, video, carousel with children, reel and story with their types and nested field expansion', async () => {
    const t = (h: number) => START - h * HOUR;
    const image = emu.admin.postMedia('media.owner', {
      type: 'image',
      caption: 'An image',
      timestamp: t(5),
      likeCount: 7,
    });
    const video = emu.admin.postMedia('media.owner', {
      type: 'video',
      caption: 'A video',
      timestamp: t(4),
      likeCount: 8,
    });
    const album = emu.admin.postMedia('media.owner', {
      type: 'carousel',
      caption: 'An album',
      children: ['image', 'video'],
      timestamp: t(3),
      likeCount: 9,
    });
    const reel = emu.admin.postMedia('media.owner', {
      type: 'reel',
      caption: 'A reel',
      timestamp: t(2),
      likeCount: 10,
    });
    const story = emu.admin.postMedia('media.owner', { type: 'story', timestamp: t(1) });

    const list = await get('/me/media', {
      fields: 'id,media_type,media_product_type,caption,like_count,children{media_url,media_type}',
    });
    expect(list.status).toBe(200);
    const [childImage, childVideo] = album.children;
    expect(list.body.data).toEqual([
      { id: reel.id, media_type: 'VIDEO', media_product_type: 'REELS', caption: 'A reel', like_count: 10 },
      {
        id: album.id,
        media_type: 'CAROUSEL_ALBUM',
        media_product_type: 'FEED',
        caption: 'An album',
        like_count: 9,
        children: {
          data: [
            {
              media_url: `https://scontent.cdninstagram.example/media/${childImage}.jpg`,
              media_type: 'IMAGE',
              id: childImage,
            },
            {
              media_url: `https://scontent.cdninstagram.example/media/${childVideo}.mp4`,
              media_type: 'VIDEO',
              id: childVideo,
            },
          ],
        },
      },
      { id: video.id, media_type: 'VIDEO', media_product_type: 'FEED', caption: 'A video', like_count: 8 },
      { id: image.id, media_type: 'IMAGE', media_product_type: 'FEED', caption: 'An image', like_count: 7 },
    ]);
    // Stories are not on /media; they are on /stories.
    expect((await get('/me/stories', { fields: 'id,media_type,media_product_type' })).body.data).toEqual([
      { id: story.id, media_type: 'IMAGE', media_product_type: 'STORY' },
    ]);

    const one = await get(`/${reel.id}`, {
      fields: 'media_type,thumbnail_url,permalink,timestamp,username,comments_count',
    });
    expect(one.body).toEqual({
      media_type: 'VIDEO',
      thumbnail_url: `https://scontent.cdninstagram.example/media/${reel.id}_thumb.jpg`,
      permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\/reel\/[\w-]{11}\/$/),
      timestamp: '2026-11-02T10:00:00+0000',
      username: 'media.owner',
      comments_count: 0,
      id: reel.id,
    });
    // No permalink on carousel children; location is not a field of IG Media.
    expect((await get(`/${childImage}`, { fields: 'permalink,media_type' })).body).toEqual({
      media_type: 'IMAGE',
      id: childImage,
    });
    expect((await get(`/${image.id}`, { fields: 'location' })).body).toEqual(
      envelope(100, '(#100) Tried accessing nonexisting field (location) on node type (IGMedia)'),
    );
  });

  it('lets a story vanish after 24 h of emulator time', async () => {
    const story = emu.admin.postMedia('media.owner', { type: 'story' });
    expect((await get('/me/stories')).body.data).toContainEqual({ id: story.id });
    emu.admin.advance(24 * HOUR);
    expect((await get('/me/stories')).body.data).toEqual([]);
    expect((await get(`/${story.id}`)).body).toEqual(
      envelope(
        100,
        `Unsupported get request. Object with ID '${story.id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        {
          type: 'GraphMethodException',
          error_subcode: 33,
        },
      ),
    );
  });

  it('edits a caption and deletes a media through the admin API', async () => {
    const media = emu.admin.postMedia('media.owner', { caption: 'before' });
    emu.admin.editCaption(media.id, 'after');
    expect((await get(`/${media.id}`, { fields: 'caption' })).body).toEqual({ caption: 'after', id: media.id });
    emu.admin.deleteMedia(media.id);
    expect((await get(`/${media.id}`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe('cursor pagination', () => {
  it('walks /me/media with limit and next, each media exactly once, newest first, and back with previous', async () => {
    const walker = emu.admin.createAccount({ username: 'pager', login: 'instagram', media: 23 });
    const pagerToken = emu.admin.mintToken({ account: walker.username }).access_token;
    const seen: string[] = [];
    let url: string | undefined =
      `${emu.hosts.instagramGraph}/${V}/me/media?fields=id,timestamp&limit=5&access_token=${pagerToken}`;
    const pages: any[] = [];
    while (url) {
      const page = await call(url);
      expect(page.status).toBe(200);
      pages.push(page.body);
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      url = page.body.paging?.next;
    }
    expect(pages.map((p) => p.data.length)).toEqual([5, 5, 5, 5, 3]);
    expect(new Set(seen).size).toBe(23);
    const stamps = pages.flatMap((p) => p.data.map((m: { timestamp: string }) => m.timestamp));
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(pages[0].paging.previous).toBeUndefined();
    expect(pages[4].paging.next).toBeUndefined();
    const back = await call(pages[1].paging.previous);
    expect(back.body.data.map((m: { id: string }) => m.id)).toEqual(seen.slice(0, 5));
  });

  it('refuses a cursor whose media was deleted', async () => {
    const page = await get('/me/media', { limit: '1' });
    emu.admin.deleteMedia(page.body.data[0].id);
    const stale = await get('/me/media', { limit: '1', after: page.body.paging.cursors.after });
    expect(stale.body).toEqual(envelope(100, '(#100) The after cursor is not valid for this edge'));
  });
});

describe('comments', () => {
  it('lists comments with replies, replies to a top-level comment, hides and deletes', async () => {
    const media = emu.admin.postMedia('media.owner', { caption: 'Talk to me' });
    const first = emu.admin.postComment({ mediaId: media.id, from: 'sam.reads', text: 'First!' });
    emu.admin.advance(60_000);
    const second = emu.admin.postComment({ mediaId: media.id, from: 'juno.pix', text: 'Second' });

    const reply = await graphPost(emu, 'ig', `/${first.id}/replies`, {
      message: 'Thanks @sam.reads',
      access_token: token,
    });
    expect(reply.body).toEqual({ id: expect.stringMatching(/^\d{17}$/) });
    const listed = await get(`/${media.id}/comments`, { fields: 'id,text,username,hidden,replies{text,username}' });
    expect(listed.body.data).toEqual([
      { id: second.id, text: 'Second', username: 'juno.pix', hidden: false },
      {
        id: first.id,
        text: 'First!',
        username: 'sam.reads',
        hidden: false,
        replies: {
          data: [{ text: 'Thanks @sam.reads', username: 'media.owner', id: reply.body.id }],
          paging: { cursors: { before: expect.any(String), after: expect.any(String) } },
        },
      },
    ]);
    // Replies only on top-level comments.
    expect(
      (await graphPost(emu, 'ig', `/${reply.body.id}/replies`, { message: 'nested', access_token: token })).body,
    ).toEqual(envelope(100, '(#100) Replies can be made only to top-level comments'));

    expect((await graphPost(emu, 'ig', `/${second.id}`, { hide: 'true', access_token: token })).body).toEqual({
      success: true,
    });
    expect((await get(`/${second.id}`, { fields: 'hidden' })).body).toEqual({ hidden: true, id: second.id });
    expect(
      (await graphPost(emu, 'ig', `/${second.id}/replies`, { message: 'no', access_token: token })).body.error.message,
    ).toBe('(#100) Replies cannot be made to hidden comments');
    expect((await graphDelete(emu, 'ig', `/${second.id}`, { access_token: token })).body).toEqual({ success: true });
    expect((await get(`/${media.id}`, { fields: 'comments_count' })).body).toEqual({ comments_count: 2, id: media.id });
  });

  it("lists the media the account is tagged in on /me/tags, read through another user's path", async () => {
    const tagger = emu.admin.createAccount({ username: 'tagger', login: 'instagram' });
    const tagged = emu.admin.postMedia(tagger.username, {
      caption: 'with @media.owner',
      tagged: ['media.owner'],
      likesHidden: true,
      likeCount: 50,
    });
    const tags = await get('/me/tags', { fields: 'id,username,like_count' });
    expect(tags.body.data).toEqual([{ id: tagged.id, username: 'tagger' }]);
  });
});

describe('insights', () => {
  it('answers media insights that agree with the media, and account insights per day', async () => {
    const media = emu.admin.postMedia('media.owner', { likeCount: 31 });
    emu.admin.postComment({ mediaId: media.id, from: 'arto_k', text: 'Nice' });
    const insights = await get(`/${media.id}/insights`, { metric: 'likes,comments,reach' });
    expect(
      insights.body.data.map((d: { name: string; period: string; values: { value: number }[] }) => [
        d.name,
        d.period,
        d.values,
      ]),
    ).toEqual([
      ['likes', 'lifetime', [{ value: 31 }]],
      ['comments', 'lifetime', [{ value: 1 }]],
      ['reach', 'lifetime', [{ value: expect.any(Number) }]],
    ]);
    expect((await get(`/${media.id}/insights`, { metric: 'impressions' })).body).toEqual(
      envelope(
        100,
        '(#100) metric[0] must be one of the following values: views, reach, likes, comments, saved, shares, total_interactions',
      ),
    );
    const account = await get('/me/insights', { metric: 'reach,follower_count', period: 'day' });
    expect(account.body.data).toHaveLength(2);
    expect(account.body.data[0]).toMatchObject({ name: 'reach', period: 'day', id: `${owner.id}/insights/reach/day` });
    expect(account.body.data[0].values).toHaveLength(2);
    expect((await get('/me/insights', { metric: 'reach' })).body).toEqual(
      envelope(100, '(#100) The parameter period is required'),
    );
  });
});
