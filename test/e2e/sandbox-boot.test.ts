// The whole of igcord boots in sandbox mode, registers its commands in the sandbox guild, answers a slash
// command through the real discord.js client, and acknowledges a signed Instagram notification by marking the
// source dirty in storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceKey } from '../../src/storage/index.js';
import { signNotification } from '../../src/instagram/subscriptions.js';
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

  it('records a signed notification as a dirty source before answering 200', async () => {
    const body = JSON.stringify([
      { subscription_id: 1, object: 'user', object_id: '4242', changed_aspect: 'media', time: 1700000000, data: { media_id: '1_4242' } },
    ]);
    const response = await fetch(`${igcord.app.http.url}/webhooks/instagram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signNotification(body, igcord.app.config.instagram.clientSecret!) },
      body,
    });
    expect(response.status).toBe(200);
    const dirty = await igcord.app.storage.deliveries.listDirty();
    expect(dirty.map((d) => d.sourceKey)).toContain(sourceKey({ kind: 'account', instagramUserId: '4242' }));
  });
});
