// One tag parser for every command that takes a tag: /tag and /feed add-tag accept the same names (emoji tags
// included: Instagram has had them since 2015) and refuse the same bad ones with the same reply, end to end
// through the real bot and the Discord fake, before any Instagram call is spent.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { replyIdOf } from '../support/reply-id.js';

const EPHEMERAL = 64;
const REPLY_TIMEOUT_MS = 15_000;

describe('tag input', () => {
  let igcord: TestIgcord;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    channelId = igcord.guild.channels.general!;
    const viewer = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(igcord.personId, viewer);
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function run(
    name: 'tag' | 'feed',
    subcommand: string,
    options: Record<string, string>,
  ): Promise<{ reply: APIMessage; id: string | undefined }> {
    const handle = igcord.discord.sendCommand({ channelId, userId: igcord.personId, name, subcommand, options });
    const reply = await handle.waitForReply(undefined, REPLY_TIMEOUT_MS);
    return { reply, id: replyIdOf(igcord, handle.id) };
  }

  it('/feed add-tag takes an emoji tag that /tag info takes', async () => {
    const info = await run('tag', 'info', { name: '#🍕' });
    expect(info.reply.embeds[0]?.title).toBe('#🍕');

    const added = await run('feed', 'add-tag', { channel: channelId, tag: '#🍕' });
    expect(added.id).toBeUndefined();
    const feedId = /Feed `([a-z0-9]+)` added/.exec(added.reply.content)?.[1];
    expect(feedId, added.reply.content).toBeDefined();
    expect(await igcord.app.storage.feeds.get(feedId!)).toMatchObject({ source: { kind: 'tag', name: '🍕' } });
  });

  it.each(['two words', 'sun-set', '#', 'a.b'])(
    '/tag info and /feed add-tag refuse %j the same way, without calling Instagram',
    async (bad) => {
      igcord.emulator.admin.clearRequests();
      const info = await run('tag', 'info', { name: bad });
      const feed = await run('feed', 'add-tag', { channel: channelId, tag: bad });
      expect(info.id).toBe('input.invalid-tag');
      expect(feed.id).toBe('input.invalid-tag');
      // The same refusal, each naming the option the person typed into.
      expect(info.reply.content).toMatch(/^`name` /);
      expect(feed.reply.content).toBe(info.reply.content.replaceAll('`name`', '`tag`'));
      expect(info.reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(feed.reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(igcord.emulator.admin.requests()).toHaveLength(0);
    },
  );
});
