// Feed delivery end to end: a sandbox user posts on the Instagram emulator, the emulator's signed notification
// reaches igcord's webhook route, and the post appears in every channel that follows the account — as the bot
// with the feed's role mentioned, and through a channel webhook under the Instagram name and picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('feed delivery from a notification', () => {
  let igcord: FeedsIgcord;
  let instagramUserId: string;
  let username: string;
  let accessToken: string;
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[0]!;
    username = String(user.username);
    ({ instagramUserId, accessToken } = await igcord.link(igcord.personId, username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it("subscribes exactly once to user media at igcord's webhook route on start", async () => {
    const response = await fetch(
      `${igcord.emulator.url}/v1/subscriptions?client_id=${igcord.app.config.instagram.clientId}&client_secret=${igcord.app.config.instagram.clientSecret}`,
    );
    const body = (await response.json()) as { data: Array<{ object: string; callback_url: string }> };
    expect(
      body.data.filter((s) => s.callback_url === `${igcord.app.config.http.publicUrl}/webhooks/instagram`),
    ).toHaveLength(1);
    expect(body.data[0]!.object).toBe('user');
  });

  it('posts a new media to a bot feed with its role mention and to a webhook feed under the Instagram name and picture', async () => {
    const { guildId, channels } = igcord.guild;
    const roleId = igcord.discord.createRole(guildId, { name: 'insta-fans' });
    const webhook = await igcord.createWebhook(channels.instagram!);
    const source = { kind: 'account' as const, instagramUserId };
    const botFeed = await igcord.addFeed({
      channelId: channels.general!,
      ownerDiscordUserId: igcord.personId,
      source,
      mentionRoleId: roleId,
    });
    await igcord.addFeed({ channelId: channels.instagram!, ownerDiscordUserId: igcord.personId, source, webhook });
    const before = igcord.discord.messages(channels.general!).length;

    const posted = igcord.emulator.admin.postMedia(instagramUserId, { caption: 'Fresh bread #igcordtest' }) as {
      id?: string;
      data?: { id: string };
    };
    const mediaId = posted.data?.id ?? posted.id!;
    const byEmbed = (m: APIMessage) => m.embeds.some((e) => e.description?.includes('Fresh bread'));
    const botMessage = await igcord.discord.waitForMessage(channels.general!, byEmbed, WAIT_MS);
    const hookMessage = await igcord.discord.waitForMessage(channels.instagram!, byEmbed, WAIT_MS);

    expect(botMessage.author.id).toBe(igcord.discord.botUserId);
    expect(botMessage.content).toBe(`<@&${roleId}>`);
    expect(botMessage.embeds[0]!.title).toMatch(
      new RegExp(`^(Photo|Video|Carousel) by @${username.replace(/\./g, '\\.')}$`),
    );
    expect(botMessage.embeds[0]!.url).toBe(hookMessage.embeds[0]!.url);
    const sent = igcord.discord
      .restLog()
      .find(
        (e) =>
          e.method === 'POST' &&
          e.path === `/channels/${channels.general}/messages` &&
          JSON.stringify(e.body).includes('Fresh bread'),
      );
    expect((sent?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], roles: [roleId] });
    expect((sent?.body as { enforce_nonce?: boolean }).enforce_nonce).toBe(true);

    expect(hookMessage.webhook_id).toBe(webhook.id);
    expect(hookMessage.author.username).toBe(username);
    const user = igcord.emulator.admin.users()[0]!;
    expect((hookMessage as APIMessage & { avatar_url?: string }).avatar_url).toBe(String(user.profile_picture));

    expect(igcord.discord.messages(channels.general!).length).toBe(before + 1);
    const record = await eventually(
      () => igcord.app.storage.deliveries.findDelivery(botFeed.id, mediaId),
      'the delivery record',
    );
    expect(record.messageId).toBe(botMessage.id);
    await eventually(
      async () => (await igcord.app.storage.deliveries.getCursor(`account:${instagramUserId}`))?.mediaId === mediaId,
      'the cursor to move',
    );
    // The engine notes the delivery once storage has taken all of it; the record is visible to this read earlier.
    const noted = await eventually(
      () => igcord.app.deliveries.status(botFeed).lastDeliveryAt,
      'the engine to note the delivery',
    );
    expect(noted).toBe(record.deliveredAt);
    // Stored too, so `/feed list` still knows it after a restart.
    const stored = await eventually(
      async () => (await igcord.app.storage.feeds.get(botFeed.id))?.lastDeliveryAt,
      'lastDeliveryAt to be stored',
    );
    expect(stored).toBe(record.deliveredAt);
    expect(igcord.logs()).not.toContain(accessToken);
  });
  it('backfills the last n media oldest first, recorded, and a second backfill posts nothing again', async () => {
    const user = igcord.emulator.admin.users()[5]!;
    const owner = igcord.discord.createUser({ username: 'backfiller' });
    const linked = await igcord.link(owner.id, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'backfill' });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: owner.id,
      source: { kind: 'account', instagramUserId: linked.instagramUserId },
    });
    expect(igcord.discord.messages(channelId)).toHaveLength(0);

    expect(await igcord.app.deliveries.backfill(feed, 3)).toEqual({ posted: 3 });
    const recent = (await (
      await fetch(`${igcord.emulator.url}/v1/users/self/media/recent?count=3&access_token=${linked.accessToken}`)
    ).json()) as { data: Array<{ link: string }> };
    expect(igcord.discord.messages(channelId).map((m) => m.embeds[0]?.url)).toEqual(
      recent.data.map((m) => m.link).reverse(),
    );
    expect(await igcord.app.storage.deliveries.recentDeliveries(feed.id)).toHaveLength(3);
    expect(await igcord.app.deliveries.backfill(feed, 3)).toEqual({ posted: 0 });
    expect(igcord.discord.messages(channelId)).toHaveLength(3);
    await expect(igcord.app.deliveries.backfill(feed, 11)).rejects.toThrow(/1 to 10/);
  });

  it('sends a test post of the newest media, marked as a test, without recording it or moving the cursor', async () => {
    const user = igcord.emulator.admin.users()[6]!;
    const owner = igcord.discord.createUser({ username: 'tester' });
    const linked = await igcord.link(owner.id, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'test-post' });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: owner.id,
      source: { kind: 'account', instagramUserId: linked.instagramUserId },
    });
    const cursor = await igcord.app.storage.deliveries.getCursor(`account:${linked.instagramUserId}`);

    const result = await igcord.app.deliveries.sendTest(feed);
    expect(result).toEqual({ posted: true, mediaId: cursor!.mediaId });
    const [message] = igcord.discord.messages(channelId);
    expect(message?.content).toContain('Test post');
    expect(await igcord.app.storage.deliveries.findDelivery(feed.id, cursor!.mediaId)).toBeUndefined();
    expect(await igcord.app.storage.deliveries.getCursor(`account:${linked.instagramUserId}`)).toEqual(cursor);
    await igcord.app.deliveries.sendTest(feed);
    expect(igcord.discord.messages(channelId)).toHaveLength(2);
  });
});
