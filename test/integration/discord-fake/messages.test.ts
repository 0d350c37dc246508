import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import {
  Client,
  DiscordAPIError,
  REST,
  EmbedBuilder,
  GatewayIntentBits,
  PermissionFlagsBits,
  type Message,
  type TextChannel,
} from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { readyClient } from './client.js';

describe('discord fake: channel messages, permissions and limits', () => {
  let fake: DiscordFake;
  let client: Client;
  let guildId: string;
  let channels: Record<string, string>;

  const channel = (name: string) => client.channels.cache.get(channels[name]!) as TextChannel;
  const apiError = async (promise: Promise<unknown>) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  };

  beforeAll(async () => {
    fake = await startDiscordFake();
    const created = fake.createGuild({
      name: 'G',
      channels: [
        { name: 'general' },
        { name: 'no-embeds' },
        { name: 'read-only' },
        { name: 'hidden' },
        { name: 'doomed' },
        { name: 'limits' },
      ],
    });
    guildId = created.guildId;
    channels = created.channels;
    fake.setChannelOverwrites(channels['no-embeds']!, [
      { id: fake.botUserId, type: 'member', deny: PermissionFlagsBits.EmbedLinks },
    ]);
    fake.setChannelOverwrites(channels['read-only']!, [
      { id: guildId, type: 'role', deny: PermissionFlagsBits.SendMessages },
    ]);
    fake.setChannelOverwrites(channels.hidden!, [{ id: guildId, type: 'role', deny: PermissionFlagsBits.ViewChannel }]);
    client = await readyClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('posts a message with embeds, announces MESSAGE_CREATE and lists it in the channel', async () => {
    const created = once(client, 'messageCreate');
    const embed = new EmbedBuilder()
      .setTitle('New post')
      .setDescription('A cat')
      .setURL('https://instagram.com/p/abc')
      .setImage('https://cdn.example/cat.jpg');
    const sent = await channel('general').send({ content: 'hello', embeds: [embed] });
    const [announced] = (await created) as [Message];
    expect(announced.id).toBe(sent.id);
    const [stored] = fake.messages(channels.general!);
    expect(stored).toMatchObject({
      id: sent.id,
      content: 'hello',
      author: { id: fake.botUserId },
      embeds: [{ title: 'New post', url: 'https://instagram.com/p/abc' }],
    });
    const fetched = await channel('general').messages.fetch({ limit: 10, cache: false });
    expect([...fetched.keys()]).toEqual([sent.id]);
  });

  it('reads the message of a multipart body (a send with a file) from its payload_json part', async () => {
    const sent = await channel('general').send({
      content: 'with a file',
      files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }],
    });
    expect(fake.messages(channels.general!).find((m) => m.id === sent.id)?.content).toBe('with a file');
  });

  it('edits and deletes the bot message', async () => {
    const sent = await channel('general').send('draft');
    await sent.edit('final');
    expect(fake.messages(channels.general!).find((m) => m.id === sent.id)?.content).toBe('final');
    await sent.delete();
    expect(fake.messages(channels.general!).some((m) => m.id === sent.id)).toBe(false);
  });

  it('refuses bodies over Discord limits with 50035 and the path of each problem', async () => {
    const long = await apiError(channel('limits').send({ embeds: [{ title: 't'.repeat(257) }] }));
    expect(long.code).toBe(50035);
    expect(long.rawError).toMatchObject({
      message: 'Invalid Form Body',
      errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });

    const total = await apiError(
      channel('limits').send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }),
    );
    expect(total.rawError).toMatchObject({ errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } });

    const fields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const tooMany = await apiError(channel('limits').send({ embeds: [{ fields }] }));
    expect(tooMany.rawError).toMatchObject({
      errors: { embeds: { 0: { fields: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });

    const button = (i: number) => ({ type: 2, style: 1, label: 'b', custom_id: `b${i}` });
    const rows = Array.from({ length: 6 }, (_, r) => ({ type: 1, components: [button(r)] }));
    const components = await apiError(
      client.rest.post(`/channels/${channels.limits}/messages`, { body: { components: rows } }),
    );
    expect(components.rawError).toMatchObject({
      errors: { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });

    const missing = await apiError(
      channel('limits').send({ embeds: [{ fields: [{ name: 'n' } as { name: string; value: string }] }] }),
    );
    expect(missing.rawError).toMatchObject({
      errors: { embeds: { 0: { fields: { 0: { value: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } } } } },
    });

    const empty = await apiError(client.rest.post(`/channels/${channels.limits}/messages`, { body: { content: '' } }));
    expect(empty.code).toBe(50006);
    expect(fake.messages(channels.limits!)).toEqual([]);
  });

  it('answers 50013 when the bot lacks Embed Links or Send Messages there, and 50001 when it cannot see the channel', async () => {
    expect((await apiError(channel('no-embeds').send({ embeds: [{ title: 'x' }] }))).code).toBe(50013);
    await channel('no-embeds').send('plain text is fine');
    expect((await apiError(channel('read-only').send('hi'))).code).toBe(50013);
    const hidden = await apiError(
      client.rest.post(`/channels/${channels.hidden}/messages`, { body: { content: 'hi' } }),
    );
    expect([hidden.status, hidden.code]).toEqual([403, 50001]);
    expect(fake.messages(channels['read-only']!)).toEqual([]);
  });

  it('follows the bot role: removing Manage Webhooks from the role makes webhook creation 50013', async () => {
    fake.setBotPermissions(guildId, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
    fake.setRolePermissions(guildId, guildId, 0n);
    const error = await apiError(channel('general').createWebhook({ name: 'igcord feed' }));
    expect(error.code).toBe(50013);
    fake.setRolePermissions(
      guildId,
      guildId,
      PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.EmbedLinks |
        PermissionFlagsBits.ReadMessageHistory,
    );
    fake.setBotPermissions(guildId, PermissionFlagsBits.ManageWebhooks);
  });

  it('answers 10003 for a deleted channel', async () => {
    const id = channels.doomed!;
    fake.deleteChannel(id);
    const error = await apiError(client.rest.post(`/channels/${id}/messages`, { body: { content: 'hi' } }));
    expect([error.status, error.code]).toEqual([404, 10003]);
  });

  it('returns the earlier message for a repeated nonce with enforce_nonce instead of posting twice', async () => {
    const first = await channel('general').send({ content: 'post 1', nonce: 'feed1:media9', enforceNonce: true });
    const second = await channel('general').send({
      content: 'post 1 again',
      nonce: 'feed1:media9',
      enforceNonce: true,
    });
    expect(second.id).toBe(first.id);
    expect(
      fake
        .messages(channels.general!)
        .filter((m) => m.nonce === 'feed1:media9')
        .map((m) => m.content),
    ).toEqual(['post 1']);
    // Without enforce_nonce Discord posts again.
    const third = await channel('general').send({ content: 'not enforced', nonce: 'feed1:media9' });
    expect(third.id).not.toBe(first.id);
  });

  it('creates a channel webhook and shows the username and avatar of an execution', async () => {
    const webhook = await channel('general').createWebhook({ name: 'igcord feed' });
    const sent = await webhook.send({
      content: 'from instagram',
      username: 'cats_of_ig',
      avatarURL: 'https://cdn.example/cats.jpg',
    });
    expect(sent.author.username).toBe('cats_of_ig');
    const stored = fake.messages(channels.general!).find((m) => m.id === sent.id);
    expect(stored).toMatchObject({
      webhook_id: webhook.id,
      author: { username: 'cats_of_ig' },
      avatar_url: 'https://cdn.example/cats.jpg',
    });
    const listed = await channel('general').fetchWebhooks();
    expect([...listed.keys()]).toContain(webhook.id);
    const wrongToken = await fetch(`${fake.apiUrl}/v10/webhooks/${webhook.id}/wrong?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"content":"x"}',
    });
    expect([wrongToken.status, ((await wrongToken.json()) as { code: number }).code]).toEqual([401, 50027]);
  });

  it('retries an injected 429 after Retry-After and then succeeds', async () => {
    const fault = fake.injectFault({
      method: 'POST',
      path: `/channels/${channels.general}/messages`,
      status: 429,
      retryAfterSeconds: 0.2,
    });
    const sent = await channel('general').send('after the rate limit');
    expect(fault.hits()).toBe(1);
    const attempts = fake
      .restLog()
      .filter(
        (e) =>
          e.method === 'POST' &&
          e.path === `/channels/${channels.general}/messages` &&
          e.body &&
          (e.body as { content?: string }).content === 'after the rate limit',
      );
    expect(attempts.map((e) => e.status)).toEqual([429, 200]);
    expect(attempts[1]!.time - attempts[0]!.time).toBeGreaterThanOrEqual(200);
    expect(fake.messages(channels.general!).some((m) => m.id === sent.id)).toBe(true);
  });

  it('holds a request for an injected delay, so a client timeout aborts it and a retry succeeds', async () => {
    const once = new REST({ api: fake.apiUrl, timeout: 150, retries: 0 }).setToken(fake.botToken);
    fake.injectFault({ method: 'GET', path: '/users/@me', delayMs: 400 });
    const aborted = await once.get('/users/@me').catch((e: unknown) => e as Error);
    expect((aborted as Error).name).toBe('AbortError');

    const retrying = new REST({ api: fake.apiUrl, timeout: 150, retries: 1 }).setToken(fake.botToken);
    const slow = fake.injectFault({ method: 'GET', path: '/users/@me', delayMs: 400 });
    const me = (await retrying.get('/users/@me')) as { id: string };
    expect(me.id).toBe(fake.botUserId);
    expect(slow.hits()).toBe(1);
  });

  it('retries an injected 500 and gives up with HTTPError once the retries are spent', async () => {
    fake.injectFault({ method: 'POST', path: /\/messages$/, status: 500, times: 1 });
    await channel('general').send('survives one 500');
    fake.injectFault({ method: 'POST', path: /\/messages$/, status: 502, times: Infinity });
    const error = await channel('general')
      .send('lost')
      .catch((e: unknown) => e);
    fake.clearFaults();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/HTTPError/);
    expect(fake.messages(channels.general!).some((m) => m.content === 'lost')).toBe(false);
  });
});
