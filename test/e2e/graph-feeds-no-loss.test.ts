// No post lost, none doubled, on the Graph provider (the twins of feeds-no-loss.test.ts): Discord answering 500s and
// 429s for a while, and the Graph emulator failing for a while, delay a post and never drop or repeat it. Graph
// sends no webhook for new media, so each test asks for one poll (`poke`); retries after a failure are the
// engine's own (its backoff), with no further poll asked for. The Discord fake's messages are the judge.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../src/storage/index.js';
import { eventually } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;

describe('feed delivery on Graph without loss or duplicates', () => {
  let igcord: GraphFeedsIgcord;
  let instagramUserId: string;
  const feeds: Feed[] = [];
  const channels: string[] = [];

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR });
    ({ instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio'));
    for (const name of ['outage-a', 'outage-b']) {
      const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name });
      channels.push(channelId);
      feeds.push(
        await igcord.addFeed({
          channelId,
          ownerDiscordUserId: igcord.personId,
          source: { kind: 'account', instagramUserId },
        }),
      );
    }
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const post = (caption: string) => igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption }).id;
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const count = (channelId: string, caption: string) =>
    igcord.discord.messages(channelId).filter(withCaption(caption)).length;
  const recorded = (mediaId: string) =>
    eventually(async () => {
      for (const feed of feeds) if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, mediaId))) return false;
      return true;
    }, `media ${mediaId} recorded for every feed`);

  it('delivers every post once after Discord answers 500 and 429 for a while', async () => {
    const five = igcord.discord.injectFault({
      method: 'POST',
      path: `/channels/${channels[0]}/messages`,
      status: 500,
      times: 5,
    });
    const limited = igcord.discord.injectFault({
      method: 'POST',
      path: `/channels/${channels[1]}/messages`,
      status: 429,
      retryAfterSeconds: 0.2,
      times: 3,
    });
    const mediaId = post('through a Discord outage on Graph');
    igcord.graph.admin.clearRequests();
    igcord.app.deliveries.poke(`account:${instagramUserId}`);
    await recorded(mediaId);
    expect(five.hits()).toBe(5);
    expect(limited.hits()).toBe(3);
    for (const channelId of channels) expect(count(channelId, 'through a Discord outage on Graph')).toBe(1);
    // The feeds' retries drain their pending lists: Instagram was read once for both channels.
    expect(igcord.reads('/me/media')).toBe(1);
  });

  it('delivers every post once after the Graph API fails for a while', async () => {
    const fault = igcord.graph.admin.injectFault({
      method: 'GET',
      path: '/me/media$',
      kind: 'status',
      status: 500,
      times: 4,
    });
    const mediaId = post('through a Graph outage');
    igcord.graph.admin.clearRequests();
    igcord.app.deliveries.poke(`account:${instagramUserId}`);
    await recorded(mediaId);
    igcord.graph.admin.removeFault(fault.id);
    const failed = igcord.graph.admin.requests().filter((r) => r.path.endsWith('/me/media') && r.status === 500);
    expect(failed.length).toBe(4);
    for (const channelId of channels) expect(count(channelId, 'through a Graph outage')).toBe(1);
  });
});
