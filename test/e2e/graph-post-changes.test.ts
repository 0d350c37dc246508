// Posts that change on Instagram after igcord delivered them, end to end on the Graph emulator: a caption edited
// and a post deleted within 24 h of their delivery change the Discord message per each feed's `on-change` setting
// (`/feed edit`): `edit` shows the new caption (or replaces a deleted post's message with a note), `mark` keeps the
// message and adds a note, `leave` leaves it. A bot message and a channel-webhook message are both edited in place.
// The change is seen by the poll that reads the newest page anyway: no extra Instagram call. Past 24 h nothing
// changes. igcord's clock is the test's (moved with the emulator's), so "after 24 h" needs no waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;

interface Message {
  id: string;
  content?: string | null | undefined;
  webhook_id?: string | undefined;
  embeds: { description?: string | undefined }[];
}
const describes = (text: string) => (m: Message) =>
  m.embeds.some((e) => e.description?.includes(text)) || (m.content ?? '').includes(text);

describe('posts changed on Instagram, on the Graph provider', () => {
  let igcord: GraphFeedsIgcord;
  let offsetMs = 0;
  let key: string;
  /** Channel by on-change setting; `hook` and `hookMark` are webhook feeds set to `edit` and `mark`. */
  const channels: Record<'edit' | 'mark' | 'leave' | 'hook' | 'hookMark', string> = {
    edit: '',
    mark: '',
    leave: '',
    hook: '',
    hookMark: '',
  };

  async function command(subcommand: string, options: Record<string, string>) {
    return igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'feed',
        subcommand,
        options,
      })
      .waitForReply(undefined, WAIT_MS);
  }

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR }, { now: () => Date.now() + offsetMs });
    const { instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio');
    key = `account:${instagramUserId}`;
    channels.edit = igcord.guild.channels.general!;
    channels.hook = igcord.guild.channels.instagram!;
    channels.mark = igcord.discord.createChannel(igcord.guild.guildId, { name: 'marked' });
    channels.leave = igcord.discord.createChannel(igcord.guild.guildId, { name: 'left' });
    const source = { kind: 'account' as const, instagramUserId };
    for (const name of ['edit', 'mark', 'leave'] as const) {
      const feed = await igcord.addFeed({ channelId: channels[name], ownerDiscordUserId: igcord.personId, source });
      if (name === 'edit') continue;
      const reply = await command('edit', { feed: feed.id, 'on-change': name });
      expect(reply.content).toContain(`\`${name}\``);
    }
    channels.hookMark = igcord.discord.createChannel(igcord.guild.guildId, { name: 'hook-marked' });
    for (const name of ['hook', 'hookMark'] as const) {
      const added = await command('add-account', { channel: channels[name], delivery: 'webhook' });
      const id = /Feed `([^`]+)` added/.exec(added.content ?? '')?.[1];
      expect(id).toBeDefined();
      if (name === 'hookMark') await command('edit', { feed: id!, 'on-change': 'mark' });
    }
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function poll(): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(key);
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${key}`,
    );
  }
  /** Posts a post and polls until every channel shows it; returns its id and each channel's message id. */
  async function deliver(caption: string): Promise<{ mediaId: string; messages: Record<string, string> }> {
    const { id } = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption });
    await poll();
    const messages: Record<string, string> = {};
    for (const [name, channelId] of Object.entries(channels))
      messages[name] = (await igcord.discord.waitForMessage(channelId, describes(caption), WAIT_MS)).id;
    return { mediaId: id, messages };
  }
  const byId = (channelId: string, messageId: string) =>
    igcord.discord.messages(channelId).find((m) => m.id === messageId) as Message;

  it('a caption edited within 24 h: edit shows the new caption (bot and webhook message), mark notes it, leave keeps it', async () => {
    const { mediaId, messages } = await deliver('Harbour at dawn, first light.');
    expect(byId(channels.hook, messages.hook!).webhook_id).toBeDefined();
    expect(byId(channels.hookMark, messages.hookMark!).webhook_id).toBeDefined();
    igcord.graph.admin.editCaption(mediaId, 'Harbour at dusk, last light.');
    igcord.graph.admin.clearRequests();
    await poll();
    // The change came with the poll's one read of the newest page.
    expect(igcord.reads('/me/media')).toBe(1);

    for (const name of ['edit', 'hook'] as const) {
      const message = byId(channels[name], messages[name]!);
      expect(describes('Harbour at dusk')(message)).toBe(true);
      expect(describes('Harbour at dawn')(message)).toBe(false);
    }
    for (const name of ['mark', 'hookMark'] as const) {
      const marked = byId(channels[name], messages[name]!);
      expect(describes('Harbour at dawn')(marked)).toBe(true);
      expect(marked.content).toContain('caption was edited on Instagram');
    }
    const left = byId(channels.leave, messages.leave!);
    expect(describes('Harbour at dawn')(left)).toBe(true);
    expect(left.content ?? '').not.toContain('edited on Instagram');

    // Seen once: the next poll changes nothing more and posts nothing again.
    await poll();
    expect(byId(channels.mark, messages.mark!).content!.split('edited on Instagram').length).toBe(2);
    for (const channelId of Object.values(channels))
      expect(igcord.discord.messages(channelId).filter(describes('Harbour at'))).toHaveLength(1);
  });

  it('a post deleted within 24 h: edit replaces the message with a note, mark notes it, leave keeps it', async () => {
    const { mediaId, messages } = await deliver('Studio sale this weekend only.');
    igcord.graph.admin.deleteMedia(mediaId);
    await poll();

    for (const name of ['edit', 'hook'] as const) {
      const message = byId(channels[name], messages[name]!);
      expect(message.content).toContain('deleted on Instagram');
      expect(describes('Studio sale')(message)).toBe(false);
    }
    for (const name of ['mark', 'hookMark'] as const) {
      const marked = byId(channels[name], messages[name]!);
      expect(describes('Studio sale')(marked)).toBe(true);
      expect(marked.content).toContain('deleted on Instagram');
    }
    const left = byId(channels.leave, messages.leave!);
    expect(describes('Studio sale')(left)).toBe(true);
    expect(left.content ?? '').not.toContain('deleted on Instagram');
  });

  it('a caption edited or a post deleted more than 24 h after delivery changes nothing', async () => {
    const edited = await deliver('Old news about the kiln.');
    const deleted = await deliver('Old news about the glaze.');
    offsetMs += 25 * HOUR;
    igcord.graph.admin.advance(25 * HOUR);
    igcord.graph.admin.editCaption(edited.mediaId, 'Rewritten news about the kiln.');
    igcord.graph.admin.deleteMedia(deleted.mediaId);
    const polled = igcord.reads('/me/media');
    await poll();
    expect(igcord.reads('/me/media')).toBeGreaterThan(polled);

    for (const name of Object.keys(channels) as (keyof typeof channels)[]) {
      const kiln = byId(channels[name], edited.messages[name]!);
      expect(describes('Old news about the kiln')(kiln)).toBe(true);
      expect(kiln.content ?? '').not.toContain('on Instagram');
      const glaze = byId(channels[name], deleted.messages[name]!);
      expect(describes('Old news about the glaze')(glaze)).toBe(true);
      expect(glaze.content ?? '').not.toContain('on Instagram');
    }
  });
});
