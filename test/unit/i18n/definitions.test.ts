// Command definitions in every shipped locale: each command, subcommand, option and choice igcord registers
// carries a localized name and description for every Discord locale igcord ships, and every localized name keeps
// Discord's rules (lower case, 1–32 letters, digits, - or _; unique among its siblings) — Discord refuses the whole
// bulk overwrite otherwise. A command added later without its translations fails here, naming what is missing.
import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/discord/loader.js';
import { buildCommandSet } from '../../../src/discord/loader.js';
import { defineCommand } from '../../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../../src/discord/slash-command.js';
import { DISCORD_LOCALES } from '../../../src/i18n/i18n.js';

const LOCALES = Object.values(DISCORD_LOCALES).flat();
/** Discord's CHAT_INPUT name rule (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Node = {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
  options?: APIApplicationCommandOption[];
  choices?: { name: string; name_localizations?: Record<string, string | null> | null }[];
};

/** Every problem of one node and its children, as `path: what`. */
function problems(node: Node, path: string, siblings: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const locale of LOCALES) {
    const name = node.name_localizations?.[locale];
    const description = node.description_localizations?.[locale];
    if (!name) out.push(`${path}: no ${locale} name`);
    else {
      if (!NAME.test(name) || name !== name.toLowerCase())
        out.push(`${path}: ${locale} name "${name}" breaks Discord's rule`);
      const seen = siblings.get(locale) ?? new Set<string>();
      if (seen.has(name)) out.push(`${path}: ${locale} name "${name}" is used twice at this level`);
      seen.add(name);
      siblings.set(locale, seen);
    }
    if (!description) out.push(`${path}: no ${locale} description`);
    else if (description.length > 100) out.push(`${path}: ${locale} description is over 100 characters`);
    for (const choice of node.choices ?? []) {
      const text = choice.name_localizations?.[locale];
      if (!text) out.push(`${path} choice "${choice.name}": no ${locale} name`);
      else if (text.length > 100) out.push(`${path} choice "${choice.name}": ${locale} name over 100 characters`);
    }
  }
  const children = new Map<string, Set<string>>();
  for (const option of node.options ?? []) out.push(...problems(option as Node, `${path} ${option.name}`, children));
  return out;
}

describe('localized command definitions', () => {
  let definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  beforeAll(async () => {
    definitions = (await loadCommands()).definitions;
  });

  it(`name and describe every command, subcommand, option and choice in ${LOCALES.join(', ')}, within Discord's rules`, () => {
    expect(definitions.length).toBeGreaterThan(5);
    const topLevel = new Map<string, Set<string>>();
    const found = definitions.flatMap((d) => problems(d as Node, `/${d.name}`, topLevel));
    expect(found).toEqual([]);
  });

  it('keep the English names handlers read and Discord sends', () => {
    const feed = definitions.find((d) => d.name === 'feed')!;
    expect(feed.name_localizations).toMatchObject({ 'es-ES': 'feed', 'pt-BR': 'feed' });
    const edit = feed.options!.find((o) => o.name === 'edit') as Node;
    expect(edit.name_localizations).toMatchObject({ 'es-ES': 'editar', 'es-419': 'editar', 'pt-BR': 'editar' });
    expect(edit.options!.map((o) => o.name)).toContain('clear-mention');
  });

  it('are refused at load when a localized name breaks Discord’s rule', () => {
    const broken = defineCommand({
      ...slashCommand(
        defineSlash({ name: 'ping', description: 'Check that igcord is online and how fast it answers' }),
        async () => {},
      ),
    });
    (broken.data as Node).name_localizations = { 'es-ES': 'Ping Pong' };
    expect(() => buildCommandSet([{ file: 'commands/ping/index.ts', module: { default: broken } }])).toThrow(
      /name_localizations/,
    );
  });
});
