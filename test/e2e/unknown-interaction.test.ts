// An interaction Discord no longer knows (404 code 10062: acknowledged too late, or its token expired) can take no
// answer at all: igcord must not send a second callback after the first one was refused, and its log line must
// say 10062 so an operator sees why the user got nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/feeds-igcord.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const UNKNOWN_INTERACTION = { message: 'Unknown interaction', code: 10062 };

describe('an interaction Discord answers 10062 Unknown interaction for', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    await igcord.link(igcord.personId, String(igcord.emulator.admin.users()[0]!.username));
  });
  afterEach(() => {
    igcord.discord.clearFaults();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const handled = (interactionId: string) =>
    eventually(
      () =>
        igcord
          .logs()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { msg: string; interactionId?: string })
          .find((l) => l.msg === 'interaction handled' && l.interactionId === interactionId),
      'the interaction to be handled',
    );

  const callbacksOf = (interactionId: string) =>
    igcord.discord
      .restLog()
      .filter(
        (e) =>
          e.method === 'POST' && e.path.startsWith(`/interactions/${interactionId}/`) && e.path.endsWith('/callback'),
      );

  it('attempts exactly one callback for a deferred command and logs the 10062', async () => {
    igcord.discord.injectFault({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 404,
      body: UNKNOWN_INTERACTION,
      times: Infinity,
    });
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId: igcord.personId,
      name: 'instagram',
      subcommand: 'me',
    });
    await handled(handle.id);
    expect(callbacksOf(handle.id)).toHaveLength(1);
    // No follow-up or edit either: those go to /webhooks/<app>/<token>.
    expect(
      igcord.discord.restLog().filter((e) => e.path.startsWith('/webhooks/') && e.path.includes(handle.token)),
    ).toHaveLength(0);
    const line = igcord
      .logs()
      .split('\n')
      .filter((l) => l.includes(handle.id) && l.includes('"err"'))
      .map((l) => JSON.parse(l) as { err: { code?: unknown; status?: number } });
    expect(
      line.some((l) => l.err.code === 10062 && l.err.status === 404),
      JSON.stringify(line),
    ).toBe(true);
  });

  it('attempts exactly one callback for a page button answered without a defer', async () => {
    const account = (await igcord.app.storage.accounts.get(igcord.personId))!;
    const made = await igcord.app.storage.feeds.addMany(
      ['helsinki', 'sea', 'summer', 'autumn', 'street', 'bakery'].map((name) => ({
        guildId,
        channelId,
        source: { kind: 'tag' as const, name },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: account.instagramUserId,
        createdBy: igcord.personId,
        delivery: { mode: 'message' as const },
      })),
    );
    const list = await igcord.discord
      .sendCommand({ channelId, userId: igcord.personId, name: 'feed', subcommand: 'list' })
      .waitForReply((m) => JSON.stringify(m.components ?? []).includes('page:'), WAIT_MS);
    const next = JSON.stringify(list.components).match(/"custom_id":"(page:[^"]+:1)"/)![1]!;
    // Next is answered by replacing the message (callback type 7) straight away, with no defer first.
    igcord.discord.injectFault({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 404,
      body: UNKNOWN_INTERACTION,
      times: Infinity,
    });
    const press = igcord.discord.pressButton({ message: list, customId: next, userId: igcord.personId });
    await handled(press.id);
    expect(callbacksOf(press.id)).toHaveLength(1);
    for (const feed of made) await igcord.app.storage.feeds.remove(feed.id);
  });
});
