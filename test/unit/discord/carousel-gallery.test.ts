// A carousel's gallery never repeats a picture: a video shows its own cover when it has one, and only its play link
// when it has none — a still borrowed from another item would show that item twice. Covers both a Graph-shaped
// post (every video with its own `thumbnail_url`) and a v1 one (a carousel's video items carry no still).
import { describe, expect, it } from 'vitest';
import type { MediaItem, Post } from '../../../src/core/index.js';
import { renderMediaEmbeds } from '../../../src/discord/embeds/media-embed.js';
import { mediaSchema } from '../../../src/providers/v1/schemas.js';
import { postFromV1 } from '../../../src/providers/v1/to-core.js';

const CDN = 'https://cdn.example';
const permalink = 'https://www.instagram.com/p/BGal/';

const carousel = (items: MediaItem[]): Post => ({
  id: '1_1',
  kind: 'carousel',
  items,
  caption: 'gallery',
  author: { id: '1', username: 'gallery_owner' },
  permalink,
  tags: [],
  people: [],
  counts: {},
  time: 1_700_000_000,
});

const pictures = (embeds: ReturnType<typeof renderMediaEmbeds>) =>
  embeds.flatMap((e) => (e.image ? [e.image.url] : []));
const videoField = (embeds: ReturnType<typeof renderMediaEmbeds>) =>
  embeds[0]?.fields?.find((f) => f.name === 'Video')?.value;

describe('carousel gallery', () => {
  it('shows a video that has its own cover as that cover, between the pictures, with its play link', () => {
    const embeds = renderMediaEmbeds(
      carousel([
        { kind: 'image', url: `${CDN}/a.jpg` },
        { kind: 'video', url: `${CDN}/v.mp4`, cover: `${CDN}/v-cover.jpg` },
        { kind: 'image', url: `${CDN}/b.jpg` },
      ]),
    );
    expect(pictures(embeds)).toEqual([`${CDN}/a.jpg`, `${CDN}/v-cover.jpg`, `${CDN}/b.jpg`]);
    expect(videoField(embeds)).toContain(`[▶ Play video 2/3](${CDN}/v.mp4)`);
  });

  it("shows a picture once even when a video's cover is that same picture", () => {
    const embeds = renderMediaEmbeds(
      carousel([
        { kind: 'image', url: `${CDN}/a.jpg` },
        { kind: 'video', url: `${CDN}/v.mp4`, cover: `${CDN}/a.jpg` },
        { kind: 'image', url: `${CDN}/b.jpg` },
      ]),
    );
    expect(pictures(embeds)).toEqual([`${CDN}/a.jpg`, `${CDN}/b.jpg`]);
    expect(videoField(embeds)).toContain(`[▶ Play video 2/3](${CDN}/v.mp4)`);
    expect(embeds[0]?.footer?.text).toBe('Instagram · Carousel · 3 items');
  });

  it('shows a video without a cover, paged on its own, as its play link and no picture of another item', () => {
    const embeds = renderMediaEmbeds(
      carousel([
        { kind: 'image', url: `${CDN}/a.jpg` },
        { kind: 'video', url: `${CDN}/v.mp4` },
      ]),
      { carouselItem: 1 },
    );
    expect(pictures(embeds)).toEqual([]);
    expect(videoField(embeds)).toContain(`[▶ Play video 2/2](${CDN}/v.mp4)`);
  });
});

describe('v1 carousel items', () => {
  const rendition = (name: string) => ({ url: `${CDN}/${name}.jpg`, width: 640, height: 640 });
  const images = (name: string) => ({
    thumbnail: rendition(`${name}-t`),
    low_resolution: rendition(`${name}-l`),
    standard_resolution: rendition(`${name}-s`),
  });
  const videos = (name: string) => ({
    standard_resolution: { url: `${CDN}/${name}.mp4`, width: 640, height: 640 },
    low_resolution: { url: `${CDN}/${name}-l.mp4`, width: 480, height: 480 },
  });
  const v1Carousel = (kinds: ('image' | 'video')[]) =>
    postFromV1(
      mediaSchema.parse({
        id: '2_1',
        type: 'carousel',
        created_time: '1700000000',
        link: permalink,
        filter: 'Normal',
        tags: [],
        user: { id: '1', username: 'gallery_owner', full_name: '', profile_picture: `${CDN}/p.jpg` },
        location: null,
        caption: null,
        likes: { count: 0 },
        comments: { count: 0 },
        users_in_photo: [],
        // The top-level images mirror the first item (reference §2): its picture, or its cover frame for a video.
        images: images('c0'),
        carousel_media: kinds.map((kind, i) =>
          kind === 'image'
            ? { type: 'image', images: images(`c${i}`), users_in_photo: [] }
            : { type: 'video', videos: videos(`c${i}`), users_in_photo: [] },
        ),
      }),
    );

  it("gives a video in the middle no cover, since the top-level still is the first item's", () => {
    const post = v1Carousel(['image', 'video', 'image']);
    expect(post.items[1]).toEqual({ kind: 'video', url: `${CDN}/c1.mp4` });
  });

  it('gives a first video the top-level still, which is its own cover frame', () => {
    const post = v1Carousel(['video', 'image']);
    expect(post.items[0]).toMatchObject({ kind: 'video', url: `${CDN}/c0.mp4`, cover: `${CDN}/c0-s.jpg` });
  });
});
