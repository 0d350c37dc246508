// /feed add-account for an account that is not the admin's own, end to end through the real discord.js client,
// the Discord fake, the Instagram emulator and SQLite: the feed reads that account's posts with the link (and
// budget) of the member who adds it, only after that member confirms with a button; the feed record keeps who
// consented and when, /feed list shows it, and the engine polls that account (the emulator notifies only for
// subscribed users) and delivers each new post once. A link without `public_content`, or an account the link
// cannot see, is refused by name, and nothing is stored.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';
import { plain } from '../../src/discord/embeds/text.js';

describe('/feed add-account for another account', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let general: string;
  let users: { id: string; username: string; isPrivate: boolean }[];

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    users = igcord.emulator.admin
      .users()
      .map((u) => ({ id: String(u.id), username: String(u.username), isPrivate: u.is_private === true }));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newAdmin(name: string): string {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    return user.id;
  }

  async function addAccount(
    userId: string,
    options: Record<string, string>,
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = igcord.discord.sendCommand({
      channelId: general,
      userId,
      name: 'feed',
      subcommand: 'add-account',
      options,
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }

  const buttonIds = (message: APIMessage): string[] =>
    JSON.stringify(message.components ?? [])
      .match(/"custom_id":"[^"]+"/g)
      ?.map((m) => m.slice('"custom_id":"'.length, -1)) ?? [];
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  it('asks the payer to confirm, stores who consented and when, lists it, and delivers the next post of that account once', async () => {
    const payer = newAdmin('reader');
    const own = users.find((u) => !u.isPrivate)!;
    const followed = users.find((u) => !u.isPrivate && u !== own)!;
    await igcord.link(payer, own.username);
    const channelId = igcord.discord.createChannel(guildId, { name: 'their-posts' });

    const ask = await addAccount(payer, { channel: channelId, account: `@${followed.username}` });
    expect(ask.replyId, ask.content).toBeUndefined();
    expect(ask.flags! & 64).toBe(64);
    // Names as Discord shows them: markdown in a username is escaped.
    expect(ask.content).toContain(
      `This feed reads ${plain(`@${followed.username}`)} with your Instagram link and budget`,
    );
    const confirm = buttonIds(ask).find((id) => id.includes(':ok:'));
    expect(confirm, JSON.stringify(ask.components)).toBeDefined();
    // Nothing is stored before the payer agrees.
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);

    const before = Date.now();
    const press = igcord.discord.pressButton({ message: ask, customId: confirm!, userId: payer });
    const done = await press.waitForReply((m) => m.content.includes('added'), WAIT_MS);
    const id = /Feed `([a-z0-9]+)` added/.exec(done.content)?.[1];
    expect(id, done.content).toBeDefined();
    expect(done.content).toContain(plain(`@${followed.username}`));

    const feed = (await igcord.app.storage.feeds.get(id!))!;
    expect(feed).toMatchObject({
      channelId,
      source: { kind: 'account', instagramUserId: followed.id },
      ownerDiscordUserId: payer,
      ownerInstagramUserId: own.id,
      state: { kind: 'active' },
      consent: { discordUserId: payer, username: followed.username },
    });
    expect(feed.consent!.at).toBeGreaterThanOrEqual(before - 1000);
    expect(feed.consent!.at).toBeLessThanOrEqual(Date.now());

    const list = igcord.discord.sendCommand({ channelId: general, userId: payer, name: 'feed', subcommand: 'list' });
    const field = (await list.waitForReply(undefined, WAIT_MS)).embeds
      .flatMap((e) => e.fields ?? [])
      .find((f) => f.name.includes(id!));
    expect(field?.value).toContain(`${plain(`@${followed.username}`)}'s posts`);
    expect(field?.value).toContain(`Paid by <@${payer}>, who consented <t:${Math.ceil(feed.consent!.at / 1000)}:R>`);

    igcord.emulator.admin.postMedia(followed.id, { caption: 'a post by someone else' });
    await igcord.discord.waitForMessage(channelId, withCaption('a post by someone else'), WAIT_MS);
    // Read with the payer's token: the followed account has no link here.
    const reads = igcord.emulator.admin
      .requests()
      .filter((r) => r.route === 'GET /users/{id}/media/recent' && r.tokenUserId !== undefined);
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads.map((r) => String(r.tokenUserId)))).toEqual(new Set([own.id]));
    const runs = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= runs + 2, 'two more source runs');
    expect(igcord.discord.messages(channelId).filter(withCaption('a post by someone else'))).toHaveLength(1);
  });

  it("suggests accounts from a user search with the admin's link, as /user does", async () => {
    const admin = newAdmin('suggested');
    await igcord.link(admin, users.filter((u) => !u.isPrivate)[1]!.username);
    const wanted = users.filter((u) => !u.isPrivate)[3]!.username;
    const handle = igcord.discord.sendAutocomplete({
      channelId: general,
      userId: admin,
      name: 'feed',
      subcommand: 'add-account',
      focused: 'account',
      value: wanted.slice(0, 4),
      options: { channel: general },
    });
    const first = await handle.firstResponse();
    expect(first.type).toBe(8);
    const values = (first.data as { choices: { value: string }[] }).choices.map((c) => c.value);
    expect(values).toContain(wanted);
  });

  it('stores nothing when the payer cancels', async () => {
    const payer = newAdmin('canceller');
    await igcord.link(payer, users.filter((u) => !u.isPrivate)[2]!.username);
    const followed = users.filter((u) => !u.isPrivate)[3]!;
    const channelId = igcord.discord.createChannel(guildId, { name: 'cancelled' });
    const ask = await addAccount(payer, { channel: channelId, account: followed.username });
    const cancel = buttonIds(ask).find((id) => id.includes(':cancel:'))!;
    const press = igcord.discord.pressButton({ message: ask, customId: cancel, userId: payer });
    await press.firstResponse();
    expect(JSON.stringify(press.replies().callbacks[0]?.data)).toContain('nothing was added');
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });

  it('tells a member whose link lacks public_content which permission to add, and stores nothing', async () => {
    const payer = newAdmin('basic-only');
    await igcord.link(payer, users.filter((u) => !u.isPrivate)[4]!.username, ['basic']);
    const channelId = igcord.discord.createChannel(guildId, { name: 'no-scope' });
    const reply = await addAccount(payer, {
      channel: channelId,
      account: users.filter((u) => !u.isPrivate)[0]!.username,
    });
    expect(reply.replyId).toBe('instagram.scope-missing');
    expect(reply.content).toContain('public_content');
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });

  it('refuses a private account the payer cannot see, naming it, and stores nothing', async () => {
    const payer = newAdmin('outsider');
    const own = users.filter((u) => !u.isPrivate)[5]!;
    await igcord.link(payer, own.username);
    // A new private account: nobody follows it yet, so the payer's link cannot read its posts.
    const hidden = { username: 'closed.garden' };
    igcord.emulator.admin.createUser({ username: hidden.username, is_private: true });
    const channelId = igcord.discord.createChannel(guildId, { name: 'private' });
    const reply = await addAccount(payer, { channel: channelId, account: hidden.username });
    expect(reply.replyId).toBe('instagram.not-allowed');
    expect(reply.content).toContain(`@${hidden.username}`);
    expect(reply.content).toContain('private');
    expect(reply.components ?? []).toEqual([]);
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });
});
