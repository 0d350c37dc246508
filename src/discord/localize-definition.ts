// Adds Discord's name_localizations / description_localizations to a command definition, for every Discord locale
// igcord ships (src/i18n), from the definition catalogues keyed by the English text — so a command declares its
// English once in defineSlash and is never re-declared per locale. Missing translations are left out (Discord
// shows the English); test/unit/i18n/definitions.test.ts requires them all. Choice values and the canonical names
// handlers read are unchanged: Discord always sends those.
import type {
  APIApplicationCommandOption,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { DISCORD_LOCALES } from '../i18n/i18n.js';
import { DEFINITIONS } from '../i18n/locales/definitions.js';
import type { DefinitionCatalogue } from '../i18n/locales/definition-catalogue.js';

type Pick = (catalogue: DefinitionCatalogue) => string | undefined;

/** One localization map: every Discord locale whose catalogue has the text; undefined when none has it. */
function localizations(pick: Pick): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const [catalogue, locales] of Object.entries(DISCORD_LOCALES)) {
    const text = pick(DEFINITIONS[catalogue as keyof typeof DEFINITIONS]);
    if (text !== undefined) for (const locale of locales) map[locale] = text;
  }
  return Object.keys(map).length > 0 ? (map as LocalizationMap) : undefined;
}

const own = (record: Readonly<Record<string, string>>, key: string) =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** A name by its full path (`media comment`) where one English word needs two translations, else by the word. */
const nameAt = (path: readonly string[]) => (c: DefinitionCatalogue) =>
  own(c.names, path.join(' ')) ?? own(c.names, path[path.length - 1] ?? '');

function withText<T extends { name: string; description: string }>(node: T, path: readonly string[]): T {
  const names = localizations(nameAt(path));
  const descriptions = localizations((c) => own(c.descriptions, node.description));
  return {
    ...node,
    ...(names ? { name_localizations: names } : {}),
    ...(descriptions ? { description_localizations: descriptions } : {}),
  };
}

function localizeOption(option: APIApplicationCommandOption, path: readonly string[]): APIApplicationCommandOption {
  const here = [...path, option.name];
  const localized = withText(option, here) as APIApplicationCommandOption & Record<string, unknown>;
  if ('options' in option && option.options)
    localized.options = option.options.map((o) => localizeOption(o as APIApplicationCommandOption, here));
  if ('choices' in option && option.choices) {
    localized.choices = option.choices.map((choice) => {
      const names = localizations((c) => own(c.choices, choice.name));
      return names ? { ...choice, name_localizations: names } : choice;
    });
  }
  return localized;
}

/** The definition with its localizations, for every level: command, subcommands, options and choices. */
export function localizeDefinition(
  json: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const localized = withText(json, [json.name]);
  if (json.options) localized.options = json.options.map((o) => localizeOption(o, [json.name]));
  return localized;
}
