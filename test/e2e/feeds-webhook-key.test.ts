// A webhook feed whose stored webhook token cannot be decrypted (it was made with a key that is no longer
// configured) can never post again: the engine disables it with a reason an admin can act on, instead of retrying
// it forever, and the source's other feeds are not held back by it. The feed is written by a second storage on the
// same SQLite file whose only key is one igcord was never given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('a webhook feed whose token was made with a retired key', () => {
  let igcord: FeedsIgcord;
  let retired: Storage;
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    retired = await openStorage({
      url: igcord.app.config.storage.url,
      dataDir: igcord.app.config.dataDir,
      keys: { current: { id: 'retired', key: Buffer.alloc(32, 0x5e) } },
      log: silentLogger(),
    });
  });
  afterAll(async () => {
    await retired?.close();
    await igcord?.close();
  });

  it('is disabled with a clear reason, is not retried, and the other feeds of its source still get the post', async () => {
    const user = igcord.emulator.admin.users()[2]!;
    const { instagramUserId } = await igcord.link(igcord.personId, String(user.username));
    const source = { kind: 'account' as const, instagramUserId };
    const hookChannel = igcord.discord.createChannel(igcord.guild.guildId, { name: 'retired-key' });
    const botChannel = igcord.discord.createChannel(igcord.guild.guildId, { name: 'current-key' });
    const webhook = await igcord.createWebhook(hookChannel);
    const bot = await igcord.addFeed({ channelId: botChannel, ownerDiscordUserId: igcord.personId, source });
    const stale = await retired.feeds.add({
      guildId: igcord.guild.guildId,
      channelId: hookChannel,
      source,
      ownerDiscordUserId: igcord.personId,
      ownerInstagramUserId: instagramUserId,
      createdBy: igcord.personId,
      delivery: { mode: 'webhook', webhookId: webhook.id, webhookToken: webhook.token! },
    });
    await igcord.app.deliveries.initSource(stale);

    const answer = igcord.emulator.admin.postMedia(instagramUserId, { caption: 'after the key was retired' }) as {
      data?: { id: string };
      id?: string;
    };
    const mediaId = answer.data?.id ?? answer.id!;
    await eventually(() => igcord.app.storage.deliveries.findDelivery(bot.id, mediaId), 'the bot feed to get the post');
    const disabled = await eventually(async () => {
      const feed = await igcord.app.storage.feeds.get(stale.id);
      return feed?.state.kind === 'disabled' ? feed : undefined;
    }, 'the feed with the unreadable webhook token to be disabled');
    // Kept as its cause (worded in each reader's language): the key that made the token is no longer configured.
    expect(disabled.state).toMatchObject({ kind: 'disabled', by: 'webhook-token-unreadable', detail: 'unknown-key' });
    expect(
      igcord.discord.restLog().filter((r) => r.path.startsWith(`/webhooks/${webhook.id}/`) && r.method === 'POST'),
    ).toEqual([]);
    // Nothing was posted through the webhook; the one message in its channel is igcord's notice saying why the feed
    // stopped (a notice goes to the feed's own channel while the bot can post there).
    const inChannel = igcord.discord.messages(hookChannel);
    expect(inChannel.filter((m) => m.webhook_id !== undefined)).toEqual([]);
    expect(inChannel.map((m) => m.content)).toEqual([expect.stringContaining('webhook token cannot be decrypted')]);
    // Disabled, not waiting: nothing is scheduled for it and its source is idle again.
    await eventually(
      async () =>
        (await igcord.app.storage.deliveries.listDirty()).every((d) => d.sourceKey !== `account:${instagramUserId}`),
      'the source run to finish',
    );
    expect(igcord.logs()).not.toContain(webhook.token!);
  });
});
