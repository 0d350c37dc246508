// Feeds into forum channels and threads (issue 16, item 3), end to end against the Discord fake and the v1
// emulator: a forum feed makes one thread per post, named after the caption's first line and tagged with the
// forum's tags that match the post's hashtags; a run stalled in the middle of creating a thread and followed by a
// newer run (as after a restart) leaves one thread per post; a thread feed posts in its thread, reopens it when it
// was archived and not locked, and is disabled with the reason when it is archived, locked and igcord may not
// reopen it.
import { REST } from '@discordjs/rest';
import { Writable } from 'node:stream';
import { PermissionFlagsBits, type APIThreadChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordFeedPoster } from '../../src/discord/feed-posting/discord-feed-poster.js';
import { createDiscordPayerStanding } from '../../src/discord/feed-posting/payer-standing.js';
import { createDeliveryEngine } from '../../src/feeds/index.js';
import { createLogger } from '../../src/log.js';
import { STARTER_TEMPLATE } from '../../src/core/index.js';
import { createV1FeedReader } from '../../src/providers/v1/feed-reader.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

const SETTLE_MS = 2_000;

describe('feeds into forum channels and threads', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { intentSettleMs: SETTLE_MS },
      {},
      // A held thread creation must stay one request: no client timeout (and retry) while the fake holds it.
      { rest: { timeout: 120_000, retries: 0, globalRequestsPerSecond: 1e6 } },
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** A linked owner and the account feed they pay for, in `channelId`. */
  async function accountFeed(userIndex: number, channelId: string, place: 'forum' | 'thread') {
    const user = igcord.emulator.admin.users()[userIndex]!;
    const ownerId = igcord.discord.createUser({ username: `forum-owner-${userIndex}` }).id;
    const { instagramUserId } = await igcord.link(ownerId, String(user.username));
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'account', instagramUserId },
      place,
    });
    return { feed, ownerId, instagramUserId };
  }

  const post = (instagramUserId: string, caption: string) =>
    igcord.emulator.admin.postMedia(instagramUserId, { caption });

  const threads = (forumId: string) => igcord.discord.threads(forumId) as APIThreadChannel[];

  it('makes one thread per post, named after the caption, with the forum tags its hashtags name', async () => {
    const forumId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'insta-forum',
      type: 'forum',
      tags: ['Travel', 'food', 'Art', 'Music', 'Sea', 'Sun', 'Extra'],
    });
    const { instagramUserId } = await accountFeed(1, forumId, 'forum');
    const sunset = post(instagramUserId, 'Sunset at the beach\nsecond line #travel #FOOD #unknown') as {
      id?: string;
      data?: { id: string };
    };
    post(instagramUserId, `${'long '.repeat(40)}title\n#art #music #sea #sun #extra #travel #food`);
    await eventually(() => threads(forumId).length === 2, 'two forum threads');

    const [first, second] = threads(forumId);
    const available = (await igcord.app.bot.discord.client.channels.fetch(forumId)) as unknown as {
      availableTags: { id: string; name: string }[];
    };
    const idOf = (name: string) => available.availableTags.find((t) => t.name === name)!.id;
    expect(first!.name).toBe('Sunset at the beach');
    expect(first!.applied_tags).toEqual([idOf('Travel'), idOf('food')]);
    expect(second!.name.length).toBeLessThanOrEqual(100);
    expect(second!.name.endsWith('…')).toBe(true);
    // At most five, in the caption's order.
    expect(second!.applied_tags).toEqual(['Art', 'Music', 'Sea', 'Sun', 'Extra'].map(idOf));
    // Each thread starts with the post itself.
    const starter = igcord.discord.messages(first!.id);
    expect(starter).toHaveLength(1);
    expect(starter[0]!.id).toBe(first!.id);
    expect(starter[0]!.embeds[0]!.description).toContain('Sunset at the beach');

    // /feed why links to the post's thread.
    const why = igcord.discord.sendCommand({
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'why',
      options: { post: sunset.data?.id ?? sunset.id! },
    });
    const reply = await why.waitForReply();
    expect(reply.content).toContain(`https://discord.com/channels/${igcord.guild.guildId}/${first!.id}/${first!.id}`);
  });

  it("names a templated feed's threads with the template's title", async () => {
    const forumId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'templated-forum', type: 'forum' });
    const { feed, instagramUserId } = await accountFeed(8, forumId, 'forum');
    await igcord.app.storage.feeds.update(feed.id, {
      template: { ...STARTER_TEMPLATE, title: '{author}: {caption_first_line}', description: '{caption}' },
    });
    const user = String(igcord.emulator.admin.users()[8]!.username);
    post(instagramUserId, 'Fresh *bread* today\nmore');
    await eventually(() => threads(forumId).length === 1, 'the thread');
    expect(threads(forumId)[0]!.name).toBe(`@${user}: Fresh *bread* today`);
  });

  it('disables the feed with the reason when the forum requires a tag and the post names none of its tags', async () => {
    const forumId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'tagged-only',
      type: 'forum',
      tags: ['Travel'],
      requireTag: true,
    });
    const { feed, instagramUserId } = await accountFeed(7, forumId, 'forum');
    post(instagramUserId, 'no matching hashtag #food');
    await eventually(
      async () => (await igcord.app.storage.feeds.get(feed.id))?.state.kind === 'disabled',
      'the feed disabled',
    );
    expect((await igcord.app.storage.feeds.get(feed.id))!.state).toMatchObject({
      kind: 'disabled',
      by: 'forum-tag-required',
    });
    expect(threads(forumId)).toHaveLength(0);
    // Kept for when an admin adds the tag and resumes the feed.
    expect(await igcord.app.storage.deliveries.pendingMedia(feed.id)).toHaveLength(1);
  });

  it('a run stalled while creating a thread, then a newer run: one thread per post', async () => {
    const forumId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'stalled-forum', type: 'forum' });
    const { instagramUserId } = await accountFeed(2, forumId, 'forum');
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    const path = `/channels/${forumId}/threads`;
    const fault = igcord.discord.injectFault({ method: 'POST', path, until });
    post(instagramUserId, 'stalled forum first');
    post(instagramUserId, 'stalled forum second');
    await eventually(() => fault.hits() === 1, "igcord's first thread creation held by Discord");

    // A newer worker on the same storage, as after a restart: it finds the stalled run's posting intent.
    const lines: string[] = [];
    const log = createLogger({
      level: 'debug',
      destination: new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }),
    });
    const { app } = igcord;
    const rest = new REST({ api: app.config.discord.apiUrl!, timeout: 120_000, globalRequestsPerSecond: 1e6 });
    rest.setToken(app.config.discord.token!);
    const engine = createDeliveryEngine({
      storage: app.storage,
      reader: createV1FeedReader(app.instagram),
      limiter: app.limiter,
      poster: createDiscordFeedPoster({ rest, log }),
      payers: createDiscordPayerStanding(rest),
      windowMs: app.config.limits.windowMs,
      log,
      tuning: {
        minPollMs: 60_000,
        startSpreadMs: 60_000,
        retryBaseMs: 200,
        retryMaxMs: 500,
        intentSettleMs: SETTLE_MS,
      },
    });
    try {
      await engine.start();
      await eventually(() => /an earlier run's post of this media may still land/.test(lines.join('')), 'the intent');
      // The stalled creation lands now, while the newer run waits for it to settle.
      release();
      await eventually(() => threads(forumId).length === 2 && engine.stats().deliveries === 2, 'both posts');
      const names = threads(forumId).map((t) => t.name);
      expect(names.sort()).toEqual(['stalled forum first', 'stalled forum second']);
      expect(lines.join('')).toMatch(/found an unrecorded earlier forum thread of this media/);
      const creations = igcord.discord.restLog().filter((e) => e.method === 'POST' && e.path === path);
      expect(creations).toHaveLength(2);
    } finally {
      await engine.close();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  });

  it('posts into an existing thread', async () => {
    const textId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'thread-parent' });
    const threadId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'insta-thread',
      type: 'thread',
      parent: textId,
    });
    const { instagramUserId } = await accountFeed(3, threadId, 'thread');
    post(instagramUserId, 'into the thread');
    const message = await igcord.discord.waitForMessage(threadId, (m) =>
      m.embeds.some((e) => e.description?.includes('into the thread')),
    );
    expect(message.channel_id).toBe(threadId);
    expect(igcord.discord.messages(textId)).toHaveLength(0);
  });

  it('reopens an archived thread that is not locked by posting in it', async () => {
    const textId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'archive-parent' });
    const threadId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'archived-thread',
      type: 'thread',
      parent: textId,
    });
    const { instagramUserId } = await accountFeed(4, threadId, 'thread');
    igcord.discord.setThreadState(threadId, { archived: true });
    post(instagramUserId, 'wakes the thread');
    await igcord.discord.waitForMessage(threadId, (m) => m.embeds.some((e) => e.description?.includes('wakes the')));
    expect(threads(textId)[0]!.thread_metadata!.archived).toBe(false);
  });

  it('reopens an archived locked thread when igcord has Manage Threads there, then posts', async () => {
    const textId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'moderated-parent' });
    igcord.discord.setChannelOverwrites(textId, [
      { id: igcord.guild.botRoleId, type: 'role', allow: PermissionFlagsBits.ManageThreads },
    ]);
    const threadId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'moderated-thread',
      type: 'thread',
      parent: textId,
    });
    const { instagramUserId } = await accountFeed(6, threadId, 'thread');
    igcord.discord.setThreadState(threadId, { archived: true, locked: true });
    post(instagramUserId, 'reopened by a moderator bot');
    await igcord.discord.waitForMessage(threadId, (m) => m.embeds.some((e) => e.description?.includes('reopened by')));
    expect(threads(textId)[0]!.thread_metadata).toMatchObject({ archived: false, locked: true });
    const patches = igcord.discord.restLog().filter((e) => e.method === 'PATCH' && e.path === `/channels/${threadId}`);
    expect(patches.map((e) => e.body)).toEqual([{ archived: false }]);
  });

  it('disables the feed with the reason when its thread is archived, locked and igcord may not reopen it', async () => {
    const textId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'locked-parent' });
    const threadId = igcord.discord.createChannel(igcord.guild.guildId, {
      name: 'locked-thread',
      type: 'thread',
      parent: textId,
    });
    const { feed, ownerId, instagramUserId } = await accountFeed(5, threadId, 'thread');
    expect(igcord.discord.permissionsFor(threadId, igcord.discord.botUserId) & PermissionFlagsBits.ManageThreads).toBe(
      0n,
    );
    igcord.discord.setThreadState(threadId, { archived: true, locked: true });
    post(instagramUserId, 'never posted');
    await eventually(
      async () => (await igcord.app.storage.feeds.get(feed.id))?.state.kind === 'disabled',
      'the feed disabled',
    );
    const state = (await igcord.app.storage.feeds.get(feed.id))!.state;
    expect(state).toMatchObject({ kind: 'disabled', by: 'thread-archived-locked' });
    expect(igcord.discord.messages(threadId)).toHaveLength(0);
    // The thread stays as its moderators left it.
    expect(threads(textId)[0]!.thread_metadata).toMatchObject({ archived: true, locked: true });
    // The notice reaches the owner (the thread takes no message, the server has no system channel).
    const notice = await eventually(
      () => igcord.discord.directMessages(ownerId).find((m) => m.content.includes(feed.id)),
      'the notice',
    );
    expect(notice.content).toMatch(/archived and locked/);

    // /feed list shows why (the earlier tests' feeds taken out, so this one is on its first page).
    for (const other of await igcord.app.storage.feeds.listByGuild(igcord.guild.guildId))
      if (other.id !== feed.id) await igcord.app.storage.feeds.remove(other.id);
    const handle = igcord.discord.sendCommand({
      channelId: textId,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'list',
    });
    const reply = await handle.waitForReply();
    expect(JSON.stringify(reply)).toMatch(/archived and locked/);
  });
});
