// A forum post's thread name and tags (src/discord/feed-posting/forum-post.ts): Discord takes names of 1 to 100
// characters and at most 5 of the forum's tags; a caption may say anything.
import { describe, expect, it } from 'vitest';
import { forumTagIds, forumThreadName, THREAD_NAME_MAX } from '../../../../src/discord/feed-posting/forum-post.js';

const author = { username: 'lena' };

describe('forumThreadName', () => {
  it("is the caption's first line that has text", () => {
    expect(forumThreadName({ caption: '\n  \nSunset at the beach\nmore', author })).toBe('Sunset at the beach');
  });

  it("marks a test post's thread as a test", () => {
    expect(forumThreadName({ caption: 'Sunset', author }, true)).toBe('🧪 Test: Sunset');
  });

  it('names who posted when the caption has no text', () => {
    expect(forumThreadName({ caption: '', author })).toBe('Post by @lena');
  });

  it('never pings or shows a mention, and drops bidi overrides', () => {
    const name = forumThreadName({ caption: '@everyone <@&123> \u202Eevil', author });
    expect(name).not.toMatch(/@everyone|<@&/);
    expect(name).not.toContain('\u202E');
  });

  it('fits in 100 characters without splitting a 4-byte character, at every boundary', () => {
    for (let pad = 90; pad <= 101; pad += 1) {
      const name = forumThreadName({ caption: `${'a'.repeat(pad)}${'😀'.repeat(10)}`, author });
      expect(name.length).toBeLessThanOrEqual(THREAD_NAME_MAX);
      expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('forumTagIds', () => {
  const available = [
    { id: '1', name: 'Travel' },
    { id: '2', name: 'food' },
    { id: '3', name: 'Art' },
    { id: '4', name: 'Sea' },
    { id: '5', name: 'Sun' },
    { id: '6', name: 'Music' },
  ];

  it('maps hashtags to tags by name, ignoring case, in the caption order', () => {
    expect(forumTagIds(['FOOD', 'unknown', 'travel'], available)).toEqual(['2', '1']);
  });

  it('keeps each tag once and at most five', () => {
    expect(forumTagIds(['art', 'Art', 'sea', 'sun', 'music', 'travel', 'food'], available)).toEqual([
      '3',
      '4',
      '5',
      '6',
      '1',
    ]);
  });

  it('is empty for a forum without tags', () => {
    expect(forumTagIds(['travel'], [])).toEqual([]);
  });
});
