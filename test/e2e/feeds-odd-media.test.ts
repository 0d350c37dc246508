// Media the renderer cannot draw in full is posted degraded, never retried: odd but valid media from Instagram (a
// location with an empty name, a created_time far in the future, images without URLs, over-long fields) reach
// every feed once, the bad field left out, and the source goes on to the next post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import type { Feed } from '../../src/storage/index.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('odd but valid media', () => {
  let igcord: FeedsIgcord;
  let instagramUserId: string;
  let feeds: Feed[];
  let channels: string[];
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[3]!;
    ({ instagramUserId } = await igcord.link(igcord.personId, String(user.username)));
    const source = { kind: 'account' as const, instagramUserId };
    channels = [
      igcord.discord.createChannel(igcord.guild.guildId, { name: 'odd-bot' }),
      igcord.discord.createChannel(igcord.guild.guildId, { name: 'odd-hook' }),
    ];
    feeds = [
      await igcord.addFeed({ channelId: channels[0]!, ownerDiscordUserId: igcord.personId, source }),
      await igcord.addFeed({
        channelId: channels[1]!,
        ownerDiscordUserId: igcord.personId,
        source,
        webhook: await igcord.createWebhook(channels[1]!),
      }),
    ];
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const post = (caption: string, quirks: Record<string, unknown>) => {
    const answer = igcord.emulator.admin.postMedia(instagramUserId, { caption, quirks: quirks as never }) as {
      data?: { id: string };
      id?: string;
    };
    return answer.data?.id ?? answer.id!;
  };
  const withCaption = (caption: string) => (m: APIMessage) =>
    m.embeds.some((e) => e.description === caption) || m.content.includes(caption);
  const deliveredOnce = async (mediaId: string, caption: string): Promise<APIMessage[]> => {
    await eventually(async () => {
      for (const feed of feeds) if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, mediaId))) return false;
      return true;
    }, `media ${mediaId} recorded for every feed`);
    return channels.map((channelId) => {
      const found = igcord.discord.messages(channelId).filter(withCaption(caption));
      expect(found).toHaveLength(1);
      return found[0]!;
    });
  };

  it('posts a media whose location has an empty name (coordinates only), naming the place by its coordinates', async () => {
    const mediaId = post('odd location', { location: { id: null, name: '', latitude: 48.8584, longitude: 2.2945 } });
    for (const message of await deliveredOnce(mediaId, 'odd location')) {
      const location = message.embeds[0]!.fields?.find((f) => f.name.includes('Location'));
      expect(location?.value).toBe('48.85840, 2.29450');
    }
  });

  it('posts a media whose created_time lies beyond any date, without the time', async () => {
    const mediaId = post('far future', { created_time: '99999999999999999' });
    for (const message of await deliveredOnce(mediaId, 'far future'))
      expect(message.embeds[0]!.timestamp).toBeUndefined();
  });

  it('posts media with images without URLs and with over-long fields', async () => {
    const blank = { url: '', width: 0, height: 0 };
    const noImages = post('no images', {
      images: { thumbnail: blank, low_resolution: blank, standard_resolution: blank },
    });
    await deliveredOnce(noImages, 'no images');
    const long = post('long fields', {
      tags: ['t'.repeat(3000), 'u'.repeat(3000)],
      location: { id: null, name: 'L'.repeat(5000), latitude: null, longitude: null },
      users_in_photo: Array.from({ length: 40 }, (_, i) => ({
        user: { username: `${'p'.repeat(60)}${i}` },
        position: { x: 0, y: 0 },
      })),
    });
    await deliveredOnce(long, 'long fields');
  });

  it('goes on to the next, ordinary post once each', async () => {
    const mediaId = post('ordinary again', {});
    await deliveredOnce(mediaId, 'ordinary again');
    // A post leaves the pending list just after Discord accepted it: wait for that write, not only the message.
    for (const feed of feeds)
      await eventually(
        async () => (await igcord.app.storage.deliveries.pendingMedia(feed.id)).length === 0,
        'the pending list to empty',
      );
  });
});
