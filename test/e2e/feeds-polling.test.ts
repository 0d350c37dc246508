// What polling reconciles, with a short limiter window so the budget-paced interval comes out short: a post whose
// notification was dropped, a tag feed (tags have no notifications), a revoked token that pauses its owner's
// feeds until the owner links again, and a channel the bot may no longer post in, which disables that feed with
// the reason and tells its owner by DM (the server has no system channel), never another feed's channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits, Routes, type APIMessage } from 'discord.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('feed polling', () => {
  let igcord: FeedsIgcord;
  let seeded = 0;
  beforeAll(async () => {
    // A 10 s window: a fifth of 500 calls spread over it is one poll every 100 ms, held to the 300 ms minimum.
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function owner(): Promise<{
    discordUserId: string;
    instagramUserId: string;
    username: string;
    accessToken: string;
  }> {
    const user = igcord.emulator.admin.users()[seeded++]!;
    const discordUser = igcord.discord.createUser({ username: `poller${seeded}` });
    const linked = await igcord.link(discordUser.id, String(user.username));
    return { discordUserId: discordUser.id, username: String(user.username), ...linked };
  }
  const channel = (name: string) => igcord.discord.createChannel(igcord.guild.guildId, { name });
  const post = (userId: string, caption: string) => {
    const answer = igcord.emulator.admin.postMedia(userId, { caption }) as { data?: { id: string }; id?: string };
    return answer.data?.id ?? answer.id!;
  };
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  it('delivers a post whose notification was dropped', async () => {
    const o = await owner();
    const channelId = channel('dropped');
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: o.discordUserId,
      source: { kind: 'account', instagramUserId: o.instagramUserId },
    });
    igcord.emulator.admin.injectFault({
      method: 'POST',
      path: '^/webhooks/instagram$',
      kind: 'drop-notification',
      times: 1,
    });
    post(o.instagramUserId, 'never announced');
    await igcord.discord.waitForMessage(channelId, withCaption('never announced'), WAIT_MS);
    expect(
      igcord.emulator.admin
        .notifications()
        .some((n) => n.dropped && JSON.stringify(n.body).includes(o.instagramUserId)),
    ).toBe(true);
    expect(igcord.discord.messages(channelId).filter(withCaption('never announced'))).toHaveLength(1);
  });

  it('delivers new media of a tag feed, which Instagram never notifies', async () => {
    const o = await owner();
    const channelId = channel('tagged');
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: o.discordUserId,
      source: { kind: 'tag', name: 'igcordpolltag' },
    });
    post(o.instagramUserId, 'first tagged #igcordpolltag');
    post(o.instagramUserId, 'second tagged #igcordpolltag');
    await igcord.discord.waitForMessage(channelId, withCaption('second tagged #igcordpolltag'), WAIT_MS);
    const captions = igcord.discord.messages(channelId).map((m) => m.embeds[0]?.description);
    expect(captions).toEqual(['first tagged #igcordpolltag', 'second tagged #igcordpolltag']);
  });

  it('delivers new media at a location feed', async () => {
    const o = await owner();
    const found = (await (
      await fetch(
        `${igcord.emulator.url}/v1/locations/search?lat=60.1699&lng=24.9384&distance=5000&access_token=${o.accessToken}`,
      )
    ).json()) as { data: Array<{ id: string }> };
    const locationId = String(found.data[0]!.id);
    const channelId = channel('located');
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: o.discordUserId,
      source: { kind: 'location', id: locationId },
    });
    igcord.emulator.admin.postMedia(o.instagramUserId, { caption: 'seen at the place', locationId });
    await igcord.discord.waitForMessage(channelId, withCaption('seen at the place'), WAIT_MS);
    expect(igcord.discord.messages(channelId).map((m) => m.embeds[0]?.description)).toEqual(['seen at the place']);
  });

  it('pauses the feeds of an owner whose token is revoked and resumes them, with what was missed, after relinking', async () => {
    const o = await owner();
    const channelId = channel('revoked');
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: o.discordUserId,
      source: { kind: 'account', instagramUserId: o.instagramUserId },
    });
    igcord.emulator.admin.revokeToken(o.accessToken);
    post(o.instagramUserId, 'posted while the link was broken');
    const paused = await eventually(async () => {
      const f = await igcord.app.storage.feeds.get(feed.id);
      return f?.state.kind === 'paused' ? f : undefined;
    }, 'the feed to pause');
    expect(paused.state).toMatchObject({ kind: 'paused', by: 'owner-link-broken', instagramUserId: o.instagramUserId });
    expect((await igcord.app.storage.accounts.get(o.discordUserId))?.status).toBe('broken');
    expect(igcord.discord.messages(channelId)).toHaveLength(0);

    await igcord.link(o.discordUserId, o.username);
    await igcord.discord.waitForMessage(channelId, withCaption('posted while the link was broken'), WAIT_MS);
    expect((await igcord.app.storage.feeds.get(feed.id))?.state.kind).toBe('active');
    expect(igcord.logs()).not.toContain(o.accessToken);
  });

  it("disables a feed whose channel the bot may no longer post in, says why, and tells its owner by DM, never in another feed's channel", async () => {
    const o = await owner();
    const lost = channel('lost-permission');
    const other = channel('still-fine');
    const source = { kind: 'account' as const, instagramUserId: o.instagramUserId };
    const broken = await igcord.addFeed({ channelId: lost, ownerDiscordUserId: o.discordUserId, source });
    await igcord.addFeed({ channelId: other, ownerDiscordUserId: o.discordUserId, source });
    igcord.discord.setChannelOverwrites(lost, [
      { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.SendMessages },
    ]);
    post(o.instagramUserId, 'after the permission change');
    await igcord.discord.waitForMessage(other, withCaption('after the permission change'), WAIT_MS);
    const disabled = await eventually(async () => {
      const f = await igcord.app.storage.feeds.get(broken.id);
      return f?.state.kind === 'disabled' ? f : undefined;
    }, 'the feed to be disabled');
    expect(disabled.state).toMatchObject({ kind: 'disabled', by: 'missing-permissions' });
    // Its own channel refuses the bot and the server has no system channel: the notice goes to the owner.
    const notice = await igcord.discord.waitForMessage(
      igcord.discord.directChannel(o.discordUserId),
      (m) => m.content.includes(broken.id),
      WAIT_MS,
    );
    expect(notice.content).toContain('disabled');
    expect(igcord.discord.messages(other).filter((m) => m.content.includes(broken.id))).toEqual([]);
    expect(igcord.discord.messages(lost)).toHaveLength(0);
  });
  it('disables a webhook feed whose webhook was deleted, and never logs the webhook token', async () => {
    const o = await owner();
    const channelId = channel('hooked');
    const webhook = await igcord.createWebhook(channelId);
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: o.discordUserId,
      source: { kind: 'account', instagramUserId: o.instagramUserId },
      webhook,
    });
    await igcord.app.bot.discord.client.rest.delete(Routes.webhook(webhook.id));
    post(o.instagramUserId, 'to a deleted webhook');
    const disabled = await eventually(async () => {
      const f = await igcord.app.storage.feeds.get(feed.id);
      return f?.state.kind === 'disabled' ? f : undefined;
    }, 'the feed to be disabled');
    expect(disabled.state).toMatchObject({ kind: 'disabled', by: 'webhook-deleted' });
    expect(igcord.logs()).toContain('delivery refused by Discord');
    expect(igcord.logs()).not.toContain(webhook.token!);
  });
});
