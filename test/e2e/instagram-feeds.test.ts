// /instagram feeds: a member sees every feed their Instagram link pays for, in every server, and can stop paying
// for one of them — that feed alone pauses (`no-payer`), its channel is told, and the same source goes on posting
// to the feeds they still pay for. Long lists page five at a time.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('/instagram feeds', () => {
  let igcord: FeedsIgcord;

  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { minPollMs: 300, startSpreadMs: 300, payerCheckMs: 0 },
      { RATE_LIMIT_WINDOW_MS: '10000' },
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const buttonIds = (m: APIMessage): string[] =>
    [...JSON.stringify(m.components ?? []).matchAll(/"custom_id":"([^"]+)"/g)].map((match) => match[1]!);

  /** A second server where `userId` is an admin; returns its id and a channel. */
  function secondServer(userId: string, name: string): { guildId: string; channelId: string } {
    const owner = igcord.discord.createUser({ username: `${name}-owner` });
    const guild = igcord.discord.createGuild({
      name,
      ownerId: owner.id,
      channels: [{ name: 'photos' }],
      roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild }],
      members: [{ userId: owner.id }, { userId, roles: ['admin'] }],
    });
    return { guildId: guild.guildId, channelId: guild.channels.photos! };
  }

  function feeds(userId: string) {
    return igcord.discord.sendCommand({
      channelId: igcord.guild.channels.general!,
      userId,
      name: 'instagram',
      subcommand: 'feeds',
    });
  }

  it('lists the feeds a link pays for in every server, and stops paying for one of them only', async () => {
    const payer = igcord.discord.createUser({ username: 'two-servers' });
    const [account] = igcord.emulator.admin.users();
    const { instagramUserId } = await igcord.link(payer.id, String(account!.username));
    const source = { kind: 'account' as const, instagramUserId };
    const homeChannel = igcord.discord.createChannel(igcord.guild.guildId, { name: 'home-feed' });
    const home = await igcord.addFeed({ channelId: homeChannel, ownerDiscordUserId: payer.id, source });
    const away = secondServer(payer.id, 'Faraway Club');
    await eventually(
      () => igcord.app.bot.discord.client.guilds.cache.has(away.guildId),
      'the bot to see the second server',
    );
    const awayFeed = await igcord.app.storage.feeds.add({
      guildId: away.guildId,
      channelId: away.channelId,
      source,
      ownerDiscordUserId: payer.id,
      ownerInstagramUserId: instagramUserId,
      createdBy: payer.id,
      delivery: { mode: 'message' },
    });
    await igcord.app.deliveries.initSource(awayFeed);

    const command = feeds(payer.id);
    const list = await command.waitForReply(undefined, 15_000);
    expect(list.flags! & 64).toBe(64);
    const fields = list.embeds[0]?.fields ?? [];
    expect(list.embeds[0]?.title).toBe('Feeds your Instagram link pays for (2)');
    const awayField = fields.find((f) => f.name.includes(awayFeed.id))?.value;
    expect(awayField).toContain('Server **Faraway Club** · #photos');
    expect(awayField).toContain(`Follows posts of Instagram account ${instagramUserId}`);
    expect(awayField).toContain('State: ▶ active');
    expect(fields.find((f) => f.name.includes(home.id))?.value).toContain(
      `Server **${igcord.app.bot.discord.client.guilds.cache.get(igcord.guild.guildId)!.name}**`,
    );
    const stop = buttonIds(list).find((id) => id.includes(awayFeed.id))!;
    expect(stop).toBeDefined();

    igcord.discord.pressButton({ message: list, customId: stop, userId: payer.id });
    const after = await command.waitForReply((m) => m.content.includes('You no longer pay for feed'), 15_000);
    expect(after.content).toContain('its channel was told');
    expect(await igcord.app.storage.feeds.get(awayFeed.id)).toMatchObject({
      state: { kind: 'paused', by: 'no-payer' },
    });
    expect((await igcord.app.storage.feeds.get(home.id))?.state).toEqual({ kind: 'active' });
    const notice = await igcord.discord.waitForMessage(away.channelId, (m) => m.content.includes(awayFeed.id), 15_000);
    expect(notice.content).toContain(`<@${payer.id}> stopped paying for it`);
    expect(after.embeds[0]?.fields?.find((f) => f.name.includes(awayFeed.id))?.value).toContain('stopped paying');

    // The source goes on for the feed still paid for; the other gets nothing.
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'after stopping one' });
    await igcord.discord.waitForMessage(homeChannel, withCaption('after stopping one'), 15_000);
    expect(igcord.discord.messages(away.channelId).some(withCaption('after stopping one'))).toBe(false);
  });

  it('pages a long list five feeds at a time', async () => {
    const payer = igcord.discord.createUser({ username: 'many-feeds' });
    igcord.discord.addMember(igcord.guild.guildId, payer.id, { roles: [igcord.guild.roles.admin!] });
    const { instagramUserId } = await igcord.link(payer.id, String(igcord.emulator.admin.users()[1]!.username));
    await igcord.app.storage.feeds.addMany(
      ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].map((name) => ({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        source: { kind: 'tag' as const, name: `paged${name}` },
        ownerDiscordUserId: payer.id,
        ownerInstagramUserId: instagramUserId,
        createdBy: payer.id,
        delivery: { mode: 'message' as const },
      })),
    );
    const command = feeds(payer.id);
    const first = await command.waitForReply(undefined, 15_000);
    expect(first.embeds[0]?.fields).toHaveLength(5);
    expect(first.embeds[0]?.footer?.text).toContain('Page 1 of 2');
    igcord.discord.pressButton({ message: first, customId: 'instagram:feeds:1', userId: payer.id });
    const second = await command.waitForReply(
      (m) => m.embeds[0]?.footer?.text?.includes('Page 2 of 2') ?? false,
      15_000,
    );
    expect(second.embeds[0]?.fields).toHaveLength(2);
    expect(buttonIds(second).filter((id) => id.startsWith('instagram:stop-paying:'))).toHaveLength(2);
  });
});
