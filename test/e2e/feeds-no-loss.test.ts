// No post lost, none doubled: Discord answering 500s and 429s for a while, Instagram failing for a while, the same
// notification arriving five times or two notifications for one media, and a post Discord accepted that igcord
// never got to record (as a bot message: the nonce; through a webhook: found among the channel's recent messages).
// The Discord fake's messages are the judge; the emulator's request log counts the calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Routes, type APIMessage } from 'discord.js';
import { deliveryNonce } from '../../src/feeds/index.js';
import { signNotification } from '../../src/providers/v1/subscriptions.js';
import type { Feed } from '../../src/storage/index.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('feed delivery without loss or duplicates', () => {
  let igcord: FeedsIgcord;
  let seeded: number;
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    seeded = 0;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** A fresh source: a seeded Instagram user linked to a new Discord user, followed by `channels` bot feeds. */
  async function followed(
    channelCount: number,
  ): Promise<{ instagramUserId: string; feeds: Feed[]; channels: string[] }> {
    const user = igcord.emulator.admin.users()[seeded++]!;
    const owner = igcord.discord.createUser({ username: `owner${seeded}` });
    const { instagramUserId } = await igcord.link(owner.id, String(user.username));
    const channels: string[] = [];
    const feeds: Feed[] = [];
    for (let i = 0; i < channelCount; i++) {
      const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: `feed-${seeded}-${i}` });
      channels.push(channelId);
      feeds.push(
        await igcord.addFeed({ channelId, ownerDiscordUserId: owner.id, source: { kind: 'account', instagramUserId } }),
      );
    }
    return { instagramUserId, feeds, channels };
  }

  const post = (userId: string, caption: string) => {
    const answer = igcord.emulator.admin.postMedia(userId, { caption }) as { data?: { id: string }; id?: string };
    return answer.data?.id ?? answer.id!;
  };
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const count = (channelId: string, caption: string) =>
    igcord.discord.messages(channelId).filter(withCaption(caption)).length;
  const recorded = (feeds: Feed[], mediaId: string) =>
    eventually(async () => {
      for (const feed of feeds) if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, mediaId))) return false;
      return true;
    }, `media ${mediaId} recorded for every feed`);

  it('delivers every post once after Discord answers 500 and 429 for a while', async () => {
    const { instagramUserId, feeds, channels } = await followed(2);
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
    const mediaId = post(instagramUserId, 'through a Discord outage');
    await recorded(feeds, mediaId);
    expect(five.hits()).toBe(5);
    expect(limited.hits()).toBe(3);
    for (const channelId of channels) expect(count(channelId, 'through a Discord outage')).toBe(1);
  });

  it('delivers every post once after Instagram fails for a while', async () => {
    const { instagramUserId, feeds, channels } = await followed(1);
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: `^/v1/users/${instagramUserId}/media/recent`,
      kind: 'status',
      status: 500,
      times: 8,
    });
    const mediaId = post(instagramUserId, 'through an Instagram outage');
    await recorded(feeds, mediaId);
    igcord.emulator.admin.removeFault(fault.id);
    const failed = igcord.emulator.admin
      .requests()
      .filter((r) => r.path.includes(`/users/${instagramUserId}/media/recent`) && r.status === 500);
    expect(failed.length).toBe(8);
    expect(count(channels[0]!, 'through an Instagram outage')).toBe(1);
  });

  it('posts once when the same notification arrives five more times and when two notifications name one media', async () => {
    const { instagramUserId, feeds, channels } = await followed(2);
    const mediaId = post(instagramUserId, 'announced many times');
    const notification = await eventually(
      () =>
        igcord.emulator.admin.notifications().find((n) => JSON.stringify(n.body).includes(mediaId) && n.status === 200),
      'the emulator to notify igcord',
    );
    const raw = JSON.stringify(notification.body);
    const secret = igcord.app.config.instagram.clientSecret!;
    const replays = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${igcord.app.http.url}/webhooks/instagram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature': signNotification(raw, secret) },
          body: raw,
        }),
      ),
    );
    expect(replays.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await recorded(feeds, mediaId);
    // A second, different notification for the same media (another update object, later time).
    const second = JSON.stringify([{ ...(notification.body as object[])[0], time: Math.floor(Date.now() / 1000) + 1 }]);
    const answer = await fetch(`${igcord.app.http.url}/webhooks/instagram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signNotification(second, secret) },
      body: second,
    });
    expect(answer.status).toBe(200);
    await eventually(
      async () =>
        (await igcord.app.storage.deliveries.listDirty()).every((d) => d.sourceKey !== `account:${instagramUserId}`),
      'the dirty mark to clear',
    );
    for (const channelId of channels) expect(count(channelId, 'announced many times')).toBe(1);
  });

  it('does not post again what Discord accepted before igcord could record it (the nonce returns the first message)', async () => {
    const { instagramUserId, feeds, channels } = await followed(1);
    const feed = feeds[0]!;
    // Instagram is unreachable for this source, so the notification waits while the "first attempt" is staged.
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: `^/v1/users/${instagramUserId}/media/recent`,
      kind: 'status',
      status: 500,
    });
    const mediaId = post(instagramUserId, 'crash window');
    const first = (await igcord.app.bot.discord.client.rest.post(Routes.channelMessages(channels[0]!), {
      body: { embeds: [{ description: 'crash window' }], nonce: deliveryNonce(feed.id, mediaId), enforce_nonce: true },
    })) as APIMessage;
    igcord.emulator.admin.removeFault(fault.id);
    const record = await eventually(
      () => igcord.app.storage.deliveries.findDelivery(feed.id, mediaId),
      'the delivery record',
    );
    expect(record.messageId).toBe(first.id);
    expect(count(channels[0]!, 'crash window')).toBe(1);
  });

  it('does not post again through a webhook what Discord accepted before igcord could record it (found in the channel, not by the nonce)', async () => {
    const user = igcord.emulator.admin.users()[seeded++]!;
    const owner = igcord.discord.createUser({ username: `owner${seeded}` });
    const { instagramUserId } = await igcord.link(owner.id, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: `webhook-crash-${seeded}` });
    const webhook = await igcord.createWebhook(channelId);
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: owner.id,
      source: { kind: 'account', instagramUserId },
      webhook,
    });
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: `^/v1/users/${instagramUserId}/media/recent`,
      kind: 'status',
      status: 500,
    });
    const answer = igcord.emulator.admin.postMedia(instagramUserId, { caption: 'webhook crash window' }) as {
      data?: { id: string; link: string };
      id?: string;
      link?: string;
    };
    const media = { id: answer.data?.id ?? answer.id!, link: answer.data?.link ?? answer.link! };
    // The post a crashed igcord got out through the webhook: no nonce, as Discord need not honour one there.
    const first = (await igcord.app.bot.discord.client.rest.post(Routes.webhook(webhook.id, webhook.token!), {
      body: { username: String(user.username), embeds: [{ url: media.link, description: 'webhook crash window' }] },
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
    })) as APIMessage;
    expect(first.nonce).toBeUndefined();
    const logFrom = igcord.discord.restLog().length;
    igcord.emulator.admin.removeFault(fault.id);

    const record = await eventually(
      () => igcord.app.storage.deliveries.findDelivery(feed.id, media.id),
      'the delivery record',
    );
    expect(record.messageId).toBe(first.id);
    expect(count(channelId, 'webhook crash window')).toBe(1);
    const since = igcord.discord.restLog().slice(logFrom);
    expect(since.some((r) => r.method === 'GET' && r.path === `/channels/${channelId}/messages`)).toBe(true);
    expect(since.filter((r) => r.method === 'POST' && r.path.startsWith(`/webhooks/${webhook.id}/`))).toEqual([]);

    // The next media is posted once, through the webhook.
    const next = post(instagramUserId, 'after the webhook crash');
    await recorded([feed], next);
    expect(count(channelId, 'after the webhook crash')).toBe(1);
    expect(
      igcord.discord
        .restLog()
        .slice(logFrom)
        .filter((r) => r.method === 'POST' && r.path.startsWith(`/webhooks/${webhook.id}/`)).length,
    ).toBe(1);
    expect(igcord.discord.messages(channelId).filter((m) => m.webhook_id === webhook.id).length).toBe(2);
  });

  it('makes one Instagram call per new media for a source followed by three feeds', async () => {
    const { instagramUserId, feeds } = await followed(3);
    const calls = () =>
      igcord.emulator.admin.requests().filter((r) => r.path.includes(`/users/${instagramUserId}/media/recent`)).length;
    const before = calls();
    for (const caption of ['one', 'two', 'three']) {
      const mediaId = post(instagramUserId, `call count ${caption}`);
      await recorded(feeds, mediaId);
      await eventually(
        async () =>
          (await igcord.app.storage.deliveries.listDirty()).every((d) => d.sourceKey !== `account:${instagramUserId}`),
        'the run to finish',
      );
    }
    expect(calls() - before).toBe(3);
  });
});
