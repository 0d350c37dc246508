// A sick feed waits alone: one feed whose channel webhook answers 502 forever must not hold back the other feeds of
// its source, nor make igcord read Instagram again for its sake. When its channel heals, it gets every post it
// missed, once each and in order. The Discord fake's messages are the judge; the emulator's request log counts the
// Instagram calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import type { Feed } from '../../src/storage/index.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('a failing feed does not stop its source', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const post = (userId: string, caption: string) => {
    const answer = igcord.emulator.admin.postMedia(userId, { caption }) as { data?: { id: string }; id?: string };
    return answer.data?.id ?? answer.id!;
  };
  const captions = (channelId: string) =>
    igcord.discord.messages(channelId).flatMap((m: APIMessage) => m.embeds.map((e) => e.description ?? ''));
  const recorded = (feeds: Feed[], mediaId: string) =>
    eventually(
      async () => {
        for (const feed of feeds)
          if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, mediaId))) return false;
        return true;
      },
      `media ${mediaId} recorded for ${feeds.map((f) => f.id).join(', ')}`,
    );

  it("delivers to the healthy feeds while one feed's webhook answers 502, reads Instagram once per media, and catches the sick feed up in order", async () => {
    const user = igcord.emulator.admin.users()[0]!;
    const { instagramUserId } = await igcord.link(igcord.personId, String(user.username));
    const source = { kind: 'account' as const, instagramUserId };
    const channel = (name: string) => igcord.discord.createChannel(igcord.guild.guildId, { name });
    const [sickChannel, hookChannel, botChannel] = [channel('sick'), channel('hook'), channel('bot')];
    const sickHook = await igcord.createWebhook(sickChannel);
    const sick = await igcord.addFeed({
      channelId: sickChannel,
      ownerDiscordUserId: igcord.personId,
      source,
      webhook: sickHook,
    });
    const hook = await igcord.addFeed({
      channelId: hookChannel,
      ownerDiscordUserId: igcord.personId,
      source,
      webhook: await igcord.createWebhook(hookChannel),
    });
    const bot = await igcord.addFeed({ channelId: botChannel, ownerDiscordUserId: igcord.personId, source });
    const fault = igcord.discord.injectFault({
      method: 'POST',
      path: `/webhooks/${sickHook.id}/${sickHook.token}`,
      status: 502,
      times: Infinity,
    });
    const calls = () =>
      igcord.emulator.admin.requests().filter((r) => r.path.includes(`/users/${instagramUserId}/media/recent`)).length;
    const before = calls();

    const texts = ['isolated one', 'isolated two', 'isolated three'];
    const ids: string[] = [];
    for (const text of texts) {
      const mediaId = post(instagramUserId, text);
      ids.push(mediaId);
      await recorded([hook, bot], mediaId);
      await eventually(
        async () =>
          (await igcord.app.storage.deliveries.listDirty()).every((d) => d.sourceKey !== `account:${instagramUserId}`),
        'the run to finish',
      );
    }
    for (const channelId of [hookChannel, botChannel]) expect(captions(channelId)).toEqual(texts);
    expect(fault.hits()).toBeGreaterThan(0);

    // The sick feed keeps trying on its own, and its tries read nothing from Instagram.
    const hits = fault.hits();
    await eventually(() => fault.hits() >= hits + 3, 'the sick feed to try again three more times');
    expect(calls() - before).toBe(3);
    expect(captions(sickChannel)).toEqual([]);
    for (const mediaId of ids)
      expect(await igcord.app.storage.deliveries.findDelivery(sick.id, mediaId)).toBeUndefined();

    igcord.discord.clearFaults();
    for (const mediaId of ids) await recorded([sick], mediaId);
    expect(captions(sickChannel)).toEqual(texts);
    for (const channelId of [hookChannel, botChannel]) expect(captions(channelId)).toEqual(texts);
    expect(calls() - before).toBe(3);
  });
});
