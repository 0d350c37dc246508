// /feed add when the bot has to ask Discord for the target channel, end to end: the channel is not in the bot's
// cache, so igcord fetches it (GET /channels/{id}) on the Discord fake. Only Discord's own answers may make igcord
// say the channel is gone (10003 Unknown Channel) or hidden from it (50001 Missing Access); a Discord failure
// (5xx) says Discord failed and to try again, and trying again once Discord is back adds the feed.
import { Events, type APIMessage, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const REPLY_TIMEOUT_MS = 15_000;

describe('/feed add, the target channel fetched from Discord', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  /** Channels to drop from the bot's cache as their command arrives. */
  const uncached = new Set<string>();

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    const username = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(igcord.personId, username);
    // Discord's interaction payload puts the chosen channel in discord.js's cache; this listener (added after
    // igcord's router, so it runs before the command's first await) takes it out again, so the command takes
    // the path where the cache lacks the channel and igcord must fetch it.
    const client = igcord.app.bot.discord.client;
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      for (const id of uncached) {
        interaction.guild?.channels.cache.delete(id);
        client.channels.cache.delete(id);
      }
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const addAccountFeed = (channelId: string): Promise<APIMessage> =>
    igcord.discord
      .sendCommand({
        channelId: general,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'add-account',
        options: { channel: channelId },
      })
      .waitForReply(undefined, REPLY_TIMEOUT_MS);
  const channelFetches = (channelId: string) =>
    igcord.discord.restLog().filter((r) => r.method === 'GET' && r.path === `/channels/${channelId}`);

  it('says Discord failed, not that the channel is gone, when fetching it answers 500; the retry adds the feed', async () => {
    const channelId = igcord.discord.createChannel(guildId, { name: 'flaky' });
    uncached.add(channelId);
    const fault = igcord.discord.injectFault({
      method: 'GET',
      path: `/channels/${channelId}`,
      status: 500,
      times: Infinity,
    });

    const refused = await addAccountFeed(channelId);
    expect(fault.hits()).toBeGreaterThan(0);
    expect(refused.content).not.toContain('does not exist');
    expect(refused.content).toMatch(/^Discord did not answer properly/);
    expect(refused.content).toContain('Try again');
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);

    igcord.discord.clearFaults();
    const added = await addAccountFeed(channelId);
    expect(added.content).toMatch(/^Feed `[a-z0-9]+` added/);
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toHaveLength(1);
  });

  it('says the channel is gone when Discord answers 10003 Unknown Channel', async () => {
    const channelId = igcord.discord.createChannel(guildId, { name: 'doomed' });
    uncached.add(channelId);
    igcord.discord.injectFault({
      method: 'GET',
      path: `/channels/${channelId}`,
      status: 404,
      body: { message: 'Unknown Channel', code: 10003 },
    });
    const refused = await addAccountFeed(channelId);
    expect(channelFetches(channelId).length).toBeGreaterThan(0);
    expect(refused.content).toContain(`The channel <#${channelId}> does not exist any more`);
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });

  it('says the bot has no access when Discord answers 50001 Missing Access', async () => {
    const channelId = igcord.discord.createChannel(guildId, { name: 'private' });
    uncached.add(channelId);
    igcord.discord.injectFault({
      method: 'GET',
      path: `/channels/${channelId}`,
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const refused = await addAccountFeed(channelId);
    expect(refused.content).toContain(`Discord says I have no access to <#${channelId}> (Missing Access)`);
    expect(refused.content).toContain('View Channel');
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });
});
