// Graph's IG Media, IG User and IG Comment mapped into core types (reference §1.4): every media kind, carousel
// children, the media_url fallback for licensed audio, hidden likes, hashtag media without a username, Graph's
// `+0000` timestamps, and the professional id of a profile on either login.
import { describe, expect, it } from 'vitest';
import { postSchema } from '../../../src/core/post.js';
import { commentFromGraph, postFromGraph, profileFromGraph, unixTime } from '../../../src/providers/graph/to-core.js';
import { graphCapabilities, graphExtraCapabilities } from '../../../src/providers/graph/capabilities.js';

const base = {
  id: '1',
  caption: 'Hi #Sunset and #igcord #sunset',
  permalink: 'https://www.instagram.com/p/abc/',
  timestamp: '2026-11-28T16:40:52+0000',
  username: 'igcord.studio',
};

describe('postFromGraph', () => {
  it('maps each media type and product to its post kind with its items', () => {
    const image = postFromGraph({
      ...base,
      media_type: 'IMAGE',
      media_product_type: 'FEED',
      media_url: 'https://cdn/i.jpg',
      like_count: 3,
      comments_count: 1,
    });
    expect(image).toMatchObject({
      kind: 'image',
      items: [{ kind: 'image', url: 'https://cdn/i.jpg' }],
      counts: { likes: 3, comments: 1 },
      tags: ['sunset', 'igcord'],
    });
    expect(image.time).toBe(Date.UTC(2026, 10, 28, 16, 40, 52) / 1000);
    expect(postSchema.safeParse(image).success).toBe(true);

    const video = postFromGraph({
      ...base,
      media_type: 'VIDEO',
      media_product_type: 'FEED',
      media_url: 'https://cdn/v.mp4',
      thumbnail_url: 'https://cdn/v.jpg',
    });
    expect(video).toMatchObject({
      kind: 'video',
      items: [{ kind: 'video', url: 'https://cdn/v.mp4', cover: 'https://cdn/v.jpg' }],
    });
    expect(
      postFromGraph({ ...base, media_type: 'VIDEO', media_product_type: 'REELS', media_url: 'https://cdn/r.mp4' }).kind,
    ).toBe('reel');
    expect(
      postFromGraph({ ...base, media_type: 'IMAGE', media_product_type: 'STORY', media_url: 'https://cdn/s.jpg' }).kind,
    ).toBe('story');

    const carousel = postFromGraph({
      ...base,
      media_type: 'CAROUSEL_ALBUM',
      media_url: 'https://cdn/c.jpg',
      children: {
        data: [
          { id: 'a', media_type: 'IMAGE', media_url: 'https://cdn/a.jpg' },
          { id: 'b', media_type: 'VIDEO', media_url: 'https://cdn/b.mp4', thumbnail_url: 'https://cdn/b.jpg' },
        ],
      },
    });
    expect(carousel.kind).toBe('carousel');
    expect(carousel.items).toEqual([
      { kind: 'image', url: 'https://cdn/a.jpg', thumbnail: 'https://cdn/a.jpg' },
      { kind: 'video', url: 'https://cdn/b.mp4', cover: 'https://cdn/b.jpg', thumbnail: 'https://cdn/b.jpg' },
    ]);
  });

  it('falls back to the still, then the permalink, when media_url is left out; leaves hidden likes absent', () => {
    const still = postFromGraph({
      ...base,
      media_type: 'VIDEO',
      media_product_type: 'REELS',
      thumbnail_url: 'https://cdn/t.jpg',
      comments_count: 2,
    });
    expect(still.items).toEqual([{ kind: 'image', url: 'https://cdn/t.jpg', thumbnail: 'https://cdn/t.jpg' }]);
    expect(still.counts).toEqual({ comments: 2 });
    const bare = postFromGraph({ ...base, media_type: 'VIDEO', media_product_type: 'REELS' });
    expect(bare.items[0]?.url).toBe(base.permalink);
  });

  it('names the author from what the caller knows when Graph sends no username (hashtag media), and builds a permalink from a shortcode', () => {
    const post = postFromGraph(
      { id: '9', media_type: 'IMAGE', media_url: 'u', shortcode: 'XYZ' },
      { id: '77', username: 'north.trails' },
    );
    expect(post.author).toEqual({ id: '77', username: 'north.trails' });
    expect(post.permalink).toBe('https://www.instagram.com/p/XYZ/');
    expect(postFromGraph({ id: '9', media_type: 'IMAGE', media_url: 'u' }).author).toEqual({ username: '' });
  });
});

describe('profiles, comments, capabilities', () => {
  it('keys a profile by the professional id on Instagram Login (user_id) and Facebook Login (id)', () => {
    const ig = profileFromGraph({
      id: 'app-scoped',
      user_id: '1784',
      username: 'a',
      account_type: 'MEDIA_CREATOR',
      followers_count: 5,
    });
    expect(ig).toMatchObject({
      id: '1784',
      business: false,
      bio: '',
      website: '',
      counts: { posts: 0, followers: 5, following: 0 },
    });
    expect(profileFromGraph({ id: '1784', username: 'a', biography: 'b', profile_picture_url: 'p' })).toMatchObject({
      id: '1784',
      bio: 'b',
      avatar: 'p',
    });
  });

  it('maps a comment with its author from `username` or `from`', () => {
    expect(
      commentFromGraph({
        id: 'c',
        text: 't',
        timestamp: '2026-11-28T00:00:00+0000',
        from: { id: '5', username: 'sam' },
      }),
    ).toEqual({
      id: 'c',
      text: 't',
      time: Date.UTC(2026, 10, 28) / 1000,
      author: { id: '5', username: 'sam' },
    });
    expect(unixTime('nonsense')).toBe(0);
  });

  it('offers other accounts, hashtags and hashtag feeds only on Facebook Login, comments only with a comments scope, feeds of the own posts and stories on both, and never likes, follows, locations or push', () => {
    expect([...graphCapabilities('instagram')].sort()).toEqual([
      'account-feeds',
      'comment-moderation',
      'comments',
      'insights',
      'mentions',
      'story-feeds',
    ]);
    expect([...graphCapabilities('facebook')].sort()).toEqual([
      'account-feeds',
      'comment-moderation',
      'comments',
      'hashtag-search',
      'insights',
      'mentions',
      'other-accounts',
      'story-feeds',
      'tag-feeds',
    ]);
    expect([...graphCapabilities('instagram', ['instagram_business_basic'])].sort()).toEqual([
      'account-feeds',
      'mentions',
      'story-feeds',
    ]);
    for (const login of ['instagram', 'facebook'] as const) {
      for (const missing of [
        'likes',
        'relationships',
        'search',
        'locations',
        'tags',
        'location-feeds',
        'notifications',
      ] as const) {
        expect(graphCapabilities(login).has(missing)).toBe(false);
      }
    }
    expect(graphCapabilities('instagram').has('tag-feeds')).toBe(false);
    expect(graphExtraCapabilities('instagram').has('profile.other')).toBe(false);
    expect(graphExtraCapabilities('facebook').has('profile.other')).toBe(true);
    expect(graphExtraCapabilities('instagram', ['instagram_business_basic']).has('insights')).toBe(false);
  });
});
