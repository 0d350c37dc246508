// /tag autocomplete under a nearly spent budget: with a 10-call hour, suggestions stop calling Instagram once the
// account is down to its reserve, and the command itself still runs on what is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

describe('/tag autocomplete with a nearly spent budget', () => {
  let igcord: TestIgcord;
  let instagramUserId: string;
  let accessToken: string;

  beforeAll(async () => {
    igcord = await startTestIgcord({ RATE_LIMIT_GLOBAL: '10' });
    const username = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    ({ instagramUserId, accessToken } = await igcord.link(igcord.personId, username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const suggest = (value: string) =>
    igcord.discord
      .sendAutocomplete({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'tag',
        subcommand: 'info',
        focused: 'name',
        value,
      })
      .firstResponse();
  const searches = () => igcord.emulator.admin.requests().filter((r) => r.route === 'GET /tags/search');

  it('suggests while the budget is healthy, then answers with no choices and no call once only the reserve is left', async () => {
    const healthy = await suggest('sun');
    expect((healthy.data as { choices: unknown[] }).choices.length).toBeGreaterThan(0);
    expect(searches()).toHaveLength(1);

    // Spend the account's budget through igcord's own client and limiter, down to 2 of 10 calls left.
    const auth = { userId: instagramUserId, accessToken };
    while (igcord.app.limiter.quota(instagramUserId).remaining > 2) await igcord.app.instagram.tags.get(auth, 'sunset');
    expect(igcord.app.limiter.quota(instagramUserId).remaining).toBe(2);

    igcord.emulator.admin.clearRequests();
    const starved = await suggest('coff');
    expect(starved.type).toBe(8);
    expect(starved.data).toEqual({ choices: [] });
    expect(igcord.emulator.admin.requests()).toHaveLength(0);

    // The command the person then runs still gets its call.
    const reply = await igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'tag',
        subcommand: 'info',
        options: { name: 'coffee' },
      })
      .waitForReply();
    expect(reply.embeds[0]?.title).toBe('#coffee');
    expect(igcord.emulator.admin.requests().map((r) => r.route)).toEqual(['GET /tags/{tag}']);
  });
});
