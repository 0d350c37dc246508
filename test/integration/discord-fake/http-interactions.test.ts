// The Discord fake in HTTP-interactions mode: the Interactions Endpoint URL is checked when it is set (a signed
// PING must get a PONG, a badly signed one a 401), then every interaction is a signed POST to it whose HTTP answer
// is the callback, and none goes over the gateway. The endpoints here are small real servers written apart from
// igcord (test/support/ed25519-endpoint.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { EndpointRefusedError, startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { startTestEndpoint, type TestEndpoint } from '../../support/ed25519-endpoint.js';
import { readyClient } from './client.js';

describe('discord fake: interactions over HTTP', () => {
  let fake: DiscordFake;
  let client: Client | undefined;
  let endpoint: TestEndpoint | undefined;
  let channelId: string;
  let userId: string;

  beforeEach(async () => {
    fake = await startDiscordFake({ logger: { warn: () => undefined } });
    userId = fake.createUser({ username: 'alice' }).id;
    const created = fake.createGuild({ name: 'Cats', channels: [{ name: 'general' }], members: [{ userId }] });
    channelId = created.channels.general!;
    client = await readyClient(fake);
    await client.application!.commands.set([{ name: 'ping', description: 'Ping' }], created.guildId);
  });
  afterEach(async () => {
    await client?.destroy();
    await endpoint?.close();
    await fake.close();
  });

  it('publishes a 32-byte Ed25519 public key in hex', () => {
    expect(fake.publicKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an endpoint that accepts a PING with a bad signature, and keeps sending interactions over the gateway', async () => {
    endpoint = await startTestEndpoint({ publicKeyHex: undefined });
    const refused = await fake.setInteractionsEndpoint(endpoint.url).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EndpointRefusedError);
    expect((refused as Error).message).toMatch(/bad signature was answered 200; it must be refused with 401/);

    const onGateway = new Promise((resolve) => client!.once('interactionCreate', resolve));
    fake.sendCommand({ channelId, userId, name: 'ping' });
    await onGateway;
    expect(endpoint.received).toEqual([]);
  });

  it('refuses an endpoint that does not answer a signed PING with PONG', async () => {
    endpoint = await startTestEndpoint({
      publicKeyHex: fake.publicKey,
      pingAnswer: { status: 200, body: { type: 4 } },
    });
    await expect(fake.setInteractionsEndpoint(endpoint.url)).rejects.toThrow(/not a PONG/);
  });

  it('refuses an endpoint that checks signatures against another key', async () => {
    const other = await startDiscordFake({ logger: { warn: () => undefined } });
    try {
      endpoint = await startTestEndpoint({ publicKeyHex: other.publicKey });
      await expect(fake.setInteractionsEndpoint(endpoint.url)).rejects.toThrow(/signed PING was answered 401/);
    } finally {
      await other.close();
    }
  });

  it('POSTs a signed command to a checked endpoint, takes the HTTP answer as its one callback, and sends nothing on the gateway', async () => {
    endpoint = await startTestEndpoint({ publicKeyHex: fake.publicKey });
    await fake.setInteractionsEndpoint(endpoint.url);
    const onGateway: unknown[] = [];
    client!.on('interactionCreate', (i) => onGateway.push(i));

    const handle = fake.sendCommand({ channelId, userId, name: 'ping' });
    expect((await handle.firstResponse()).type).toBe(4);
    const reply = await handle.waitForReply();
    expect(reply.content).toBe('answered over HTTP');
    expect(endpoint.received.map((i) => i.id)).toEqual([handle.id]);
    expect(fake.interactionDeliveries()).toEqual([
      expect.objectContaining({ interactionId: handle.id, status: 200, outcome: 'answered', callbackType: 4 }),
    ]);
    // The bot's webhook token works for follow-ups after an HTTP answer, as after a REST callback.
    const followUp = await fetch(`${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${handle.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'and a follow-up' }),
    });
    expect(followUp.status).toBe(200);
    expect(fake.log().some((e) => e.kind === 'gateway' && e.t === 'INTERACTION_CREATE')).toBe(false);
    expect(onGateway).toEqual([]);
  });

  it('after a 202 without a body, takes the callback from the REST route; after an error status, the interaction is gone (10062)', async () => {
    let status = 202;
    endpoint = await startTestEndpoint({ publicKeyHex: fake.publicKey, answer: () => ({ status }) });
    await fake.setInteractionsEndpoint(endpoint.url);
    const callback = (id: string, token: string) =>
      fetch(`${fake.apiUrl}/v10/interactions/${id}/${token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'by REST' } }),
      });

    const later = fake.sendCommand({ channelId, userId, name: 'ping' });
    await fake.waitForDelivery(later.id);
    expect((await callback(later.id, later.token)).status).toBe(204);
    expect((await later.waitForReply()).content).toBe('by REST');

    status = 500;
    const failed = fake.sendCommand({ channelId, userId, name: 'ping' });
    await fake.waitForDelivery(failed.id);
    const refused = await callback(failed.id, failed.token);
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([404, 10062]);
    expect(fake.interactionDeliveries().map((d) => d.outcome)).toEqual(['rest', 'failed']);
  });
});
