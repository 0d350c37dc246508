// /feed why for a post its feed has not read because the payer's Instagram budget is spent: end to end through the
// real discord.js client, the Discord fake, the Instagram v1 emulator and igcord's own limiter (a 10-call window of
// ten minutes). The payer's budget is spent through igcord's client, a post is made, and /feed why — asked by a
// member with a link of their own, whose budget is untouched — says the source's read is over budget and names
// when the budget frees as a Discord timestamp (docs/decisions/0025).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import { sourceKey } from '../../src/storage/index.js';

describe('/feed why with the payer over budget', () => {
  let igcord: FeedsIgcord;
  let payer: { instagramUserId: string; accessToken: string; discordUserId: string };

  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { minPollMs: 300, startSpreadMs: 300 },
      // A 10-call budget over 10 minutes; a feed's read that cannot start within a second is refused, not queued.
      {
        RATE_LIMIT_GLOBAL: '10',
        RATE_LIMIT_WINDOW_MS: '600000',
        DELIVERY_DEADLINE_MS: '1000',
        BACKGROUND_DEADLINE_MS: '1000',
      },
    );
    const users = igcord.emulator.admin.users();
    await igcord.link(igcord.personId, String(users[0]!.username));
    const payerUser = igcord.discord.createUser({ username: 'payer' });
    const linked = await igcord.link(payerUser.id, String(users[1]!.username));
    payer = { ...linked, discordUserId: payerUser.id };
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it("says a post not read yet is over budget and when the payer's budget frees", async () => {
    const feed = await igcord.addFeed({
      channelId: igcord.discord.createChannel(igcord.guild.guildId, { name: 'budget' }),
      ownerDiscordUserId: payer.discordUserId,
      source: { kind: 'account', instagramUserId: payer.instagramUserId },
    });
    // Spend the payer's whole budget through igcord's own client and limiter.
    const auth = { userId: payer.instagramUserId, accessToken: payer.accessToken };
    while (igcord.app.limiter.quota(payer.instagramUserId).remaining > 0)
      await igcord.app.instagram.tags.get(auth, 'sunset');
    const answer = igcord.emulator.admin.postMedia(payer.instagramUserId, { caption: 'not read yet' }) as {
      data?: { link: string };
      link?: string;
    };
    const link = answer.data?.link ?? answer.link!;
    // Instagram announces the post (as its notification does): the engine's read of the source is refused by the
    // limiter, and the run stops early. (Without one, the engine spaces its polls out while the budget is spent.)
    igcord.app.deliveries.poke(sourceKey(feed.source));
    await eventually(() => igcord.app.deliveries.status(feed).retryReason, 'a read of the source to stop early');

    const reply = await igcord.discord
      .sendCommand({
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'why',
        options: { post: link },
      })
      .waitForReply(undefined, WAIT_MS);
    const line = reply.content.split('\n').find((l) => l.includes(`\`${feed.id}\``));
    expect(line).toMatch(/not seen yet/);
    expect(line).toMatch(/over budget \(the payer's Instagram budget frees <t:\d+:R>\)/);
    // The time named is when the payer's window frees: after now, within the 10-minute window.
    const frees = Number(/frees <t:(\d+):R>/.exec(line!)![1]) * 1000;
    expect(frees).toBeGreaterThan(Date.now());
    expect(frees).toBeLessThanOrEqual(Date.now() + 601_000); // a timestamp is in whole seconds, rounded up
    // Nothing was posted, nor recorded, for the post the source could not read.
    expect(igcord.discord.messages(feed.channelId)).toHaveLength(0);
  });
});
