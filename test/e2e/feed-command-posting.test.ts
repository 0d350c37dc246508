// /feed test and /feed backfill end to end, through the delivery engine: a test post appears in the channel at
// once, and a backfill asks first, lets only the person who asked confirm, then posts the last N media.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceKey } from '../../src/storage/index.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';
import { pressConfirm } from '../support/press-confirm.js';

const REPLY_TIMEOUT_MS = WAIT_MS;

describe('/feed test and backfill', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  let feedChannel: string;
  let feedId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    feedChannel = igcord.guild.channels.instagram!;
    const username = String(
      igcord.emulator.admin.users().find((u) => u.is_private !== true)?.username ??
        igcord.emulator.admin.users()[0]!.username,
    );
    await igcord.link(igcord.personId, username);
    const added = await feedCommand(igcord.personId, 'add-account', { channel: feedChannel });
    feedId = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function feedCommand(
    userId: string,
    subcommand: string,
    options: Record<string, string | number> = {},
  ): Promise<APIMessage> {
    return igcord.discord
      .sendCommand({ channelId: general, userId, name: 'feed', subcommand, options })
      .waitForReply(undefined, REPLY_TIMEOUT_MS);
  }

  /** The custom ids of the buttons on a message. */
  const buttonIds = (message: APIMessage): string[] =>
    JSON.stringify(message.components ?? [])
      .match(/"custom_id":"[^"]+"/g)
      ?.map((m) => m.slice('"custom_id":"'.length, -1)) ?? [];

  it('starts a new feed at the newest post: nothing old floods the channel', async () => {
    const feed = (await igcord.app.storage.feeds.get(feedId))!;
    expect(await igcord.app.storage.deliveries.getCursor(sourceKey(feed.source))).toBeDefined();
    expect(igcord.discord.messages(feedChannel)).toEqual([]);
  });

  it('posts the latest media now when asked for a test', async () => {
    const before = igcord.discord.messages(feedChannel).length;
    const reply = await feedCommand(igcord.personId, 'test', { feed: feedId });
    expect(reply.content).toContain(`Posted the latest media of feed \`${feedId}\``);
    const posted = await igcord.discord.waitForMessage(feedChannel, () => true, REPLY_TIMEOUT_MS);
    expect(igcord.discord.messages(feedChannel).length).toBe(before + 1);
    expect(JSON.stringify(posted).toLowerCase()).toContain('test');
  });

  it("posts a webhook feed's test through the channel webhook, under the Instagram username", async () => {
    const channelId = igcord.discord.createChannel(guildId, { name: 'hooked' });
    const added = await feedCommand(igcord.personId, 'add-account', { channel: channelId, delivery: 'webhook' });
    const id = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;
    const feed = (await igcord.app.storage.feeds.get(id))!;
    const owner = (await igcord.app.storage.accounts.get(igcord.personId))!;
    await feedCommand(igcord.personId, 'test', { feed: id });
    const posted = await igcord.discord.waitForMessage(channelId, () => true, REPLY_TIMEOUT_MS);
    expect(posted.webhook_id).toBe(feed.delivery.mode === 'webhook' ? feed.delivery.webhookId : 'not a webhook feed');
    expect(posted.author.username).toContain(owner.username);
    await pressConfirm(igcord, await feedCommand(igcord.personId, 'remove', { feed: id }), igcord.personId);
  });

  it('asks to confirm a backfill with a button only the invoker sees, and posts the last N once the invoker confirms', async () => {
    const other = igcord.discord.createUser({ username: 'other-admin' });
    igcord.discord.addMember(guildId, other.id, { roles: [igcord.guild.roles.admin!] });
    const before = igcord.discord.messages(feedChannel).length;

    const ask = await feedCommand(igcord.personId, 'backfill', { feed: feedId, count: 3 });
    expect(ask.content).toContain(`Post the last 3 posts of feed \`${feedId}\``);
    const confirm = buttonIds(ask).find((id) => id.startsWith('feed:backfill:'))!;
    expect(confirm).toBe(`feed:backfill:${feedId}:3:${igcord.personId}`);

    // The confirmation is ephemeral: Discord shows it, and its buttons, to the invoker only. The custom id names
    // the invoker too, and the handler checks it, for a press that does not come from that message.
    expect(() => igcord.discord.pressButton({ message: ask, customId: confirm, userId: other.id })).toThrow(
      /ephemeral for another user/,
    );
    expect(igcord.discord.messages(feedChannel).length).toBe(before);

    const press = igcord.discord.pressButton({ message: ask, customId: confirm, userId: igcord.personId });
    const done = await press.waitForReply((m) => m.content.includes('Backfill of feed'), REPLY_TIMEOUT_MS);
    expect(done.content).toContain(`Backfill of feed \`${feedId}\` done: 3 posts sent to <#${feedChannel}>.`);
    expect(igcord.discord.messages(feedChannel).length).toBe(before + 3);
    // The confirmation lost its buttons, so it cannot be pressed twice.
    const update = press.replies().callbacks[0];
    expect(update?.type).toBe(7);
    expect(JSON.stringify(update?.data)).toContain('"components":[]');

    const listed = await feedCommand(igcord.personId, 'list');
    expect(listed.embeds[0]?.fields?.[0]?.value).toMatch(/Last delivery <t:\d+:R>/);
  });

  it('posts nothing when the backfill is cancelled', async () => {
    const before = igcord.discord.messages(feedChannel).length;
    const ask = await feedCommand(igcord.personId, 'backfill', { feed: feedId, count: 2 });
    const cancel = buttonIds(ask).find((id) => id.startsWith('feed:cancel:'))!;
    const press = igcord.discord.pressButton({ message: ask, customId: cancel, userId: igcord.personId });
    await press.firstResponse();
    expect(JSON.stringify(press.replies().callbacks[0]?.data)).toContain('Backfill cancelled; nothing was posted.');
    expect(igcord.discord.messages(feedChannel).length).toBe(before);
  });
});
