// Shard-aware dispatch in the Discord fake: a session that identifies with `shard: [i, n]` gets the guilds whose
// `(guild_id >> 22) % n` is i, and only their events and interactions, as Discord routes them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { Client, GatewayIntentBits } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';

/** Discord's shard formula, written here apart from the fake's: `(guild_id >> 22) % num_shards`. */
const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

async function shardClient(fake: DiscordFake, shard: number): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: shard,
    shardCount: 2,
    rest: { api: fake.apiUrl, timeout: 2000, retries: 1, globalRequestsPerSecond: 1e6 },
    waitGuildTimeout: 500,
  });
  const ready = once(client, 'clientReady');
  await client.login(fake.botToken);
  await ready;
  return client;
}

/** Creates guilds until there is one on each of two shards (ids minted in the same millisecond share a shard). */
async function guildOnEachShard(fake: DiscordFake): Promise<[string, string]> {
  const byShard = new Map<number, string>();
  while (byShard.size < 2) {
    const { guildId } = fake.createGuild({ name: `guild ${byShard.size}`, channels: [{ name: 'general' }] });
    if (!byShard.has(shardOf(guildId, 2))) byShard.set(shardOf(guildId, 2), guildId);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [byShard.get(0)!, byShard.get(1)!];
}

describe('discord fake: sharded gateway sessions', () => {
  let fake: DiscordFake;
  const clients: Client[] = [];

  beforeEach(async () => {
    fake = await startDiscordFake({ logger: { warn: () => undefined } });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.destroy();
    await fake.close();
  });

  it('gives each of two shards only the guilds, guild events and interactions of its own guilds', async () => {
    const [onZero, onOne] = await guildOnEachShard(fake);
    const zero = await shardClient(fake, 0);
    clients.push(zero);
    const one = await shardClient(fake, 1);
    clients.push(one);

    const guildsOf = (client: Client) => [...client.guilds.cache.keys()];
    expect(guildsOf(zero)).toContain(onZero);
    expect(guildsOf(zero)).not.toContain(onOne);
    expect(guildsOf(one)).toContain(onOne);
    expect(guildsOf(one)).not.toContain(onZero);
    expect(guildsOf(zero).every((id) => shardOf(id, 2) === 0)).toBe(true);
    expect(guildsOf(one).every((id) => shardOf(id, 2) === 1)).toBe(true);

    // A channel created in shard 1's guild reaches shard 1 only.
    const created = once(one, 'channelCreate');
    const channelId = fake.createChannel(onOne, { name: 'news' });
    await created;
    expect(one.channels.cache.has(channelId)).toBe(true);
    expect(zero.channels.cache.has(channelId)).toBe(false);

    // An interaction in shard 0's guild reaches shard 0 only.
    const person = fake.createUser({ username: 'bob' }).id;
    fake.addMember(onZero, person);
    await zero.application!.commands.set([{ name: 'ping', description: 'Ping' }], onZero);
    const seenByOne: unknown[] = [];
    one.on('interactionCreate', (i) => seenByOne.push(i));
    const onZeroInteraction = once(zero, 'interactionCreate');
    const general = fake.createChannel(onZero, { name: 'talk' });
    fake.sendCommand({ channelId: general, userId: person, name: 'ping' });
    await onZeroInteraction;
    expect(seenByOne).toEqual([]);
    const interactionFrames = fake.log().filter((e) => e.kind === 'gateway' && e.t === 'INTERACTION_CREATE');
    expect(interactionFrames).toHaveLength(1);
  });

  it('tells each session its shard in READY', async () => {
    const client = await shardClient(fake, 1);
    clients.push(client);
    const ready = fake.log().find((e) => e.kind === 'gateway' && e.t === 'READY');
    expect(ready && ready.kind === 'gateway' && (ready.d as { shard: number[] }).shard).toEqual([1, 2]);
  });
});
