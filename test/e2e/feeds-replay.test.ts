// Replayed notifications cost nothing: one genuine signed notification sent again 300 times to igcord's real
// webhook route is acknowledged every time, yet the source is read from Instagram at most a couple of times and
// the post appears once. The emulator's request log counts the calls; the Discord fake's messages are the judge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/providers/v1/subscriptions.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('replayed notifications', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('spends at most a couple of Instagram calls when one signed notification is replayed 300 times, and posts once', async () => {
    const user = igcord.emulator.admin.users()[1]!;
    const { instagramUserId } = await igcord.link(igcord.personId, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'replayed' });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    const calls = () =>
      igcord.emulator.admin.requests().filter((r) => r.path.includes(`/users/${instagramUserId}/media/recent`)).length;
    const before = calls();

    const answer = igcord.emulator.admin.postMedia(instagramUserId, { caption: 'replayed three hundred times' }) as {
      data?: { id: string };
      id?: string;
    };
    const mediaId = answer.data?.id ?? answer.id!;
    const notification = await eventually(
      () =>
        igcord.emulator.admin.notifications().find((n) => JSON.stringify(n.body).includes(mediaId) && n.status === 200),
      'the emulator to notify igcord',
    );
    const raw = JSON.stringify(notification.body);
    const signature = signNotification(raw, igcord.app.config.instagram.clientSecret!);
    const statuses: number[] = [];
    // Ten at a time: replays overlapping the first run as well as arriving after it.
    for (let sent = 0; sent < 300; sent += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`${igcord.app.http.url}/webhooks/instagram`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
            body: raw,
          }),
        ),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);

    await eventually(() => igcord.app.storage.deliveries.findDelivery(feed.id, mediaId), 'the delivery record');
    await eventually(
      async () =>
        (await igcord.app.storage.deliveries.listDirty()).every((d) => d.sourceKey !== `account:${instagramUserId}`),
      'the source to be read to the end',
    );
    expect(calls() - before).toBeLessThanOrEqual(2);
    expect(
      igcord.discord
        .messages(channelId)
        .filter((m) => m.embeds.some((e) => e.description === 'replayed three hundred times')),
    ).toHaveLength(1);
  });
});
