// igcord with DISCORD_INTERACTIONS=http, end to end: the Discord fake checks igcord's POST /interactions when its
// Interactions Endpoint URL is set (signed PING → PONG, badly signed PING → 401), then sends each command, button,
// modal and autocomplete there as a signed POST and nothing over the gateway. Each one is answered exactly once,
// in the HTTP answer, and what follows the first answer (the edit of a deferred reply) still goes by REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../../sandbox/discord/index.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const WAIT_MS = 15_000;

describe('interactions over HTTP', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord({ DISCORD_INTERACTIONS: 'http' });
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** The interaction was answered once, by its HTTP answer, and never by the REST callback route. */
  async function answeredOnceOverHttp(handle: InteractionHandle): Promise<number> {
    const delivery = await igcord.discord.waitForDelivery(handle.id, WAIT_MS);
    expect(delivery).toMatchObject({ status: 200, outcome: 'answered' });
    expect(igcord.discord.interactionDeliveries().filter((d) => d.interactionId === handle.id)).toHaveLength(1);
    expect(handle.replies().callbacks).toHaveLength(1);
    expect(igcord.discord.restLog().filter((e) => e.path.startsWith(`/interactions/${handle.id}/`))).toEqual([]);
    return delivery.callbackType!;
  }

  it('answers /ping in the HTTP answer of the signed POST, and nothing reaches the bot over the gateway', async () => {
    const handle = igcord.discord.sendCommand({ guildId, channelId, userId: igcord.personId, name: 'ping' });
    expect(await answeredOnceOverHttp(handle)).toBe(4);
    expect((await handle.waitForReply(undefined, WAIT_MS)).content).toMatch(/^Pong! Answered in \d+ ms\.$/);
    expect(igcord.discord.log().some((e) => e.kind === 'gateway' && e.t === 'INTERACTION_CREATE')).toBe(false);
  });

  it('defers /instagram me in the HTTP answer, then edits the reply by REST with the interaction token', async () => {
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(igcord.personId, username);
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId: igcord.personId,
      name: 'instagram',
      subcommand: 'me',
    });
    expect(await answeredOnceOverHttp(handle)).toBe(5);
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expect(JSON.stringify(reply.embeds)).toContain(username);
    expect(
      igcord.discord
        .restLog()
        .some(
          (e) =>
            e.method === 'PATCH' &&
            e.path === `/webhooks/${igcord.discord.applicationId}/${handle.token}/messages/@original`,
        ),
    ).toBe(true);
  });

  it('answers a button press with a modal and the modal with a message, each once over HTTP', async () => {
    const person = igcord.discord.createUser({ username: 'http-button' }).id;
    igcord.discord.addMember(guildId, person);
    const link = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId: person,
      name: 'instagram',
      subcommand: 'link',
    });
    await answeredOnceOverHttp(link);
    const prompt = await link.waitForReply(undefined, WAIT_MS);

    const press = igcord.discord.pressButton({ message: prompt, customId: 'instagram:paste', userId: person });
    expect(await answeredOnceOverHttp(press)).toBe(9);

    const submit = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: '<b>not a token</b>' },
      userId: person,
    });
    await answeredOnceOverHttp(submit);
    await submit.waitForReply((m) => m.content.includes('does not look like an Instagram access token'), WAIT_MS);
  });

  it('answers autocomplete with its choices over HTTP', async () => {
    const handle = igcord.discord.sendAutocomplete({
      guildId,
      channelId,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'remove',
      focused: 'feed',
      value: '',
    });
    expect(await answeredOnceOverHttp(handle)).toBe(8);
  });
});
