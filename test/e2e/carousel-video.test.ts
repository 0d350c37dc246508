// A carousel that holds a video, as a person sees it in a feed channel and through /media show: every picture of
// the post appears once, and the video is shown by its own cover when Instagram serves one, with its play link.
// Platform API v1 serves a carousel's video items with `videos` only, and its top-level `images` mirror the first
// item (reference §2), so a video in the middle has no still of its own: borrowing the top-level one would show
// the first picture twice.
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

interface V1Carousel {
  id: string;
  link: string;
  images: { standard_resolution: { url: string } };
  carousel_media: {
    type: 'image' | 'video';
    images?: { standard_resolution: { url: string } };
    videos?: { standard_resolution: { url: string } };
  }[];
}

describe('a carousel with a video', () => {
  let igcord: FeedsIgcord;
  let instagramUserId: string;
  let channelId: string;
  let carousel: V1Carousel;

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[2]!;
    ({ instagramUserId } = await igcord.link(igcord.personId, String(user.username)));
    channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'carousels' });
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    carousel = igcord.emulator.admin.postMedia(instagramUserId, {
      type: 'carousel',
      caption: 'image, video, image',
      carouselItems: ['image', 'video', 'image'],
    }) as unknown as V1Carousel;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const pictures = () => [
    carousel.carousel_media[0]!.images!.standard_resolution.url,
    carousel.carousel_media[2]!.images!.standard_resolution.url,
  ];
  const video = () => carousel.carousel_media[1]!.videos!.standard_resolution.url;

  const expectEachPictureOnceAndThePlayLink = (embeds: APIEmbed[]) => {
    const shown = embeds.flatMap((e) => (e.image?.url ? [e.image.url] : []));
    expect(shown).toEqual(pictures());
    expect(new Set(shown).size).toBe(shown.length);
    const videoField = embeds[0]!.fields?.find((f) => f.name === 'Video')?.value;
    expect(videoField).toContain(`[▶ Play video 2/3](${video()})`);
    expect(embeds[0]!.footer?.text).toContain('3 items');
  };

  it('is served by the emulator as v1 serves it: the video item without a still, the top-level images the first item', () => {
    expect(carousel.carousel_media.map((m) => m.type)).toEqual(['image', 'video', 'image']);
    expect(carousel.carousel_media[1]!.images).toBeUndefined();
    expect(carousel.images.standard_resolution.url).toBe(pictures()[0]);
  });

  it('is posted to the feed channel with each picture once and the video as its play link', async () => {
    await eventually(
      () =>
        igcord.discord.messages(channelId).some((m) => m.embeds.some((e) => e.description === 'image, video, image')),
      'the carousel posted to the feed channel',
    );
    const posted = igcord.discord
      .messages(channelId)
      .filter((m) => m.embeds.some((e) => e.description === 'image, video, image'));
    expect(posted).toHaveLength(1);
    expectEachPictureOnceAndThePlayLink(posted[0]!.embeds);
  });

  it('is shown by /media show with each picture once and the video as its play link', async () => {
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId,
      userId: igcord.personId,
      name: 'media',
      subcommand: 'show',
      options: { media: carousel.id },
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expectEachPictureOnceAndThePlayLink(reply.embeds ?? []);
  });
});
