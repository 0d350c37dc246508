// Whatever an admin's template (one the checks accept) and whatever a post holds — captions with @everyone, role
// and user mentions, markdown, 4-byte characters at every truncation boundary — the message igcord sends is within
// Discord's limits, pings nobody but the feed's role, and splits no character in two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { createLogger } from '../../../../src/log.js';
import type { FeedTemplate, Post } from '../../../../src/core/index.js';
import { PLACEHOLDER_NAMES } from '../../../../src/discord/feed-posting/placeholders.js';
import { feedMessage } from '../../../../src/discord/feed-posting/discord-feed-poster.js';
import { checkTemplate } from '../../../../src/discord/feed-posting/template-check.js';
import { messageEmbedsSchema } from '../../../../src/discord/embeds/limits.js';
import { carouselMedia } from '../media-fixtures.js';

const log = createLogger({ level: 'silent' });
const PIECES = ['@everyone', '@here', '<@&1234>', '<@5678>', '<@!91>', '[a](https://evil.example)', '*', '_', '\\'];
const FOUR_BYTE = ['😀', '👍🏽', '🇫🇷', '𝒳'];
/** Text made of hostile pieces and 4-byte characters, at lengths around every limit a value is cut at. */
const hostileText = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES, ...FOUR_BYTE, ' ', '\n', 'a'), { maxLength: 60 }),
    fc.constantFrom(0, 1, 29, 30, 31, 199, 200, 255, 256, 1000, 2199, 2200, 2201),
    fc.constantFrom(...FOUR_BYTE, 'a'),
  )
  .map(([pieces, pad, filler]) => filler.repeat(Math.ceil(pad / filler.length)) + pieces.join(''));

const templatePart = (max: number) =>
  fc
    .array(
      fc.oneof(fc.constantFrom(...PLACEHOLDER_NAMES.map((n) => `{${n}}`)), fc.constantFrom('x', ' ', '😀', '**')),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('').slice(0, max));

const templates = fc.record({
  content: templatePart(2000),
  title: templatePart(256),
  description: templatePart(4000),
  author: templatePart(256),
  footer: templatePart(2048),
  colour: fc.option(fc.integer({ min: 0, max: 0xffffff }), { nil: undefined }),
  image: fc.constantFrom('first', 'all', 'none'),
  button: fc.boolean(),
}) as fc.Arbitrary<FeedTemplate>;

const posts = fc
  .record({
    caption: hostileText,
    username: fc.string({ minLength: 1, maxLength: 30 }),
    name: hostileText,
    location: hostileText,
    tags: fc.array(hostileText, { maxLength: 5 }),
  })
  .map(({ caption, username, name, location, tags }): Post => {
    const post = carouselMedia(6);
    return { ...post, caption, tags, author: { ...post.author, username, name }, location: { name: location } };
  });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MENTION = /<@[!&]?\d+>|@everyone|@here/g;

describe('a templated feed post', () => {
  it('never exceeds Discord limits, never pings anyone but the feed role, never splits a character', () => {
    fc.assert(
      fc.property(templates, posts, fc.option(fc.constant('42'), { nil: undefined }), (template, post, role) => {
        fc.pre(checkTemplate(template).length === 0);
        const body = feedMessage(
          { feedId: 'f', channelId: '1', mentionRoleId: role, delivery: { mode: 'message' }, template },
          post,
          { intent: { nonce: 'n' } },
          log,
        );
        expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
        expect(messageEmbedsSchema.safeParse(body.embeds ?? []).success).toBe(true);
        expect(body.allowed_mentions).toEqual({ parse: [], roles: role === undefined ? [] : [role] });
        const texts = [
          body.content ?? '',
          ...((body.embeds ?? []) as APIEmbed[]).flatMap((e) => [
            e.title,
            e.description,
            e.author?.name,
            e.footer?.text,
          ]),
        ].filter((t): t is string => t !== undefined);
        for (const text of texts) {
          expect(text).not.toMatch(LONE_SURROGATE);
          // The only mention that may show is the feed's own role, put there by igcord.
          expect([...text.matchAll(MENTION)].map((m) => m[0])).toEqual(
            text === body.content && role !== undefined ? [`<@&${role}>`] : [],
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
