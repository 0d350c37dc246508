// /help's layout: whatever commands igcord grows, every line is listed once, in order, and every message it sends
// stays within Discord's embed limits (the e2e test covers today's commands through the Discord fake).
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { HELP_LIMITS, commandLines, helpMessages } from '../../../commands/help/help-messages.js';
import { createTranslations } from '../../../src/i18n/i18n.js';

/** A command with `subs` subcommands, each with long descriptions (Discord allows 100 characters). */
function bigCommand(name: string, subs: number): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: 1,
    name,
    description: `The ${name} command`.padEnd(100, '.'),
    options: Array.from({ length: subs }, (_, i) => ({
      type: 1,
      name: `sub-${i}`,
      description: `What ${name} sub-${i} does`.padEnd(100, '.'),
      options: [
        { type: 3, name: 'first-option-name', description: 'x', required: true },
        { type: 5, name: 'second-option-name', description: 'y' },
      ],
    })),
  };
}

describe('/help layout', () => {
  it('lists every subcommand of 40 large commands once, in messages within Discord’s limits', () => {
    const definitions = Array.from({ length: 40 }, (_, i) => bigCommand(`cmd${String(i).padStart(2, '0')}`, 25));
    const messages = helpMessages(definitions, [], { t: createTranslations().forLocale('en') });
    expect(messages.length).toBeGreaterThan(1);
    for (const embeds of messages) {
      expect(embeds.length).toBeLessThanOrEqual(HELP_LIMITS.embeds);
      let total = 0;
      for (const embed of embeds) {
        expect(embed.fields!.length).toBeLessThanOrEqual(HELP_LIMITS.fields);
        total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
        for (const field of embed.fields!) {
          expect(field.value.length).toBeLessThanOrEqual(HELP_LIMITS.fieldValue);
          expect(field.name.length).toBeLessThanOrEqual(HELP_LIMITS.fieldName);
          total += field.name.length + field.value.length;
        }
      }
      expect(total).toBeLessThanOrEqual(HELP_LIMITS.messageTotal);
    }
    const listed = messages.flat().flatMap((e) => e.fields!.flatMap((f) => f.value.split('\n')));
    expect(listed).toEqual(definitions.flatMap((d) => commandLines(d)));
    expect(listed).toHaveLength(40 * 25);
  });

  it('writes one line per subcommand with its options, and one for a command without subcommands', () => {
    expect(commandLines(bigCommand('x', 1))[0]).toBe(
      `\`/x sub-0 <first-option-name> [second-option-name]\` — ${'What x sub-0 does'.padEnd(100, '.')}`,
    );
    expect(commandLines({ type: 1, name: 'ping', description: 'Alive?' })).toEqual(['`/ping` — Alive?']);
    expect(
      commandLines({
        type: 1,
        name: 'g',
        description: 'd',
        options: [{ type: 2, name: 'grp', description: 'g', options: [{ type: 1, name: 'a', description: 'A' }] }],
      }),
    ).toEqual(['`/g grp a` — A']);
  });
});
