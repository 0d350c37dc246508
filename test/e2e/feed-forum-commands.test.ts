// /feed add-* and /feed edit with a forum channel or a thread as the target (issue 16, item 3), end to end: the
// feed is stored with its kind of place, the bot's permissions are checked as Discord computes them there (Send
// Messages in Threads in a thread, Manage Threads for a thread archived and locked), a channel webhook is refused
// for a forum or a thread, and a refused command stores nothing.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';

describe('/feed with forum channels and threads', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  let users: string[];

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    users = igcord.emulator.admin.users().map((u) => String(u.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function feedCommand(
    userId: string,
    subcommand: string,
    options: Record<string, string | number> = {},
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = igcord.discord.sendCommand({ channelId: general, userId, name: 'feed', subcommand, options });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }

  async function linkedAdmin(name: string, userIndex: number): Promise<string> {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    await igcord.link(user.id, users[userIndex]!);
    return user.id;
  }

  const feedIdOf = (message: APIMessage) => {
    const id = /Feed `([a-z0-9]+)` added/.exec(message.content)?.[1];
    expect(id, message.content).toBeDefined();
    return id!;
  };

  function threadIn(name: string): { threadId: string; parentId: string } {
    const parentId = igcord.discord.createChannel(guildId, { name: `${name}-parent` });
    return { threadId: igcord.discord.createChannel(guildId, { name, type: 'thread', parent: parentId }), parentId };
  }
  const thread = (name: string) => threadIn(name).threadId;

  it('adds a feed into a forum channel and into a thread, each stored with its kind of place', async () => {
    const admin = await linkedAdmin('forum-admin', 1);
    const forumId = igcord.discord.createChannel(guildId, { name: 'forum-target', type: 'forum' });
    const toForum = await feedCommand(admin, 'add-account', { channel: forumId });
    const forumFeed = feedIdOf(toForum);
    expect(toForum.content).toContain('a new thread per post');
    expect(await igcord.app.storage.feeds.get(forumFeed)).toMatchObject({ channelId: forumId, place: 'forum' });
    // /feed test makes a thread too, its name marked as a test.
    await feedCommand(admin, 'test', { feed: forumFeed });
    const [tested] = igcord.discord.threads(forumId);
    expect(tested?.name).toMatch(/^🧪 Test: /);

    const other = await linkedAdmin('thread-admin', 2);
    const threadId = thread('thread-target');
    const toThread = await feedCommand(other, 'add-account', { channel: threadId });
    expect(await igcord.app.storage.feeds.get(feedIdOf(toThread))).toMatchObject({
      channelId: threadId,
      place: 'thread',
    });
  });

  it('refuses a channel webhook for a forum or a thread, and stores nothing', async () => {
    const admin = await linkedAdmin('webhook-admin', 3);
    const forumId = igcord.discord.createChannel(guildId, { name: 'forum-webhook', type: 'forum' });
    const reply = await feedCommand(admin, 'add-account', { channel: forumId, delivery: 'webhook' });
    expect(reply.replyId).toBe('feeds.webhook-place');
    expect(await igcord.app.storage.feeds.listByChannel(forumId)).toEqual([]);
  });

  it('names Send Messages in Threads missing in a thread, and Manage Threads for one archived and locked', async () => {
    const admin = await linkedAdmin('perm-admin', 4);
    const { threadId, parentId } = threadIn('no-send-thread');
    igcord.discord.setChannelOverwrites(parentId, [
      { id: guildId, type: 'role', deny: PermissionFlagsBits.SendMessagesInThreads },
    ]);
    const refused = await feedCommand(admin, 'add-account', { channel: threadId });
    expect(refused.replyId).toBe('feeds.bot-missing-permissions');
    expect(refused.content).toContain('**Send Messages in Threads**');
    expect(await igcord.app.storage.feeds.listByChannel(threadId)).toEqual([]);

    const locked = thread('locked-thread');
    igcord.discord.setThreadState(locked, { archived: true, locked: true });
    const lockedReply = await feedCommand(admin, 'add-account', { channel: locked });
    expect(lockedReply.replyId).toBe('feeds.bot-missing-permissions');
    expect(lockedReply.content).toContain('**Manage Threads**');
    expect(await igcord.app.storage.feeds.listByChannel(locked)).toEqual([]);
  });

  it('/feed edit moves a feed into a forum and back, its kind of place following', async () => {
    const admin = await linkedAdmin('edit-admin', 5);
    const text = igcord.discord.createChannel(guildId, { name: 'edit-text' });
    const feedId = feedIdOf(await feedCommand(admin, 'add-account', { channel: text }));
    expect((await igcord.app.storage.feeds.get(feedId))!.place).toBeUndefined();
    const forumId = igcord.discord.createChannel(guildId, { name: 'edit-forum', type: 'forum' });
    const moved = await feedCommand(admin, 'edit', { feed: feedId, channel: forumId });
    expect(moved.content).toContain('as a new thread per post');
    expect(await igcord.app.storage.feeds.get(feedId)).toMatchObject({ channelId: forumId, place: 'forum' });
    await feedCommand(admin, 'edit', { feed: feedId, channel: text });
    const back = (await igcord.app.storage.feeds.get(feedId))!;
    expect(back.channelId).toBe(text);
    expect(back.place).toBeUndefined();
  });
});
