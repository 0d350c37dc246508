import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS, embedLength, messageEmbedsSchema } from '../../../src/discord/embeds/limits.js';
import { renderMediaEmbeds } from '../../../src/discord/embeds/media-embed.js';
import { joinWithin, truncate } from '../../../src/discord/embeds/text.js';
import { renderUserEmbed } from '../../../src/discord/embeds/user-embed.js';
import { carouselMedia, fullUser, imageMedia, videoMedia } from './media-fixtures.js';

function expectWithinLimits(embeds: APIEmbed[]): void {
  const checked = messageEmbedsSchema.safeParse(embeds);
  expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues)).toBe(true);
  expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
}

describe('media embed', () => {
  it('shows a photo as its image with author, caption, location, people, tags, counts and time', () => {
    const [embed, ...rest] = renderMediaEmbeds(imageMedia());
    expect(rest).toHaveLength(0);
    expect(embed?.image?.url).toBe('https://scontent.cdninstagram.com/BImg-s.jpg');
    expect(embed?.url).toBe('https://www.instagram.com/p/BImg/');
    expect(embed?.author).toMatchObject({
      name: 'Igcord Tester (@igcord_tester)',
      url: 'https://www.instagram.com/igcord_tester/',
    });
    expect(embed?.description).toBe('Evening light #sunset');
    expect(embed?.timestamp).toBe('2016-07-26T13:54:50.000Z');
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['📍 Location']).toBe('[Brighton Beach](https://www.instagram.com/explore/locations/514276/)');
    expect(fields['In this photo']).toContain('friend');
    expect(fields['Tags']).toContain('[#sunset](https://www.instagram.com/explore/tags/sunset/)');
    expect(fields['❤️ Likes']).toBe('1,234');
    expect(fields['💬 Comments']).toBe('56');
  });

  it('shows a video as its cover with a play link to the video and a link to the post', () => {
    const [embed] = renderMediaEmbeds(videoMedia());
    expect(embed?.image?.url).toBe('https://scontent.cdninstagram.com/BVid-s.jpg');
    const video = embed?.fields?.find((f) => f.name === 'Video');
    expect(video?.value).toBe(
      '[▶ Play video](https://scontent.cdninstagram.com/v-s.mp4) · [Open post](https://www.instagram.com/p/BVid/)',
    );
    expect(embed?.footer?.text).toBe('Instagram · Video');
  });

  it('shows a carousel as a gallery of up to four images sharing the post URL and says how many there are', () => {
    const embeds = renderMediaEmbeds(carouselMedia(6));
    expect(embeds).toHaveLength(4);
    expect(new Set(embeds.map((e) => e.url))).toEqual(new Set(['https://www.instagram.com/p/BCar/']));
    expect(embeds.map((e) => e.image?.url)).toEqual(
      [0, 1, 2, 3].map((i) => `https://scontent.cdninstagram.com/c${i}-s.jpg`),
    );
    expect(embeds[0]?.footer?.text).toBe('Instagram · Carousel · 1–4/6');
    expect(embeds[0]?.fields?.find((f) => f.name === 'Video')?.value).toContain('▶ Play video 2/6');
  });

  it('renders one carousel item on its own with "n/N" when asked for it', () => {
    const embeds = renderMediaEmbeds(carouselMedia(5), { carouselItem: 2 });
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.image?.url).toBe('https://scontent.cdninstagram.com/c2-s.jpg');
    expect(embeds[0]?.footer?.text).toBe('Instagram · Carousel · 3/5');
    expect(embeds[0]?.fields?.some((f) => f.name === 'Video')).toBe(false);
  });

  it('leaves out what is missing instead of sending empty fields', () => {
    const [embed] = renderMediaEmbeds(imageMedia({ caption: null, tags: [], locationName: null, tagged: [] }));
    expect(embed?.description).toBeUndefined();
    expect(embed?.fields?.map((f) => f.name)).toEqual(['❤️ Likes', '💬 Comments']);
  });

  it('escapes markdown in captions so they read as written', () => {
    const [embed] = renderMediaEmbeds(imageMedia({ caption: '__init__ *bold* ~~x~~ [a](https://evil.example)' }));
    expect(embed?.description).not.toMatch(/(^|[^\\])\*bold/);
    expect(embed?.description).toContain('\\_\\_init\\_\\_');
  });

  it('cuts a 10,000-character caption within the limit, at a word, ending with an ellipsis', () => {
    const caption = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const [embed] = renderMediaEmbeds(imageMedia({ caption }), { captionMax: 4096 });
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
    expect(embed?.description?.endsWith('…')).toBe(true);
    expect(caption.startsWith(embed!.description!.slice(0, -1))).toBe(true);
    expect(caption.charAt(embed!.description!.length - 1)).toBe(' ');
  });

  it('never exceeds any Discord limit, whatever the caption, tags, names and people (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12_000 }),
      fc.string({ unit: 'binary', maxLength: 5_000 }),
      fc
        .array(fc.constantFrom('👨‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301', 'x'.repeat(3000), ' ', '*', '_', '#tag', '\n'), {
          maxLength: 4000,
        })
        .map((a) => a.join('')),
    );
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(
        text,
        fc.array(word, { maxLength: 300 }),
        fc.array(word, { maxLength: 60 }),
        word,
        fc.option(word, { nil: null }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('image', 'video', 'carousel'),
        fc.integer({ min: 100, max: 4096 }),
        (caption, tags, tagged, username, locationName, items, kind, captionMax) => {
          const o = { caption, tags, tagged, username, fullName: username.repeat(3), locationName };
          const media = kind === 'image' ? imageMedia(o) : kind === 'video' ? videoMedia(o) : carouselMedia(items, o);
          expectWithinLimits(renderMediaEmbeds(media, { captionMax }));
          if (kind === 'carousel')
            expectWithinLimits(renderMediaEmbeds(media, { carouselItem: items - 1, captionMax }));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('profile embed', () => {
  it('shows the name, picture, bio, website and counts', () => {
    const embed = renderUserEmbed(fullUser());
    expect(embed.title).toBe('Igcord Tester (@igcord_tester)');
    expect(embed.thumbnail?.url).toBe('https://scontent.cdninstagram.com/p.jpg');
    expect(embed.description).toBe('Photos of the sea');
    expect(embed.fields?.map((f) => `${f.name}=${f.value}`)).toEqual([
      'Posts=1,320',
      'Followers=3,410',
      'Following=420',
      'Website=[https://example.com/](https://example.com/)',
    ]);
  });

  it('never exceeds any Discord limit, whatever the bio and names (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 8000 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        (bio, fullName) => {
          expectWithinLimits([
            renderUserEmbed(fullUser({ bio, fullName, website: `https://example.com/${'a'.repeat(1500)}` })),
          ]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('text truncation', () => {
  it('never splits an emoji cluster, and marks the cut', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(family.repeat(10), 30);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.slice(0, -1)).toBe(family.repeat((cut.length - 1) / family.length));
  });

  it('returns text that fits unchanged', () => {
    expect(truncate('short', 5)).toBe('short');
  });

  it('lists what fits and counts the rest', () => {
    expect(joinWithin(['#aaaa', '#bbbb', '#cccc', '#dddd'], ' ', 20)).toBe('#aaaa #bbbb +2 more');
    expect(joinWithin(['#aaaa', '#bbbb'], ' ', 20)).toBe('#aaaa #bbbb');
  });
});

describe('embed limits schema', () => {
  it('rejects a title over 256, more than 25 fields, more than 10 embeds and over 6000 characters in total', () => {
    expect(messageEmbedsSchema.safeParse([{ title: 'x'.repeat(257) }]).success).toBe(false);
    expect(
      messageEmbedsSchema.safeParse([{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }])
        .success,
    ).toBe(false);
    expect(messageEmbedsSchema.safeParse(Array.from({ length: 11 }, () => ({ title: 'a' }))).success).toBe(false);
    expect(
      messageEmbedsSchema.safeParse([{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }]).success,
    ).toBe(false);
    expect(
      messageEmbedsSchema.safeParse([{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2000) }]).success,
    ).toBe(true);
  });
});
