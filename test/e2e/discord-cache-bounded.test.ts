// igcord reads nobody's user or member from discord.js's caches but its own (permission checks go through the
// bot's own member; each interaction carries its invoker). So the users and members caches must not keep one
// entry per person who ever ran a command: they are capped, and swept, and the bot's own user and member stay.
// Driven through the real bot against the Discord fake, with hundreds of distinct people running a command.
import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheSweepers, MEMBER_CACHE_LIMIT, USER_CACHE_LIMIT } from '../../src/discord/client.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const PEOPLE = 300;
const IN_FLIGHT = 25;

/** Creates `count` members of the guild and has each run /ping once; resolves when every one was answered. */
async function pingFromDistinctPeople(igcord: TestIgcord, count: number): Promise<void> {
  const guildId = igcord.guild.guildId;
  const channelId = igcord.guild.channels.general!;
  const people = Array.from({ length: count }, (_, i) => {
    const id = igcord.discord.createUser({ username: `person-${i}` }).id;
    igcord.discord.addMember(guildId, id);
    return id;
  });
  for (let i = 0; i < people.length; i += IN_FLIGHT) {
    await Promise.all(
      people
        .slice(i, i + IN_FLIGHT)
        .map((userId) =>
          igcord.discord.sendCommand({ guildId, channelId, userId, name: 'ping' }).waitForReply(undefined, 20_000),
        ),
    );
  }
}

/** Resolves at the next CacheSweep event whose message starts with `what` (discord.js: "Swept 3 users."). */
async function nextSweepOf(client: Client, what: RegExp): Promise<string> {
  for (;;) {
    const [message] = (await once(client, Events.CacheSweep)) as [string];
    if (what.test(message)) return message;
  }
}

describe('discord.js caches of users and members', () => {
  describe('with the default options', () => {
    let igcord: TestIgcord;

    beforeAll(async () => {
      igcord = await startTestIgcord({ LOG_LEVEL: 'info' });
    });
    afterAll(async () => {
      await igcord?.close();
    });

    it(`stay within their limits after ${PEOPLE} distinct people ran a command, keeping the bot's own user and member`, async () => {
      const client = igcord.app.bot.discord.client;
      await pingFromDistinctPeople(igcord, PEOPLE);

      const botId = client.user!.id;
      expect(client.users.cache.size).toBeLessThanOrEqual(USER_CACHE_LIMIT + 1);
      expect(client.users.cache.has(botId)).toBe(true);
      const guild = client.guilds.cache.get(igcord.guild.guildId)!;
      expect(guild.members.cache.size).toBeLessThanOrEqual(MEMBER_CACHE_LIMIT + 1);
      expect(guild.members.me?.id).toBe(botId);
      // The caches that permission checks read are whole: the bot still computes its rights in a channel.
      expect(
        guild.channels.cache.get(igcord.guild.channels.general!)?.permissionsFor(client.user!)?.bitfield,
      ).toBeGreaterThan(0n);
      // And the sweepers of users and members are running, not only the size caps.
      expect(client.sweepers.intervals.users).not.toBeNull();
      expect(client.sweepers.intervals.guildMembers).not.toBeNull();
    }, 180_000);
  });

  describe('when a sweep runs', () => {
    let igcord: TestIgcord;

    beforeAll(async () => {
      // igcord's own sweepers, run every second instead of every few minutes.
      igcord = await startTestIgcord({ LOG_LEVEL: 'info' }, undefined, { sweepers: cacheSweepers(1) });
    });
    afterAll(async () => {
      await igcord?.close();
    });

    it('drops every user and member but the bot itself, which can still check its permissions', async () => {
      const client = igcord.app.bot.discord.client;
      await pingFromDistinctPeople(igcord, 60);
      // The sweeps that start after the last answer see every person of the run.
      const users = nextSweepOf(client, /users/);
      const members = nextSweepOf(client, /guild members/);
      await Promise.all([users, members]);

      const botId = client.user!.id;
      expect([...client.users.cache.keys()]).toEqual([botId]);
      const guild = client.guilds.cache.get(igcord.guild.guildId)!;
      expect([...guild.members.cache.keys()]).toEqual([botId]);
      expect(guild.members.me?.id).toBe(botId);
      expect(
        guild.channels.cache.get(igcord.guild.channels.general!)?.permissionsFor(client.user!)?.bitfield,
      ).toBeGreaterThan(0n);

      // A person who comes after the sweep is answered as before.
      const late = igcord.discord.createUser({ username: 'late' }).id;
      igcord.discord.addMember(igcord.guild.guildId, late);
      const reply = await igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId: igcord.guild.channels.general!,
          userId: late,
          name: 'ping',
        })
        .waitForReply(undefined, 20_000);
      expect(reply.content.toLowerCase()).toContain('pong');
    }, 120_000);
  });
});
