// Feed posts speak the server's preferred language (Discord's Community setting, `preferred_locale`), whoever
// reads them: a feed in a pt-BR server posts its labels and its test mark in Portuguese, while the caption and the
// author's name stay as Instagram wrote them; a feed in an English server is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('feed posts in the guild’s preferred locale', () => {
  let igcord: FeedsIgcord;
  let instagramUserId: string;
  let username: string;
  let channelId: string;
  let englishChannelId: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[3]!;
    username = String(user.username);
    ({ instagramUserId } = await igcord.link(igcord.personId, username));
    // A server whose owner runs the feed, so the payer is a member with Manage Server there.
    const guild = igcord.discord.createGuild({
      name: 'Servidor',
      ownerId: igcord.personId,
      preferredLocale: 'pt-BR',
      channels: [{ name: 'novidades' }],
    });
    channelId = guild.channels.novidades!;
    const feed = await igcord.app.storage.feeds.add({
      guildId: guild.guildId,
      channelId,
      source: { kind: 'account', instagramUserId },
      ownerDiscordUserId: igcord.personId,
      ownerInstagramUserId: instagramUserId,
      createdBy: igcord.personId,
      delivery: { mode: 'message' },
    });
    await igcord.app.deliveries.initSource(feed);
    englishChannelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'news' });
    await igcord.addFeed({
      channelId: englishChannelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('posts in Portuguese in a pt-BR server, the caption untouched, and in English elsewhere', async () => {
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'bom dia, good morning' });
    const post = await igcord.discord.waitForMessage(
      channelId,
      (m) => m.embeds.some((e) => e.description === 'bom dia, good morning'),
      WAIT_MS,
    );
    const [embed] = post.embeds;
    expect(embed!.title).toBe(`Foto de @${username}`);
    expect(embed!.footer?.text).toBe('Instagram · Foto');
    const english = await igcord.discord.waitForMessage(
      englishChannelId,
      (m) => m.embeds.some((e) => e.description === 'bom dia, good morning'),
      WAIT_MS,
    );
    expect(english.embeds[0]!.title).toBe(`Photo by @${username}`);
    expect(english.embeds[0]!.footer?.text).toBe('Instagram · Photo');
  });
});
