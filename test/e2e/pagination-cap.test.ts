// Every paged answer keeps a session in memory until its buttons time out; without a cap, a burst of paged
// commands holds them all. PAGE_SESSIONS_MAX caps them: opening one more evicts the oldest, whose buttons go grey
// and answer like an expired list. Driven through the real bot against the Discord fake with /feed list.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/feeds-igcord.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const CAP = 3;

type Button = { custom_id?: string; disabled?: boolean };
const buttons = (message: APIMessage): Button[] =>
  ((message.components ?? []) as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
const nextOf = (message: APIMessage) =>
  buttons(message).find((b) => b.custom_id?.startsWith('page:') && b.custom_id.endsWith(':1'))!.custom_id!;
const allDisabled = (message: APIMessage) =>
  buttons(message).length > 0 && buttons(message).every((b) => b.disabled === true);

describe('paged answers beyond PAGE_SESSIONS_MAX', () => {
  let igcord: TestIgcord;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord({ PAGE_SESSIONS_MAX: String(CAP) });
    channelId = igcord.guild.channels.general!;
    const account = await igcord.link(igcord.personId, String(igcord.emulator.admin.users()[0]!.username));
    // Six feeds: two pages of /feed list.
    await igcord.app.storage.feeds.addMany(
      ['helsinki', 'sea', 'summer', 'autumn', 'street', 'bakery'].map((name) => ({
        guildId: igcord.guild.guildId,
        channelId,
        source: { kind: 'tag' as const, name },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: account.instagramUserId,
        createdBy: igcord.personId,
        delivery: { mode: 'message' as const },
      })),
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const openList = () => {
    const handle = igcord.discord.sendCommand({ channelId, userId: igcord.personId, name: 'feed', subcommand: 'list' });
    return {
      handle,
      message: handle.waitForReply((m) => JSON.stringify(m.components ?? []).includes('page:'), 15_000),
    };
  };

  it('keeps at most the cap open: opening one more greys out the buttons of the one pressed longest ago', async () => {
    const paginator = igcord.app.bot.paginator;
    const opened = [];
    for (let i = 0; i < CAP + 2; i++) {
      const list = openList();
      opened.push({ handle: list.handle, message: await list.message });
      expect(paginator.openSessions).toBeLessThanOrEqual(CAP);
    }

    // The two oldest were evicted: their messages are edited to grey buttons, as a timed-out list's are.
    for (const { handle } of opened.slice(0, 2)) {
      await handle.waitForReply(allDisabled, 15_000);
    }
    expect(paginator.openSessions).toBe(CAP);
    for (const { handle } of opened.slice(2)) expect(allDisabled(await handle.waitForReply())).toBe(false);
    // The newest still pages.
    const newest = opened.at(-1)!;
    igcord.discord.pressButton({ message: newest.message, customId: nextOf(newest.message), userId: igcord.personId });
    const updated = await newest.handle.waitForReply(
      (m) => JSON.stringify(m.components ?? []).includes('"Page 2 of 2"'),
      15_000,
    );
    expect(allDisabled(updated)).toBe(false);
    expect(paginator.openSessions).toBe(CAP);
  }, 60_000);

  it('answers a press on an evicted list whose buttons could not be greyed out as an expired one', async () => {
    const paginator = igcord.app.bot.paginator;
    const lists = [];
    for (let i = 0; i < CAP; i++) {
      const list = openList();
      lists.push({ handle: list.handle, message: await list.message });
    }
    // Discord refuses the edit that would grey out the oldest (its token gone): its buttons stay live.
    const oldest = lists[0]!;
    const refused = igcord.discord.injectFault({
      method: 'PATCH',
      path: new RegExp(`^/webhooks/\\d+/${oldest.handle.token}/messages/`),
      status: 404,
      body: { message: 'Unknown Webhook', code: 10015 },
      times: Infinity,
    });
    const last = openList();
    await last.message;
    await eventually(() => refused.hits() > 0 || undefined, 'the eviction of the oldest list');
    expect(paginator.openSessions).toBe(CAP);

    const press = igcord.discord.pressButton({
      message: oldest.message,
      customId: nextOf(oldest.message),
      userId: igcord.personId,
    });
    const said = await press.waitForReply((m) => m.content.includes('expired'), 15_000);
    expect(said.content).toBe('These pages have expired. Run the command again.');
    // That press greys its buttons out itself.
    await oldest.handle.waitForReply(allDisabled, 15_000);
    igcord.discord.clearFaults();
  }, 60_000);
});
