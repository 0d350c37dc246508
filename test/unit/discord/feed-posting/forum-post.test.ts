// A forum post's thread name and tags (src/discord/feed-posting/forum-post.ts): Discord takes names of 1 to 100
// characters and at most 5 of the forum's tags; a caption may say anything.
import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../../../../src/core/index.js';
import { forumTagIds, forumThreadName, THREAD_NAME_MAX } from '../../../../src/discord/feed-posting/forum-post.js';
import { imageMedia } from '../media-fixtures.js';

const withCaption = (caption: string) => imageMedia({ caption, username: 'lena' });
const utc = { timeZone: 'UTC', format: 'medium' } as const;

describe('forumThreadName', () => {
  it("is the caption's first line that has text", () => {
    expect(forumThreadName(withCaption('\n  \nSunset at the beach\nmore'))).toBe('Sunset at the beach');
  });

  it("marks a test post's thread as a test", () => {
    expect(forumThreadName(withCaption('Sunset'), { test: true })).toBe('🧪 Test: Sunset');
  });

  it("is the feed template's title when it has one, drawn for the post without markdown escapes", () => {
    const template = { ...STARTER_TEMPLATE, title: '{author} · {caption_first_line}' };
    expect(forumThreadName(withCaption('New *bread*\nmore'), { target: { template, time: utc } })).toBe(
      '@lena · New *bread*',
    );
    // A title that comes out empty leaves the caption's first line.
    const empty = { ...STARTER_TEMPLATE, title: '{location}' };
    const post = { ...withCaption('Fallback line'), location: undefined };
    expect(forumThreadName(post, { target: { template: empty, time: utc } })).toBe('Fallback line');
  });

  it('names who posted when the caption has no text', () => {
    expect(forumThreadName(withCaption(''))).toBe('Post by @lena');
  });

  it('never pings or shows a mention, and drops bidi overrides', () => {
    const name = forumThreadName(withCaption('@everyone <@&123> \u202Eevil'));
    expect(name).not.toMatch(/@everyone|<@&/);
    expect(name).not.toContain('\u202E');
  });

  it('fits in 100 characters without splitting a 4-byte character, at every boundary', () => {
    for (let pad = 90; pad <= 101; pad += 1) {
      const name = forumThreadName(withCaption(`${'a'.repeat(pad)}${'😀'.repeat(10)}`));
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
