// The comments and mentions feeds on the Graph provider, end to end: igcord in sandbox mode on the Graph emulator.
// A comment on the linked account's post reaches every channel that follows the account's comments once — from
// polling alone when no webhook comes (the emulator sends none before the account subscribes), and from the
// webhook (the emulator's own signed delivery) once it does, with a poll afterwards posting nothing again. Its
// Hide and Reply buttons act on Instagram for the account's owner and refuse anyone else; a post that tags the
// account reaches the mentions feed once. Polls are an hour apart, so each poll is asked for (`poke`).
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { buttonIds } from '../support/press-confirm.js';

const HOUR = 3_600_000;
const saying = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

describe('comments and mentions feeds on the Graph provider', () => {
  let igcord: GraphFeedsIgcord;
  let studioId: string;
  let general: string;
  let second: string;
  let token: string;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR });
    ({ instagramUserId: studioId } = await igcord.link(igcord.personId, 'igcord.studio'));
    general = igcord.guild.channels.general!;
    second = igcord.guild.channels.instagram!;
    token = igcord.graph.admin.mintToken({ account: 'igcord.studio' }).access_token;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function poll(sourceKey: string): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(sourceKey);
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${sourceKey}`,
    );
  }
  const count = (channelId: string, text: string) => igcord.discord.messages(channelId).filter(saying(text)).length;
  const command = (subcommand: string, options?: Record<string, string>, userId = igcord.personId) =>
    igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: general,
        userId,
        name: 'feed',
        subcommand,
        ...(options ? { options } : {}),
      })
      .waitForReply(undefined, WAIT_MS);
  /** A comment as Instagram has it now, read with the owner's token. */
  async function comment(id: string, fields = 'hidden,text'): Promise<Record<string, unknown>> {
    const r = await fetch(`${igcord.graph.hosts.instagramGraph}/v25.0/${id}?fields=${fields}&access_token=${token}`);
    return (await r.json()) as Record<string, unknown>;
  }

  it('adds comments and mentions feeds with /feed add-comments and add-mentions, and lists them', async () => {
    const added = await command('add-comments', { channel: general });
    expect(added.content).toMatch(/Feed `[^`]+` added/);
    expect(added.content).toContain("comments on @igcord.studio's posts");
    await igcord.addFeed({
      channelId: second,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'comments', instagramUserId: studioId },
    });
    const mentions = await command('add-mentions', { channel: general });
    expect(mentions.content).toMatch(/Feed `[^`]+` added/);
    expect(mentions.content).toContain('mentions of @igcord.studio');
    const list = await command('list');
    const fields = list.embeds.flatMap((e) => e.fields ?? []).map((f) => `${f.name}\n${f.value}`);
    expect(fields.filter((f) => f.includes("comments on @igcord.studio's posts"))).toHaveLength(2);
    expect(fields.filter((f) => f.includes('mentions of @igcord.studio'))).toHaveLength(1);
  });

  it('posts a new comment once in each following channel from polling alone when no webhook comes', async () => {
    const media = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Harbour at dawn' });
    const c = igcord.graph.admin.postComment({ mediaId: media.id, from: 'visitor.one', text: 'what a view @everyone' });
    igcord.graph.admin.clearRequests();
    await poll(`comments:${studioId}`);
    for (const channelId of [general, second]) {
      const posted = await igcord.discord.waitForMessage(channelId, saying('what a view'), WAIT_MS);
      // Defused: the text cannot ping anyone, and the message names the post it is on.
      expect(posted.embeds[0]!.description).not.toContain('@everyone');
      expect(JSON.stringify(posted.embeds)).toContain('https://www.instagram.com/p/');
      expect(JSON.stringify(posted.embeds)).toContain('Harbour at dawn');
      expect(buttonIds(posted).some((id) => id.includes(c.id))).toBe(true);
    }
    // Comments of the recent posts come by field expansion: one call for the whole poll.
    expect(igcord.graph.admin.requests().filter((r) => r.method === 'GET').length).toBe(1);
    await poll(`comments:${studioId}`);
    for (const channelId of [general, second]) expect(count(channelId, 'what a view')).toBe(1);
  });

  it('posts a comment the webhook announces without waiting for a poll, once, and a poll after it posts nothing again', async () => {
    const { hosts } = igcord.graph;
    const app = igcord.graph.admin.app();
    const subscribed = await fetch(`${hosts.facebookGraph}/${app.instagramAppId}/subscriptions`, {
      method: 'POST',
      body: new URLSearchParams({
        object: 'instagram',
        callback_url: `${igcord.app.http.url}/webhooks/instagram`,
        fields: 'comments,mentions',
        verify_token: igcord.app.config.instagram.webhookVerifyToken!,
        access_token: igcord.graph.admin.appToken('instagram'),
      }),
    });
    expect(subscribed.status).toBe(200);
    const account = await fetch(`${hosts.instagramGraph}/me/subscribed_apps`, {
      method: 'POST',
      body: new URLSearchParams({ subscribed_fields: 'comments,mentions', access_token: token }),
    });
    expect(account.status).toBe(200);

    const media = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Studio shelves' });
    igcord.graph.admin.postComment({ mediaId: media.id, from: 'visitor.two', text: 'love the shelves' });
    igcord.graph.admin.flushWebhooks();
    for (const channelId of [general, second])
      await igcord.discord.waitForMessage(channelId, saying('love the shelves'), WAIT_MS);
    await eventually(
      async () => (await igcord.app.storage.webhookEvents.listPending(studioId, 'comments')).length === 0,
      'the webhook event acknowledged once delivered',
    );
    await poll(`comments:${studioId}`);
    for (const channelId of [general, second]) expect(count(channelId, 'love the shelves')).toBe(1);
  });

  it("hides and shows a comment again for the account's owner, and refuses another member's press", async () => {
    const posted = igcord.discord.messages(general).find(saying('what a view'))!;
    const hideId = buttonIds(posted).find((id) => id.startsWith('cmod:hide:'))!;
    expect(hideId).toBeDefined();
    const commentId = hideId.split(':').at(-1)!;

    const stranger = igcord.discord.createUser({ username: 'not-the-owner' });
    igcord.discord.addMember(igcord.guild.guildId, stranger.id);
    const refused = igcord.discord.pressButton({ message: posted, customId: hideId, userId: stranger.id });
    const answer = await refused.waitForReply(undefined, WAIT_MS);
    expect(answer.content).toMatch(/Only the owner of @igcord\.studio/);
    expect((await comment(commentId)).hidden).toBe(false);

    const pressed = igcord.discord.pressButton({ message: posted, customId: hideId, userId: igcord.personId });
    await pressed.firstResponse();
    await eventually(async () => (await comment(commentId)).hidden === true, 'the comment hidden on Instagram');
    // The message now offers to show it again.
    const updated = await eventually(() => {
      const m = igcord.discord.messages(general).find((x) => x.id === posted.id);
      return m !== undefined && buttonIds(m).some((id) => id.startsWith('cmod:show:')) && m;
    }, 'the button turned into Unhide');
    const showId = buttonIds(updated).find((id) => id.startsWith('cmod:show:'))!;
    igcord.discord.pressButton({ message: updated, customId: showId, userId: igcord.personId });
    await eventually(async () => (await comment(commentId)).hidden === false, 'the comment shown again');
  });

  it('replies to a comment from the Reply button through a modal', async () => {
    const posted = igcord.discord.messages(second).find(saying('love the shelves'))!;
    const replyId = buttonIds(posted).find((id) => id.startsWith('cmod:reply:'))!;
    const commentId = replyId.split(':').at(-1)!;
    const pressed = igcord.discord.pressButton({ message: posted, customId: replyId, userId: igcord.personId });
    const modal = await pressed.firstResponse();
    expect(modal.type).toBe(9);
    const modalId = (modal.data as { custom_id: string }).custom_id;
    const submitted = igcord.discord.submitModal({
      customId: modalId,
      fields: { text: 'Thank you, come by the studio!' },
      userId: igcord.personId,
    });
    await submitted.waitForReply((m) => m.content.includes('Replied'), WAIT_MS);
    const replies = await comment(commentId, 'replies{text}');
    expect(JSON.stringify(replies)).toContain('Thank you, come by the studio!');
  });

  it('posts a post that tags the account once in each channel following its mentions', async () => {
    await igcord.addFeed({
      channelId: second,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'mentions', instagramUserId: studioId },
    });
    igcord.graph.admin.postMedia('lena.creates', {
      type: 'image',
      caption: 'Shot at the studio',
      tagged: ['igcord.studio'],
    });
    await poll(`mentions:${studioId}`);
    for (const channelId of [general, second])
      await igcord.discord.waitForMessage(channelId, saying('Shot at the studio'), WAIT_MS);
    await poll(`mentions:${studioId}`);
    for (const channelId of [general, second]) expect(count(channelId, 'Shot at the studio')).toBe(1);
  });
});
