// A linked account whose Instagram budget is used up: the command is refused at once by igcord's limiter (no call
// reaches Instagram) with a reply that says when the budget frees, and /instagram quota shows it used up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const WAIT_MS = 10_000;

describe('/instagram with an exhausted budget', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord({ RATE_LIMIT_GLOBAL: '2' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('refuses the call past the budget with when it frees, and quota shows it used up', async () => {
    const guildId = igcord.guild.guildId;
    const channelId = igcord.guild.channels.general!;
    const userId = igcord.personId;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(userId, username);
    const run = (subcommand: string) => igcord.discord.sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand });

    for (let i = 0; i < 2; i += 1) {
      const reply = await run('me').waitForReply(undefined, WAIT_MS);
      expect(reply.embeds).toHaveLength(1);
    }
    const calls = igcord.emulator.admin.requests().length;
    const refused = await run('me').waitForReply(undefined, WAIT_MS);
    expect(refused.content).toContain('budget is used up');
    expect(refused.content).toMatch(/frees <t:\d+:R>/);
    const freesAt = Number(/<t:(\d+):R>/.exec(refused.content)![1]) * 1000;
    expect(freesAt).toBeGreaterThan(Date.now());
    expect(igcord.emulator.admin.requests().length).toBe(calls);

    const quota = await run('quota').waitForReply(undefined, WAIT_MS);
    expect(quota.embeds[0]!.description).toContain('**2** of **2** calls used');
    expect(quota.embeds[0]!.description).toContain('**0** remaining');
    expect(quota.embeds[0]!.description).toMatch(/Used up: the next call can start <t:\d+:R>/);
  });
});

describe('/instagram after Instagram answers 503', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('retries the call, answers normally, and quota shows what Instagram counted instead of a full window', async () => {
    const guildId = igcord.guild.guildId;
    const channelId = igcord.guild.channels.general!;
    const userId = igcord.personId;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(userId, username);
    const run = (subcommand: string) => igcord.discord.sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand });

    expect((await run('me').waitForReply(undefined, WAIT_MS)).embeds).toHaveLength(1);
    igcord.emulator.admin.injectFault({ method: 'GET', path: '^/v1/users/self$', kind: 'status', status: 503, times: 1 });
    const afterFailure = await run('me').waitForReply(undefined, WAIT_MS);
    expect(afterFailure.embeds).toHaveLength(1);
    const statuses = igcord.emulator.admin.requests().filter((r) => r.path === '/v1/users/self').map((r) => r.status);
    expect(statuses).toEqual([200, 503, 200]);

    const quota = await run('quota').waitForReply(undefined, WAIT_MS);
    expect(quota.embeds[0]!.description).toContain('**2** of **500** calls used');
    expect(quota.embeds[0]!.description).toContain('**498** remaining');
    // And the next command is answered, not told that the budget is used up.
    const next = await run('me').waitForReply(undefined, WAIT_MS);
    expect(next.content).not.toContain('budget');
    expect(next.embeds).toHaveLength(1);
  });
});
