// /feed filter and /feed why, end to end through the real discord.js client, the Discord fake, the Instagram v1
// emulator and SQLite: each kind of rule (hashtag, keyword, regular expression, post kind, author) lets through
// and holds back the right posts, a held-back post is recorded as filtered and never posted, an invalid pattern is
// refused with nothing saved, a hostile pattern runs on re2js and decides its post; and /feed why tells, per feed
// of the server that could carry a post, what happened to it: delivered, filtered, not seen yet, paused, failed.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';
import type { Feed } from '../../src/storage/index.js';

const HOSTILE = `${'a'.repeat(10_000)}b`;

describe('/feed filter and /feed why', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let general: string;
  let me: { instagramUserId: string; username: string };
  let other: { instagramUserId: string; username: string; discordUserId: string };

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    const users = igcord.emulator.admin.users();
    me = { username: String(users[0]!.username), instagramUserId: '' };
    ({ instagramUserId: me.instagramUserId } = await igcord.link(igcord.personId, me.username));
    const otherUser = igcord.discord.createUser({ username: 'other-poster' });
    other = { username: String(users[1]!.username), instagramUserId: '', discordUserId: otherUser.id };
    ({ instagramUserId: other.instagramUserId } = await igcord.link(otherUser.id, other.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function command(
    subcommand: string,
    options: Record<string, string | number | boolean>,
    subcommandGroup?: string,
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = igcord.discord.sendCommand({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      ...(subcommandGroup !== undefined ? { subcommandGroup } : {}),
      subcommand,
      options,
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }
  const addRule = (feed: Feed, mode: string, field: string, value: string) =>
    command('add', { feed: feed.id, mode, field, value }, 'filter');
  const channel = (name: string) => igcord.discord.createChannel(guildId, { name });
  const post = (userId: string, caption: string, type?: 'image' | 'video') => {
    const answer = igcord.emulator.admin.postMedia(userId, { caption, ...(type ? { type } : {}) }) as {
      data?: { id: string; link: string };
      id?: string;
      link?: string;
    };
    const media = answer.data ?? (answer as { id: string; link: string });
    return { id: media.id, link: media.link };
  };
  const captions = (channelId: string) =>
    igcord.discord
      .messages(channelId)
      .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
      .map((c) => (c.startsWith('aaaa') ? 'HOSTILE' : c));
  /** Resolves once every one of `mediaIds` has a delivery record (posted or filtered) in `feed`. */
  const decided = (feed: Feed, mediaIds: readonly string[]) =>
    eventually(async () => {
      const records = await igcord.app.storage.deliveries.recentDeliveries(feed.id);
      return mediaIds.every((id) => records.some((r) => r.mediaId === id)) ? records : undefined;
    }, `records of ${mediaIds.length} media in feed ${feed.id}`);

  /** Resolves once the engine has started two more runs than now, so at least one whole run began after this call. */
  const twoMoreRuns = async () => {
    const before = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= before + 2, 'two more source runs');
  };

  it('refuses an invalid regular expression with the reason, and saves nothing', async () => {
    const feed = await igcord.addFeed({
      channelId: channel('refused'),
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: me.instagramUserId },
    });
    const reply = await addRule(feed, 'include', 'regex', '(unclosed');
    expect(reply.replyId).toBe('feeds.filter-refused');
    expect(reply.content).toContain('missing closing )');
    expect(reply.flags! & 64).toBe(64);
    const author = await addRule(feed, 'include', 'author', 'someone');
    expect(author.replyId).toBe('feeds.filter-refused');
    expect((await igcord.app.storage.feeds.get(feed.id))!.filters).toBeUndefined();
    await igcord.app.storage.feeds.remove(feed.id);
  });

  let byTag: Feed;
  let noSpoilers: Feed;
  let spoilerPost: { id: string; link: string };

  it('lets through and holds back the right posts for hashtag, keyword, regex and kind rules, recording each hold', async () => {
    const source = { kind: 'account' as const, instagramUserId: me.instagramUserId };
    const add = (name: string) =>
      igcord.addFeed({ channelId: channel(name), ownerDiscordUserId: igcord.personId, source });
    byTag = await add('by-tag');
    noSpoilers = await add('no-spoilers');
    const hostile = await add('hostile');
    const videos = await add('videos');
    for (const [feed, mode, field, value] of [
      [byTag, 'include', 'hashtag', '#Keep'],
      [noSpoilers, 'exclude', 'keyword', 'SPOILER'],
      [hostile, 'exclude', 'regex', '(a+)+$'],
      [videos, 'include', 'kind', 'video'],
    ] as const) {
      const reply = await addRule(feed, mode, field, value);
      expect(reply.replyId, reply.content).toBeUndefined();
      expect(reply.content).toContain(`\`${feed.id}\``);
    }
    expect((await igcord.app.storage.feeds.get(byTag.id))!.filters).toEqual([
      { mode: 'include', field: 'hashtag', value: 'keep' },
    ]);

    // A run reads its feeds when it starts: rules saved now apply from the next run of the source.
    await twoMoreRuns();
    const sunny = post(me.instagramUserId, 'sunny day #keep');
    spoilerPost = post(me.instagramUserId, 'a spoiler here #keep');
    const long = post(me.instagramUserId, HOSTILE);
    const clip = post(me.instagramUserId, 'a clip', 'video');
    const banana = post(me.instagramUserId, 'banana');
    const all = [sunny, spoilerPost, long, clip, banana].map((p) => p.id);
    for (const feed of [byTag, noSpoilers, hostile, videos]) await decided(feed, all);

    expect(captions(byTag.channelId)).toEqual(['sunny day #keep', 'a spoiler here #keep']);
    expect(captions(noSpoilers.channelId)).toEqual(['sunny day #keep', 'HOSTILE', 'a clip', 'banana']);
    // (a+)+$ runs in linear time: the 10,001-character caption ending in b does not match and is posted; banana does.
    expect(captions(hostile.channelId)).toEqual(['sunny day #keep', 'a spoiler here #keep', 'HOSTILE', 'a clip']);
    expect(captions(videos.channelId)).toEqual(['a clip']);

    const filtered = await igcord.app.storage.deliveries.findDelivery(noSpoilers.id, spoilerPost.id);
    expect(filtered).toMatchObject({ filteredBy: 'exclude keyword "SPOILER"' });
    expect(filtered?.messageId).toBeUndefined();
    expect(await igcord.app.storage.deliveries.findDelivery(hostile.id, banana.id)).toMatchObject({
      filteredBy: 'exclude regex /(a+)+$/',
    });
    expect(await igcord.app.storage.deliveries.findDelivery(byTag.id, clip.id)).toMatchObject({
      filteredBy: 'include hashtag rules (none matched)',
    });
    for (const feed of [byTag, noSpoilers, hostile, videos])
      expect(await igcord.app.storage.deliveries.pendingMedia(feed.id)).toEqual([]);
  });

  it('lets through only the named authors of a tag feed', async () => {
    const feed = await igcord.addFeed({
      channelId: channel('by-author'),
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'tag', name: 'igcordfilters' },
    });
    expect((await addRule(feed, 'include', 'author', `@${other.username}`)).replyId).toBeUndefined();
    await twoMoreRuns();
    const mine = post(me.instagramUserId, 'mine #igcordfilters');
    const theirs = post(other.instagramUserId, 'theirs #igcordfilters');
    const records = await decided(feed, [mine.id, theirs.id]);
    expect(captions(feed.channelId)).toEqual(['theirs #igcordfilters']);
    expect(records.find((r) => r.mediaId === mine.id)).toMatchObject({
      filteredBy: 'include author rules (none matched)',
    });
  });

  it('lists and removes rules, and a removed rule no longer holds posts back', async () => {
    const feedList = igcord.discord.sendCommand({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'list',
    });
    const overview = await feedList.waitForReply(undefined, WAIT_MS);
    const field = overview.embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.includes(noSpoilers.id));
    expect(field?.value).toContain('Filters: 1 rule (/feed filter list)');
    const listed = await command('list', { feed: noSpoilers.id }, 'filter');
    expect(listed.content).toContain('Rule 1: exclude keyword "SPOILER"');
    const removed = await command('remove', { feed: noSpoilers.id, rule: 1 }, 'filter');
    expect(removed.replyId, removed.content).toBeUndefined();
    await twoMoreRuns();
    expect((await igcord.app.storage.feeds.get(noSpoilers.id))!.filters).toBeUndefined();
    const again = post(me.instagramUserId, 'another spoiler');
    await decided(noSpoilers, [again.id]);
    expect(captions(noSpoilers.channelId)).toContain('another spoiler');
  });

  it('/feed why tells which feed delivered a post (with its message) and which filtered it (with the rule)', async () => {
    const reply = await command('why', { post: spoilerPost.link });
    expect(reply.flags! & 64).toBe(64);
    const delivered = await igcord.app.storage.deliveries.findDelivery(byTag.id, spoilerPost.id);
    expect(reply.content).toContain(
      `https://discord.com/channels/${guildId}/${byTag.channelId}/${delivered!.messageId!}`,
    );
    expect(reply.content).toMatch(new RegExp(`\`${noSpoilers.id}\`[^\\n]*filtered by exclude keyword "SPOILER"`));
    // By id, from the delivery records alone.
    const byId = await command('why', { post: spoilerPost.id });
    expect(byId.content).toMatch(new RegExp(`\`${byTag.id}\`[^\\n]*delivered`));
    expect(byId.content).toMatch(new RegExp(`\`${noSpoilers.id}\`[^\\n]*filtered by`));
  });

  it('/feed why tells a post not seen yet (with the next check), a paused feed and a failed post', async () => {
    const source = { kind: 'account' as const, instagramUserId: other.instagramUserId };
    const watching = await igcord.addFeed({
      channelId: channel('watching'),
      ownerDiscordUserId: other.discordUserId,
      source,
    });
    const paused = await igcord.addFeed({
      channelId: channel('paused'),
      ownerDiscordUserId: other.discordUserId,
      source,
    });
    const refusedChannel = channel('refusing');
    const failing = await igcord.addFeed({
      channelId: refusedChannel,
      ownerDiscordUserId: other.discordUserId,
      source,
    });
    expect((await command('pause', { feed: paused.id })).content).toContain('is paused');

    // Reads of the source fail: the post exists on Instagram, but igcord has not seen it yet.
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: `^/v1/users/${other.instagramUserId}/media/recent`,
      kind: 'status',
      status: 500,
    });
    const unseen = post(other.instagramUserId, 'not read yet');
    await eventually(() => igcord.app.deliveries.status(watching).retryReason, 'a read of the source to fail');
    const notYet = await command('why', { post: unseen.link });
    expect(notYet.content).toMatch(new RegExp(`\`${watching.id}\`[^\\n]*Its last read stopped early: `));
    expect(notYet.content).toMatch(new RegExp(`\`${watching.id}\`[^\\n]*not seen yet`));
    // The engine's own schedule: the source's next check, or the read under way (its retries after Instagram's 500).
    expect(notYet.content).toMatch(/not seen yet: its source is (next checked <t:\d+:R>|being read now)/);
    expect(notYet.content).toMatch(new RegExp(`\`${paused.id}\`[^\\n]*paused`));

    // Discord refuses the bot in one channel: that feed is disabled with Discord's answer, its post kept.
    igcord.discord.setChannelOverwrites(refusedChannel, [
      { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.SendMessages },
    ]);
    igcord.emulator.admin.removeFault(fault.id);
    await decided(watching, [unseen.id]);
    await eventually(
      async () => (await igcord.app.storage.feeds.get(failing.id))?.state.kind === 'disabled',
      'the refused feed to be disabled',
    );
    const after = await command('why', { post: unseen.link });
    expect(after.content).toMatch(new RegExp(`\`${watching.id}\`[^\\n]*delivered`));
    expect(after.content).toMatch(new RegExp(`\`${failing.id}\`[^\\n]*failed`));
    expect(after.content).toMatch(new RegExp(`\`${paused.id}\`[^\\n]*paused`));
  });
});
