// Whatever a digest's posts hold — captions with @everyone, role and user mentions, markdown, masked links, 4-byte
// characters around the first line's cut — every message of the digest is within Discord's limits, lists every post
// once and whole, in order, splits no character in two, and pings nobody but the feed's role on its first message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Post, PostTarget } from '../../../../src/core/index.js';
import { digestBody, digestEntry, splitDigest } from '../../../../src/discord/feed-posting/digest-message.js';
import { messageEmbedsSchema } from '../../../../src/discord/embeds/limits.js';
import { imageMedia } from '../media-fixtures.js';
import { englishOnly } from '../../../../src/i18n/i18n.js';

const t = englishOnly();

const PIECES = ['@everyone', '@here', '<@&1234>', '<@5678>', '[a](https://evil.example)', '*', '_', '\\', '#', '>'];
const FOUR_BYTE = ['😀', '👍🏽', '🇫🇷', '𝒳'];
const hostileText = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES, ...FOUR_BYTE, ' ', '\n', 'a'), { maxLength: 40 }),
    fc.constantFrom(0, 1, 100, 150, 199, 200, 201, 1000),
    fc.constantFrom(...FOUR_BYTE, 'a', '*'),
  )
  .map(([pieces, pad, filler]) => filler.repeat(Math.ceil(pad / filler.length)) + pieces.join(''));

const posts = fc.array(fc.record({ caption: hostileText, username: fc.string({ minLength: 1, maxLength: 30 }) }), {
  minLength: 1,
  maxLength: 60,
});

const target: PostTarget = {
  feedId: 'feedone',
  channelId: '200000000000000001',
  mentionRoleId: '300000000000000003',
  delivery: { mode: 'message' },
};
/** A lone surrogate: half a 4-byte character. */
const SPLIT_CHARACTER = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('digest messages', () => {
  it('stay within the limits, list every post once and whole, and ping only the feed role', () => {
    fc.assert(
      fc.property(posts, (input) => {
        const list: Post[] = input.map(({ caption, username }, i) => ({
          ...imageMedia(),
          id: `${1000 + i}_1`,
          caption,
          author: { ...imageMedia().author, username },
        }));
        const parts = splitDigest(list);
        expect(parts.flat().map((p) => p.id)).toEqual(list.map((p) => p.id));
        parts.forEach((partPosts, part) => {
          const body = digestBody(
            target,
            {
              posts: partPosts,
              part,
              parts: parts.length,
              total: list.length,
              dueAt: 0,
            },
            t,
          );
          const embeds = body.embeds ?? [];
          expect(messageEmbedsSchema.safeParse(embeds).success).toBe(true);
          const description = embeds[0]!.description!;
          expect(description.split('\n')).toEqual(partPosts.map(digestEntry));
          expect(SPLIT_CHARACTER.test(description)).toBe(false);
          expect(description).not.toMatch(/@everyone|@here|<@&?\d/);
          expect(body.allowed_mentions).toEqual({ parse: [], roles: part === 0 ? [target.mentionRoleId] : [] });
          expect(body.content).toBe(part === 0 ? `<@&${target.mentionRoleId}>` : undefined);
        });
      }),
      { numRuns: 50 },
    );
  });
});
