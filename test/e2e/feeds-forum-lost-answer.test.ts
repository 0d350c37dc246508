// A forum feed whose thread creation Discord carried out but whose answer never reached igcord (the client gave
// up waiting, as after a dropped connection): Discord documents no nonce for a thread's starter message, so only
// igcord's posting intent (docs/decisions/0030) keeps the next try from making a second thread. The next run finds
// the intent settled, looks among the forum's threads the bot made since, finds the post's thread and records it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('a forum post whose answer was lost', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      // The intent settles at once when the request failed: only a look decides, never the clock.
      { intentSettleMs: 600_000 },
      {},
      // The client gives up on a held request quickly and does not retry it itself.
      { rest: { timeout: 1_000, retries: 0, globalRequestsPerSecond: 1e6 } },
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('records the thread Discord made instead of making a second one', async () => {
    const forumId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'lost-answer', type: 'forum' });
    const user = igcord.emulator.admin.users()[1]!;
    const ownerId = igcord.discord.createUser({ username: 'lost-answer-owner' }).id;
    const { instagramUserId } = await igcord.link(ownerId, String(user.username));
    const feed = await igcord.addFeed({
      channelId: forumId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'account', instagramUserId },
      place: 'forum',
    });
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    const path = `/channels/${forumId}/threads`;
    const fault = igcord.discord.injectFault({ method: 'POST', path, until });

    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'answer lost on the way back' });
    await eventually(() => fault.hits() === 1, 'the thread creation held by Discord');
    await eventually(() => /delivery failed; will retry/.test(igcord.logs()), 'igcord giving up on the request');
    // Discord carries the request out after all; its answer goes to a client that stopped listening.
    release();
    await eventually(() => igcord.discord.threads(forumId).length === 1, 'the thread made by the held request');

    const [thread] = igcord.discord.threads(forumId);
    await eventually(
      async () => (await igcord.app.storage.deliveries.recentDeliveries(feed.id)).length === 1,
      'the delivery recorded',
    );
    const [delivery] = await igcord.app.storage.deliveries.recentDeliveries(feed.id);
    expect(delivery!.messageId).toBe(thread!.id);
    expect(igcord.discord.threads(forumId)).toHaveLength(1);
    expect(igcord.logs()).toMatch(/found an unrecorded earlier forum thread/);
    expect(igcord.discord.restLog().filter((e) => e.method === 'POST' && e.path === path)).toHaveLength(1);
  });
});
