// Option limits end to end: igcord's command definitions declare the ranges and lengths Discord enforces, and the
// Discord fake, like Discord's client, refuses to send a value outside them — so a handler never sees one, and a
// test that sends one learns at once that Discord would not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

interface RegisteredOption {
  name: string;
  type: number;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: RegisteredOption[];
}

describe('option limits', () => {
  let igcord: TestIgcord;
  let channelId: string;

  const run = (name: string, subcommand: string, options: Record<string, string | number | boolean>) =>
    igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId,
      userId: igcord.personId,
      name,
      subcommand,
      options,
    });
  /** Option `option` of subcommand `subcommand` of `/command`, as igcord registered it with Discord. */
  const registered = (command: string, subcommand: string, option: string): RegisteredOption | undefined => {
    const commands = igcord.discord.commands(igcord.guild.guildId) as { name: string; options?: RegisteredOption[] }[];
    const sub = commands.find((c) => c.name === command)?.options?.find((o) => o.name === subcommand);
    return sub?.options?.find((o) => o.name === option);
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('registers the ranges Discord checks: latitude, longitude, search radius and backfill count', () => {
    expect(registered('media', 'near', 'lat')).toMatchObject({ min_value: -90, max_value: 90, required: true });
    expect(registered('media', 'near', 'lng')).toMatchObject({ min_value: -180, max_value: 180, required: true });
    expect(registered('media', 'near', 'distance')).toMatchObject({ min_value: 1, max_value: 5000 });
    expect(registered('location', 'search', 'lat')).toMatchObject({ min_value: -90, max_value: 90 });
    expect(registered('location', 'search', 'lng')).toMatchObject({ min_value: -180, max_value: 180 });
    expect(registered('location', 'search', 'distance')).toMatchObject({ min_value: 1, max_value: 750 });
    expect(registered('feed', 'backfill', 'count')).toMatchObject({ min_value: 1, max_value: 10, required: true });
  });

  it('refuses to send a latitude of 91 or -91, as Discord’s client does', () => {
    expect(() => run('media', 'near', { lat: 91, lng: 0 })).toThrow(/lat.*-90.*90|lat.*at most 90/);
    expect(() => run('media', 'near', { lat: -91, lng: 0 })).toThrow(/lat/);
    expect(() => run('location', 'search', { lat: 91, lng: 0 })).toThrow(/lat/);
  });

  it('refuses a longitude past 180, a radius of 0 or past the cap, and a backfill of 11', () => {
    expect(() => run('media', 'near', { lat: 0, lng: 180.5 })).toThrow(/lng/);
    expect(() => run('media', 'near', { lat: 0, lng: 0, distance: 0 })).toThrow(/distance/);
    expect(() => run('media', 'near', { lat: 0, lng: 0, distance: 5001 })).toThrow(/distance/);
    expect(() => run('feed', 'backfill', { feed: 'x', count: 11 })).toThrow(/count/);
    expect(() => run('feed', 'backfill', { feed: 'x', count: 0 })).toThrow(/count/);
  });

  it('refuses text longer than max_length or shorter than min_length', () => {
    expect(registered('media', 'show', 'media')).toMatchObject({ max_length: 300 });
    expect(() => run('media', 'show', { media: 'x'.repeat(301) })).toThrow(/media.*300/);
    expect(registered('user', 'search', 'query')).toMatchObject({ min_length: 1 });
    expect(() => run('user', 'search', { query: '' })).toThrow(/query/);
  });

  it('still sends the values at the edges of each range, which igcord then answers', async () => {
    const edge = run('media', 'near', { lat: 90, lng: -180, distance: 5000 });
    const reply = await edge.waitForReply(undefined, 10_000);
    // Nobody is linked in this run: igcord got the command and asked to link, which proves it was delivered.
    expect(reply.content).toMatch(/link/i);
  });
});
