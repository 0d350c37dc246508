// /help end to end: the whole of igcord in sandbox mode; the list is checked against what igcord registered with
// the Discord fake, so a command or subcommand added later must appear without anyone editing /help.
import { MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

interface RegisteredOption {
  type: number;
  name: string;
  description: string;
  options?: RegisteredOption[];
}
interface RegisteredCommand {
  name: string;
  description: string;
  options?: RegisteredOption[];
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;
const embedText = (e: APIEmbed) =>
  [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join('\n');

/** Every invocable path of a registered command with its description: `/feed add-tag`, `/ping`, … */
function invocable(command: RegisteredCommand): { path: string; description: string }[] {
  const subs = (command.options ?? []).flatMap((o) => {
    if (o.type === SUBCOMMAND) return [{ path: `/${command.name} ${o.name}`, description: o.description }];
    if (o.type === SUBCOMMAND_GROUP)
      return (o.options ?? []).map((s) => ({
        path: `/${command.name} ${o.name} ${s.name}`,
        description: s.description,
      }));
    return [];
  });
  return subs.length > 0 ? subs : [{ path: `/${command.name}`, description: command.description }];
}

describe('/help', () => {
  let igcord: TestIgcord;

  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('lists every registered command and subcommand with its description, privately, within Discord’s limits', async () => {
    const registered = igcord.discord.commands(igcord.guild.guildId) as RegisteredCommand[];
    expect(registered.map((c) => c.name)).toContain('help');
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'help',
    });
    await handle.waitForReply(undefined, 10_000);
    const replies = handle.replies();
    const messages = [replies.original!, ...replies.followUps];
    for (const message of messages) {
      expect(isEphemeral(message)).toBe(true);
      // The fake refuses any message over Discord's limits; these hold for each one it accepted.
      expect(message.embeds.length).toBeGreaterThan(0);
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(message.embeds.reduce((n, e) => n + embedText(e).replace(/\n/g, '').length, 0)).toBeLessThanOrEqual(6000);
    }
    const text = messages.flatMap((m) => m.embeds.map(embedText)).join('\n');
    const lines = text.split('\n');
    const paths = registered.flatMap(invocable);
    expect(paths.length).toBeGreaterThan(registered.length);
    for (const { path, description } of paths) {
      // One line per command or subcommand: its path, then its description.
      const line = lines.find(
        (l) => l.startsWith(`\`${path}`) && (l[`\`${path}`.length] === ' ' || l[`\`${path}`.length] === '`'),
      );
      expect(line, `${path} is listed`).toBeDefined();
      expect(line).toContain(description);
    }
    // Nobody else in the channel saw it.
    expect(
      igcord.discord.messages(igcord.guild.channels.general!).some((m) => messages.some((r) => r.id === m.id)),
    ).toBe(false);
  });

  it('registers no Graph-only command on the Platform API v1, and says why in one line each', async () => {
    const registered = igcord.discord.commands(igcord.guild.guildId) as RegisteredCommand[];
    const names = registered.map((c) => c.name);
    for (const graphOnly of ['insights', 'account', 'hashtag']) expect(names).not.toContain(graphOnly);
    expect(names).toContain('follows');
    const comments = registered.find((c) => c.name === 'comments')?.options?.map((o) => o.name);
    expect(comments).toEqual(['list']);
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'help',
    });
    await handle.waitForReply(undefined, 10_000);
    const replies = handle.replies();
    const text = [replies.original!, ...replies.followUps].flatMap((m) => m.embeds.map(embedText)).join('\n');
    expect(text).toMatch(/`\/insights` — Instagram's Platform API v1 has no insights\./);
    expect(text).toMatch(
      /`\/comments reply`, `\/comments hide`, `\/comments delete`, `\/feed add-comments` — Instagram's Platform API v1 has no hiding of or replying to comments\./,
    );
  });
});
