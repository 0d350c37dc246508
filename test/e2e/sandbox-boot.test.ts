// The whole of igcord boots in sandbox mode, registers its commands in the sandbox guild, answers a slash
// command through the real discord.js client, and takes signed Instagram notifications on its webhook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/providers/v1/subscriptions.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

describe('igcord in sandbox mode', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('registers its commands in the sandbox guild and answers /ping', async () => {
    const names = igcord.discord.commands(igcord.guild.guildId).map((c) => (c as { name: string }).name);
    expect(names).toContain('ping');
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'ping',
    });
    const first = await handle.firstResponse();
    expect(first.type).toBe(4);
    expect(JSON.stringify(first.data)).toContain('Pong!');
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${igcord.app.http.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('accepts a signed notification and refuses the same body unsigned', async () => {
    const body = JSON.stringify([
      {
        subscription_id: 1,
        object: 'user',
        object_id: '4242',
        changed_aspect: 'media',
        time: 1700000000,
        data: { media_id: '1_4242' },
      },
    ]);
    const response = await fetch(`${igcord.app.http.url}/webhooks/instagram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature': signNotification(body, igcord.app.config.instagram.clientSecret!),
      },
      body,
    });
    expect(response.status).toBe(200);
    const unsigned = await fetch(`${igcord.app.http.url}/webhooks/instagram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
  });
});
