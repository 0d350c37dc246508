// A feed the engine paused because its owner's Instagram link broke belongs to the Instagram account it was set up
// with: it resumes when its owner links that account again, and not when the owner links some other account
// (whose token would then read, and pay for, a source the owner set up with another account).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('feed relinking', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  /** Resolves once the engine has started two more runs than now, so at least one whole run began after this call. */
  const twoMoreRuns = async () => {
    const before = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= before + 2, 'two more source runs');
  };

  it('keeps a feed paused for a broken link when its owner links another account, and resumes it for the same account', async () => {
    const [original, other] = igcord.emulator.admin.users();
    const discordUser = igcord.discord.createUser({ username: 'relinker' });
    const first = await igcord.link(discordUser.id, String(original!.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'relinked' });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: discordUser.id,
      source: { kind: 'account', instagramUserId: first.instagramUserId },
    });

    igcord.emulator.admin.revokeToken(first.accessToken);
    igcord.emulator.admin.postMedia(first.instagramUserId, { caption: 'posted while the link was broken' });
    await eventually(
      async () => (await igcord.app.storage.feeds.get(feed.id))?.state.kind === 'paused',
      'the feed to pause',
    );

    const second = await igcord.link(discordUser.id, String(other!.username));
    expect(second.instagramUserId).not.toBe(first.instagramUserId);
    await twoMoreRuns();
    expect((await igcord.app.storage.feeds.get(feed.id))?.state.kind).toBe('paused');
    expect(igcord.discord.messages(channelId)).toHaveLength(0);

    await igcord.link(discordUser.id, String(original!.username));
    await igcord.discord.waitForMessage(channelId, withCaption('posted while the link was broken'), 15_000);
    expect((await igcord.app.storage.feeds.get(feed.id))?.state.kind).toBe('active');
  });
});
