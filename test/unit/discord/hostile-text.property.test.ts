// Text from Instagram is written by strangers. Whatever a caption, comment, name, bio or location name holds,
// what igcord hands Discord must never render as a masked link `[text](url)` pointing somewhere igcord did not
// choose, never render or ping as a mention, and never carry bidi overrides that reverse igcord's own words.
// fast-check builds the strings from the pieces such attacks are made of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { renderMediaEmbeds } from '../../../src/discord/embeds/media-embed.js';
import { plain } from '../../../src/discord/embeds/text.js';
import { renderUserEmbed } from '../../../src/discord/embeds/user-embed.js';
import { commentLine, likerLine } from '../../../commands/media/media-lists.js';
import { renderLocationListEmbed } from '../../../commands/_shared/places/place-embeds.js';
import { locationSchema, commentSchema } from '../../../src/providers/v1/schemas.js';
import { commentFromV1 } from '../../../src/providers/v1/to-core.js';
import { placeInfoFromV1 } from '../../../src/providers/v1/port.js';
import { fullUser, imageMedia } from './media-fixtures.js';
import { englishOnly } from '../../../src/i18n/i18n.js';

const t = englishOnly();

const PIECES = [
  '[',
  ']',
  '(',
  ')',
  '\\',
  '\\\\',
  '@',
  'everyone',
  'here',
  '<',
  '>',
  '#',
  '&',
  '!',
  '/',
  ':',
  '123456789012345678',
  'https://evil.example/x',
  '<https://evil.example>',
  ' ',
  '\n',
  '*',
  '_',
  '`',
  '|',
  '~',
  '-',
  '1.',
  '> ',
  '\u202E',
  '\u202A',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u200B',
  '\u001B[31m',
  'é',
  '👍🏽',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: fc.constantFrom(...'[]()\\@<>#&!/: ahe\n\u202E'.split('')), maxLength: 60 }),
  fc
    .tuple(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('[x](https://evil.example)', '<@&1>', '<#2>', '<@!3>', '@here', '</c:4>'),
      fc.string({ maxLength: 10 }),
    )
    .map((parts) => parts.join('')),
);

/** Text with each backslash escape (`\x`) replaced by a neutral mark: what Discord's markdown reads as markup. */
const unescaped = (markdown: string) => markdown.replace(/\\[\s\S]/g, '\uE000');
/** Masked links Discord would render, as their URLs. */
const maskedLinkUrls = (markdown: string) =>
  [...unescaped(markdown).matchAll(/\[[^[\]]*\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]!);
const MENTION = /<@[!&]?\d+>|<#\d+>|<\/[^<>]+:\d+>|@everyone|@here/i;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

const defined = (texts: (string | undefined)[]) => texts.filter((t): t is string => t !== undefined);
/** The strings of an embed where Discord renders markdown (and so masked links). */
const markdownTexts = (embed: APIEmbed) =>
  defined([embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])]);
/**
 * Every string a rendered embed shows. Discord renders no masked link in a title (the title's link is the embed's
 * `url`), an author name or a footer, so those are held only to "no mention, no bidi override".
 */
const shownTexts = (embed: APIEmbed) => [
  ...markdownTexts(embed),
  ...defined([embed.title, embed.author?.name, embed.footer?.text]),
];

describe('Instagram text shown in Discord', () => {
  it('never forms a masked link, a mention or a bidi override in markdown places', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = plain(text);
        expect(maskedLinkUrls(out)).toEqual([]);
        expect(out).not.toMatch(MENTION);
        expect(out).not.toMatch(BIDI);
      }),
      { numRuns: 2000 },
    );
  });

  it('never forms a mention or a bidi override in label places (author names, footers, webhook names)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = plain(text, 'label');
        expect(out).not.toMatch(MENTION);
        expect(out).not.toMatch(BIDI);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes every masked link on a line, also after a stray bracket', () => {
    const out = plain('[x [a](https://evil.example/1) and [b](https://evil.example/2)');
    expect(maskedLinkUrls(out)).toEqual([]);
    expect(out.replace(/\\(.)/g, '$1')).toBe('[x [a](https://evil.example/1) and [b](https://evil.example/2)');
  });

  it('keeps a hostile caption, name and location from linking anywhere but Instagram in a media embed', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (caption, fullName, locationName) => {
        const embeds = renderMediaEmbeds(
          imageMedia({ caption: caption || 'x', fullName, locationName: locationName || 'y' }),
        );
        for (const text of embeds.flatMap(markdownTexts)) {
          for (const url of maskedLinkUrls(text)) expect(url).toMatch(/^https:\/\/www\.instagram\.com\//);
        }
        for (const text of embeds.flatMap(shownTexts)) {
          expect(text).not.toMatch(MENTION);
          expect(text).not.toMatch(BIDI);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hostile bios, comments, liker names and location names from linking or mentioning', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const profile = renderUserEmbed(fullUser({ bio: a || 'x', fullName: b }));
        const comment = commentLine(
          commentFromV1(
            commentSchema.parse({
              id: '9',
              created_time: '1469541290',
              text: a,
              from: { id: '4', username: 'someone' },
            }),
          ),
        );
        const liker = likerLine({ id: '4', username: 'someone', name: b, avatar: '' });
        const places = renderLocationListEmbed(
          { lat: 0, lng: 0 },
          100,
          [placeInfoFromV1(locationSchema.parse({ id: '5', name: a || 'x', latitude: 0, longitude: 0 }))],
          t,
        );
        for (const text of [...markdownTexts(profile), comment, liker, ...markdownTexts(places)]) {
          // The profile's own website is a link igcord chose to make (from the API's website field, not the bio).
          for (const url of maskedLinkUrls(text))
            expect(url).toMatch(/^https:\/\/(www\.instagram\.com|www\.openstreetmap\.org|example\.com)\//);
        }
        for (const text of [...shownTexts(profile), comment, liker, ...shownTexts(places)]) {
          expect(text).not.toMatch(MENTION);
          expect(text).not.toMatch(BIDI);
        }
      }),
      { numRuns: 300 },
    );
  });
});
