// What a person sees when Discord, not Instagram, misbehaves while igcord answers a command: a 429 with
// Retry-After on the reply path is waited out and the answer still arrives once; a Discord 500 on the edit is
// retried. The fake's REST log is the judge of what igcord sent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const REPLY_WAIT_MS = WAIT_MS;

describe('a command when Discord answers 429 or 500', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    await igcord.link(igcord.personId, 'mateo_rios');
  });
  afterEach(() => {
    igcord.discord.clearFaults();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it("waits out a 429 with Retry-After on the deferred reply's edit and still answers exactly once", async () => {
    const limited = igcord.discord.injectFault({
      method: 'PATCH',
      path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
      status: 429,
      retryAfterSeconds: 0.3,
    });
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId: igcord.personId,
      name: 'instagram',
      subcommand: 'me',
    });
    const first = await handle.firstResponse();
    expect(first.type).toBe(5);
    const reply = await handle.waitForReply(
      (m) => JSON.stringify(m.embeds ?? []).includes('mateo_rios'),
      REPLY_WAIT_MS,
    );
    expect(reply.embeds?.[0]).toBeDefined();
    expect(limited.hits()).toBe(1);
    const edits = igcord.discord
      .restLog()
      .filter((e) => e.method === 'PATCH' && /messages\/(@|%40)original/.test(e.path) && e.status === 200);
    expect(edits).toHaveLength(1);
    expect(handle.replies().followUps).toHaveLength(0);
  });

  it('retries a Discord 500 on the edit and the answer arrives', async () => {
    const failing = igcord.discord.injectFault({
      method: 'PATCH',
      path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
      status: 500,
    });
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId: igcord.personId,
      name: 'instagram',
      subcommand: 'quota',
    });
    const reply = await handle.waitForReply((m) => /remaining|left/i.test(JSON.stringify(m)), REPLY_WAIT_MS);
    expect(reply).toBeDefined();
    expect(failing.hits()).toBe(1);
  });
});
