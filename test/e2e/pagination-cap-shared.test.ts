// PAGE_SESSIONS_MAX with page sessions shared in Redis (docs/decisions/0022): opening one list more than the cap
// still greys out the buttons of the one pressed longest ago at once — sharing must not let an eviction wait on
// Redis — and that list's shared record goes with it, so no other process pages it either.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@redis/client';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const CAP = 2;

type Button = { custom_id?: string; disabled?: boolean; label?: string };
const buttons = (message: APIMessage): Button[] =>
  ((message.components ?? []) as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
const allDisabled = (message: APIMessage) =>
  buttons(message).length > 0 && buttons(message).every((b) => b.disabled === true);

describe('paged answers beyond PAGE_SESSIONS_MAX, shared in Redis', () => {
  let igcord: TestIgcord;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord({ PAGE_SESSIONS_MAX: String(CAP), REDIS_URL: 'redis://127.0.0.1:6379' });
    channelId = igcord.guild.channels.general!;
    await igcord.link(igcord.personId, String(igcord.emulator.admin.users()[0]!.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('evicts the list pressed longest ago, for every process', async () => {
    expect(igcord.app.config.discord.stateStore).toBe('redis');
    const opened = [];
    for (let i = 0; i < CAP + 1; i++) {
      const handle = igcord.discord.sendCommand({
        channelId,
        userId: igcord.personId,
        name: 'media',
        subcommand: 'liked',
      });
      const message = await handle.waitForReply((m) => JSON.stringify(m.components ?? []).includes('page:'), 15_000);
      opened.push({ handle, message });
    }
    const oldest = opened[0]!;
    await oldest.handle.waitForReply(allDisabled, 15_000);
    expect(igcord.app.bot.paginator.openSessions).toBe(CAP);
    for (const { handle } of opened.slice(1)) expect(allDisabled(await handle.waitForReply())).toBe(false);

    // The shared records: the evicted list's is gone (no other process pages it), the open ones' are there.
    const redis = createClient({ url: 'redis://127.0.0.1:6379' });
    await redis.connect();
    try {
      const recordOf = (message: APIMessage) =>
        `igcord:discord:${igcord.discord.applicationId}:state:page:${buttons(message)[0]!.custom_id!.split(':')[1]}`;
      expect(await redis.exists(recordOf(oldest.message))).toBe(0);
      for (const { message } of opened.slice(1)) expect(await redis.exists(recordOf(message))).toBe(1);
    } finally {
      await redis.quit();
    }
  }, 60_000);
});
