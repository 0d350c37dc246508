// A feed template end to end, against the Discord fake and the Instagram v1 emulator: an admin sets the server's
// time zone, opens /feed template (a modal prefilled with the starter template), has invalid templates refused
// with the reason and nothing saved, previews a valid one on the source's latest real post, saves it, and the
// next post of the feed is drawn with it — the time in the server's zone, pinging only the feed's role.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import { formatPostTime } from '../../src/discord/feed-posting/template-render.js';

const TOKYO = { timeZone: 'Asia/Tokyo', format: 'short' } as const;

describe('/feed template', () => {
  let igcord: FeedsIgcord;
  let channelId: string;
  let roleId: string;
  let feedId: string;
  let instagramUserId: string;
  let username: string;

  const command = (subcommand: string, options: Record<string, string | number | boolean>) =>
    igcord.discord.sendCommand({
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'feed',
      subcommand,
      options,
    });
  const submit = (fields: Record<string, string>) =>
    igcord.discord.submitModal({ customId: `feed:tpl-modal:${feedId}`, fields, userId: igcord.personId });
  const storedTemplate = async () => (await igcord.app.storage.feeds.get(feedId))?.template;
  const good = {
    content: 'New from {author}',
    title: '{caption_first_line}',
    description: '{caption}',
    footer: 'posted {time}',
    more: 'author: {author_name}\ncolour: #112233\nimage: first\nbutton: on',
  };

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[3]!;
    username = String(user.username);
    ({ instagramUserId } = await igcord.link(igcord.personId, username));
    channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'templated' });
    roleId = igcord.discord.createRole(igcord.guild.guildId, { name: 'watchers' });
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'Sunrise at the pier\nsecond line @everyone' });
    ({ id: feedId } = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
      mentionRoleId: roleId,
    }));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('sets the server time zone, refusing an unknown one', async () => {
    const bad = await command('settings', { timezone: 'Mars/Olympus' }).waitForReply(undefined, WAIT_MS);
    expect(bad.content).toContain('is not a time zone');
    expect(await igcord.app.storage.guildSettings.time(igcord.guild.guildId)).toBeUndefined();
    const ok = await command('settings', { timezone: TOKYO.timeZone, 'time-format': TOKYO.format }).waitForReply(
      undefined,
      WAIT_MS,
    );
    expect(ok.content).toContain('Asia/Tokyo, short style');
    expect(await igcord.app.storage.guildSettings.time(igcord.guild.guildId)).toEqual(TOKYO);
  });

  it('opens a modal prefilled with the starter template', async () => {
    const opened = command('template', { feed: feedId });
    const response = await opened.firstResponse();
    expect(response.type).toBe(9);
    const inputs = (
      response.data as { components: { components: { custom_id: string; value?: string }[] }[] }
    ).components.map((row) => row.components[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(['content', 'title', 'description', 'footer', 'more']);
    expect(inputs.find((i) => i.custom_id === 'description')?.value).toBe('{caption}');
  });

  it('refuses an unknown placeholder, naming it and the known ones, and saves nothing', async () => {
    const refusal = await submit({ ...good, title: 'By {user}' }).waitForReply(undefined, WAIT_MS);
    expect(refusal.content).toContain('Unknown placeholder `{user}` in the title');
    expect(refusal.content).toContain('{caption_first_line}');
    expect(await storedTemplate()).toBeUndefined();
  });

  it('refuses a template the longest post would push over Discord limits, and a bad colour', async () => {
    const long = await submit({ ...good, title: '{caption}' }).waitForReply(undefined, WAIT_MS);
    expect(long.content).toContain('The title can reach 2200 characters');
    const colour = await submit({ ...good, more: 'colour: pink' }).waitForReply(undefined, WAIT_MS);
    expect(colour.content).toContain('is not a colour');
    expect(await storedTemplate()).toBeUndefined();
  });

  let preview: APIMessage;
  it('previews a valid template on the source latest real post, privately, before saving', async () => {
    preview = await submit(good).waitForReply((m) => m.content.includes('Preview'), WAIT_MS);
    expect(preview.flags! & 64).toBe(64);
    expect(preview.embeds[0]!.title).toBe('Sunrise at the pier');
    expect(preview.embeds[0]!.color).toBe(0x112233);
    expect(preview.content).toContain(`New from @${username.replace(/_/g, '\\_')}`);
    const labels = (preview.components ?? []).flatMap((row) =>
      (row as { components: { label?: string }[] }).components.map((c) => c.label),
    );
    expect(labels).toEqual(['Open on Instagram', 'Save', 'Cancel']);
    expect(await storedTemplate()).toBeUndefined();
  });

  it('stores the template only on Save, and the next post is drawn with it in the server time zone', async () => {
    const saved = await igcord.discord
      .pressButton({
        message: preview,
        customId: `feed:tpl-save:${feedId}:${igcord.personId}`,
        userId: igcord.personId,
      })
      .waitForReply((m) => m.content.startsWith('Saved'), WAIT_MS);
    expect(saved.components ?? []).toEqual([]);
    expect(await storedTemplate()).toMatchObject({ title: '{caption_first_line}', colour: 0x112233, button: true });

    const media = igcord.emulator.admin.postMedia(instagramUserId, {
      caption: 'Second light <@&1> [x](https://evil.example)',
    });
    const post = await igcord.discord.waitForMessage(
      channelId,
      (m) => m.embeds.some((e) => e.title?.startsWith('Second light') === true),
      WAIT_MS,
    );
    const time = Number(media.created_time);
    expect(post.embeds[0]!.footer?.text).toBe(`posted ${formatPostTime(time, TOKYO)}`);
    expect(formatPostTime(time, TOKYO)).not.toBe(formatPostTime(time, { timeZone: 'UTC', format: 'short' }));
    expect(post.content).toMatch(new RegExp(`^<@&${roleId}> New from @`));
    expect(post.embeds[0]!.description).not.toMatch(/(?<!\\)\]\(/);
    const sent = igcord.discord
      .restLog()
      .find(
        (e) =>
          e.method === 'POST' &&
          e.path === `/channels/${channelId}/messages` &&
          (e.body as { content?: string }).content === post.content,
      );
    expect((sent!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], roles: [roleId] });
  });

  it('opens the modal again prefilled with the saved template', async () => {
    const response = await command('template', { feed: feedId }).firstResponse();
    const inputs = (
      response.data as { components: { components: { custom_id: string; value?: string }[] }[] }
    ).components.map((row) => row.components[0]!);
    expect(inputs.find((i) => i.custom_id === 'title')?.value).toBe('{caption_first_line}');
    expect(inputs.find((i) => i.custom_id === 'more')?.value).toContain('colour: #112233');
  });

  it('posts a templated post through a channel webhook too, with its link button', async () => {
    const webhookChannel = igcord.discord.createChannel(igcord.guild.guildId, { name: 'templated-webhook' });
    const webhook = await igcord.createWebhook(webhookChannel);
    const other = await igcord.addFeed({
      channelId: webhookChannel,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
      webhook,
    });
    await igcord.app.storage.feeds.update(other.id, { template: (await storedTemplate())! });
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'Third light' });
    const post = await igcord.discord.waitForMessage(
      webhookChannel,
      (m) => m.embeds.some((e) => e.title === 'Third light'),
      WAIT_MS,
    );
    const buttons = (post.components ?? []).flatMap((row) => (row as { components: { label?: string }[] }).components);
    expect(buttons.map((b) => b.label)).toEqual(['Open on Instagram']);
  });

  it('/feed preview shows the saved template, and a reset goes back to the built-in layout', async () => {
    const shown = await command('preview', { feed: feedId }).waitForReply(undefined, WAIT_MS);
    expect(shown.embeds[0]!.title).toMatch(/^(Second|Third) light/);
    const reset = await command('template', { feed: feedId, reset: true }).waitForReply(undefined, WAIT_MS);
    expect(reset.content).toContain('built-in layout');
    expect(await storedTemplate()).toBeUndefined();
  });
});
