// Autocomplete lookups shared across commands, end to end through the real bot and the Discord fake: /tag's
// suggestions (tags with their counts) and /feed add-tag's (tag names) come from the same lookup cache, and one
// must never be handed the other's cached answer. A lookup Instagram fails still answers (no choices) and leaves
// a warning in the log naming the account's limiter key, never its token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

type Choices = { choices: { name: string; value: string }[] };

describe('autocomplete lookups', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;
  let instagramUserId: string;
  let accessToken: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    const username = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    ({ instagramUserId, accessToken } = await igcord.link(igcord.personId, username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const tagInfo = (value: string) =>
    igcord.discord
      .sendAutocomplete({
        guildId,
        channelId,
        userId: igcord.personId,
        name: 'tag',
        subcommand: 'info',
        focused: 'name',
        value,
      })
      .firstResponse();
  const feedAddTag = (value: string) =>
    igcord.discord
      .sendAutocomplete({
        guildId,
        channelId,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'add-tag',
        focused: 'tag',
        value,
      })
      .firstResponse();
  const choicesOf = (answer: { data?: unknown }) => (answer.data as Choices).choices;

  it('suggests tags in /tag info and then in /feed add-tag for the same prefix', async () => {
    const tags = choicesOf(await tagInfo('sun'));
    expect(tags.length).toBeGreaterThan(0);
    expect(tags[0]!.name).toMatch(/^#\S+ · [\d,]+ posts$/);
    const names = choicesOf(await feedAddTag('sun'));
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContainEqual({ name: `#${tags[0]!.value}`, value: tags[0]!.value });
  });

  it('suggests tags in /feed add-tag and then in /tag info for the same prefix', async () => {
    const names = choicesOf(await feedAddTag('coff'));
    expect(names.length).toBeGreaterThan(0);
    const tags = choicesOf(await tagInfo('coff'));
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.map((t) => t.value)).toContain(names[0]!.value);
    expect(tags[0]!.name).toMatch(/^#\S+ · [\d,]+ posts$/);
  });

  it('answers no choices when Instagram fails the lookup, and logs a warning with the limiter key but not the token', async () => {
    // Every attempt fails (the client retries a 500), until the fault is removed.
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: '^/v1/tags/search$',
      kind: 'status',
      status: 500,
    });
    const answer = await tagInfo('zzfail').finally(() => igcord.emulator.admin.removeFault(fault.id));
    expect(answer.type).toBe(8);
    expect(choicesOf(answer)).toEqual([]);
    const lines = igcord
      .logs()
      .split('\n')
      .filter((l) => l.includes('autocomplete lookup failed'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: number; limiterKey?: string; kind?: string };
    expect(line.level).toBe(40);
    expect(line.limiterKey).toBe(instagramUserId);
    expect(lines[0]).not.toContain(accessToken);
  });
});
