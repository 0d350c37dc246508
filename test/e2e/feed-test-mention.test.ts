// /feed test shows what a real post will look like, the feed's role mention included: the test post carries the
// same content line a real post carries, under its test mark, but it pings nobody (allowed_mentions names no role),
// since Discord draws a role mention whether or not it notifies. A real post of the same feed then pings the role.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('/feed test with a role mention', () => {
  let igcord: FeedsIgcord;
  let channelId: string;
  let roleId: string;
  let feedId: string;
  let instagramUserId: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const user = igcord.emulator.admin.users()[4]!;
    ({ instagramUserId } = await igcord.link(igcord.personId, String(user.username)));
    channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'role-feed' });
    roleId = igcord.discord.createRole(igcord.guild.guildId, { name: 'insta-watchers' });
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

  const sentBody = (message: APIMessage) => {
    const sent = igcord.discord
      .restLog()
      .find(
        (e) =>
          e.method === 'POST' &&
          e.path === `/channels/${channelId}/messages` &&
          (e.body as { content?: string }).content === message.content,
      );
    if (!sent) throw new Error(`no POST of ${JSON.stringify(message.content)} in the REST log`);
    return sent.body as { content?: string; allowed_mentions?: unknown };
  };

  it('carries the role mention a real post carries, drawn but pinging nobody', async () => {
    const reply = await igcord.discord
      .sendCommand({
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'test',
        options: { feed: feedId },
      })
      .waitForReply(undefined, WAIT_MS);
    expect(reply.content).toContain(`Posted the latest media of feed \`${feedId}\``);
    const test = await igcord.discord.waitForMessage(channelId, (m) => m.content.includes('Test post'), WAIT_MS);
    const [mark, postLine] = test.content.split('\n');
    expect(mark).toMatch(new RegExp(`^🧪 Test post for feed \`${feedId}\``));
    expect(postLine).toBe(`<@&${roleId}>`);
    expect(sentBody(test).allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it("is followed by real posts whose content is the test post's second line, and which ping the role", async () => {
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'a real one' });
    const real = await igcord.discord.waitForMessage(
      channelId,
      (m) => m.embeds.some((e) => e.description === 'a real one'),
      WAIT_MS,
    );
    const test = igcord.discord.messages(channelId).find((m) => m.content.includes('Test post'))!;
    expect(real.content).toBe(test.content.split('\n')[1]);
    expect(sentBody(real).allowed_mentions).toEqual({ parse: [], roles: [roleId] });
  });
});
