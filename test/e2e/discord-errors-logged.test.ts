// What igcord logs when Discord fails a request that carries a secret in its URL: an interaction callback
// (`/interactions/<id>/<token>/callback`), an interaction's message (`/webhooks/<app>/<token>/messages/@original`)
// and a channel webhook (`/webhooks/<id>/<token>`, a token that never expires). discord.js puts the request URL on
// its errors; the log line must still say what failed (method, status) and never carry the token. The harness
// also scans every line of the run for every secret when it closes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually } from '../support/feeds-igcord.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { findLeaks } from '../support/secret-scan.js';
import { WAIT_MS } from '../support/eventually.js';

const REPLY_TIMEOUT_MS = WAIT_MS;
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

interface LogLine {
  msg: string;
  interactionId?: string;
  err?: {
    type?: string;
    message?: string;
    url?: string;
    method?: string;
    status?: number;
    code?: unknown;
    stack?: string;
  };
  [field: string]: unknown;
}

describe('a Discord failure in the logs', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  let instagramChannel: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    instagramChannel = igcord.guild.channels.instagram!;
    await igcord.link(igcord.personId, String(igcord.emulator.admin.users()[0]!.username));
  });
  afterEach(() => {
    igcord.discord.clearFaults();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const lines = (): LogLine[] =>
    igcord
      .logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);

  /** Waits for the first line logged with `msg` that matches `where`. */
  const logged = (msg: string, where: (line: LogLine) => boolean = () => true) =>
    eventually(() => lines().find((l) => l.msg === msg && where(l)), `the log line "${msg}"`, REPLY_TIMEOUT_MS);

  /** The log lines that contain `secret` (its value masked in what is returned): none is the only right answer. */
  const linesWith = (secret: string) => findLeaks(igcord.logs(), [{ name: 'the secret', value: secret }]);

  it('logs a failed reply with its method and status but not the interaction token', async () => {
    igcord.discord.injectFault({ method: 'POST', path: CALLBACK, status: 500, times: Infinity });
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId: general,
      userId: igcord.personId,
      name: 'instagram',
      subcommand: 'me',
    });
    const line = await logged('could not tell the user about the error', (l) => l.interactionId === handle.id);
    expect(line.err).toMatchObject({ method: 'POST', status: 500 });
    expect(line.err?.url).toContain(`/interactions/${handle.id}/`);
    expect(linesWith(handle.token)).toEqual([]);
  });

  it('logs an autocomplete Discord failed to take with its status but not the interaction token', async () => {
    igcord.discord.injectFault({ method: 'POST', path: CALLBACK, status: 500, times: Infinity });
    const handle = igcord.discord.sendAutocomplete({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'remove',
      focused: 'feed',
      value: '',
    });
    const line = await logged('could not answer autocomplete', (l) => l.interactionId === handle.id);
    expect(line.err).toMatchObject({ method: 'POST', status: 500 });
    expect(linesWith(handle.token)).toEqual([]);
  });

  it('logs page buttons it could not disable at expiry with their status but not the interaction token', async () => {
    const account = (await igcord.app.storage.accounts.get(igcord.personId))!;
    const made = await igcord.app.storage.feeds.addMany(
      ['helsinki', 'sea', 'summer', 'autumn', 'street', 'bakery'].map((name) => ({
        guildId,
        channelId: general,
        source: { kind: 'tag' as const, name },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: account.instagramUserId,
        createdBy: igcord.personId,
        delivery: { mode: 'message' as const },
      })),
    );
    const handle = igcord.discord.sendCommand({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'list',
    });
    await handle.waitForReply(
      (m: APIMessage) => JSON.stringify(m.components ?? []).includes('page:'),
      REPLY_TIMEOUT_MS,
    );
    // The session is kept once Discord has answered the edit, a moment after the fake shows the reply.
    await eventually(() => igcord.app.bot.paginator.openSessions === 1, "the paged reply's session");

    igcord.discord.injectFault({
      method: 'PATCH',
      path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
      status: 500,
      times: Infinity,
    });
    await igcord.app.bot.paginator.close();
    const line = await logged('could not disable the page buttons');
    expect(line.err).toMatchObject({ method: 'PATCH', status: 500 });
    expect(line.err?.url).toContain('/messages/');
    expect(linesWith(handle.token)).toEqual([]);
    for (const feed of made) await igcord.app.storage.feeds.remove(feed.id);
  });

  it('logs a /feed add … delivery:webhook that Discord fails with its status but never the channel webhook token', async () => {
    const add = (tag: string) =>
      igcord.discord
        .sendCommand({
          channelId: general,
          userId: igcord.personId,
          name: 'feed',
          subcommand: 'add-tag',
          options: { channel: instagramChannel, tag, delivery: 'webhook' },
        })
        .waitForReply(undefined, REPLY_TIMEOUT_MS);

    // Discord fails the webhook's creation: the admin is told, the line says which request failed and how.
    const creating = igcord.discord.injectFault({
      method: 'POST',
      path: `/channels/${instagramChannel}/webhooks`,
      status: 500,
      times: Infinity,
    });
    const refused = await add('sunset');
    expect(refused.content).toMatch(/incident id/i);
    expect(creating.hits()).toBeGreaterThan(0);
    const createLine = await logged(
      'interaction failed with an unexpected error',
      (l) => l.err?.url?.includes('/webhooks') === true,
    );
    expect(createLine.err).toMatchObject({ method: 'POST', status: 500 });
    igcord.discord.clearFaults();

    // The first webhook feed of the channel makes the webhook; the second checks that webhook with its token,
    // and Discord fails that check.
    const first = await add('sunset');
    expect(first.content).toMatch(/Feed `[a-z0-9]+` added/);
    const webhookToken = igcord.discord.issuedTokens().webhooks.at(-1)!;
    const checking = igcord.discord.injectFault({
      method: 'GET',
      path: /^\/webhooks\/\d+\/[^/]+$/,
      status: 500,
      times: Infinity,
    });
    const second = await add('coffee');
    expect(second.content).toMatch(/incident id/i);
    expect(checking.hits()).toBeGreaterThan(0);
    const checkLine = await logged(
      'interaction failed with an unexpected error',
      (l) => l.err?.method === 'GET' && l.err.url?.includes('/webhooks/') === true,
    );
    expect(checkLine.err).toMatchObject({ method: 'GET', status: 500 });
    expect(linesWith(webhookToken)).toEqual([]);
    for (const feed of await igcord.app.storage.feeds.listByGuild(guildId))
      await igcord.app.storage.feeds.remove(feed.id);
  });
});
