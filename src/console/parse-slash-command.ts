// Reads what a person types at the sandbox console as a slash command, the way Discord's client reads it:
// `/media show media:BSCoDz7Du7k share:true`, `/feed add channel:#instagram account:"mila garden"`. It is
// generic: the registered command definitions say which words are subcommand groups and subcommands and what
// type each option has, so every command igcord registers works here without the console knowing it.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export type OptionValue = string | number | boolean;

export interface ParsedSlashCommand {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
  /**
   * Set when an autocomplete option's value ends with `?` (`user:mat?`): the person asks for suggestions, as
   * typing into that option in Discord would. `value` is what they typed before the `?`.
   */
  focused?: { name: string; value: string };
  /** Set when an option with fixed choices is given just `?`: its choices, to print instead of sending. */
  choicesOf?: { name: string; choices: { name: string; value: string | number }[] };
}

/** How names typed for user, channel and role options become ids (`#instagram`, `@you`, `@admin`). */
export interface MentionResolver {
  user(text: string): string | undefined;
  channel(text: string): string | undefined;
  role(text: string): string | undefined;
}

export class SlashParseError extends Error {
  override readonly name = 'SlashParseError';
}

/** Splits on spaces, keeping "double" or 'single' quoted runs together (quotes removed, \" escapes a quote). */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\' && line[i + 1] === quote) {
        current += quote;
        i += 1;
      } else if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new SlashParseError(`unclosed ${quote} quote`);
  if (started) tokens.push(current);
  return tokens;
}

const TYPE_NAMES: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.String]: 'text',
  [ApplicationCommandOptionType.Integer]: 'whole number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'true/false',
  [ApplicationCommandOptionType.User]: '@user',
  [ApplicationCommandOptionType.Channel]: '#channel',
  [ApplicationCommandOptionType.Role]: '@role',
  [ApplicationCommandOptionType.Mentionable]: '@user or @role',
  [ApplicationCommandOptionType.Attachment]: 'attachment',
};

const isSub = (o: APIApplicationCommandOption) =>
  o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;

/** One line of usage per leaf, e.g. `/media show media:<text> [share:<true/false>]`. */
export function usage(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const leaf = (path: string, options: readonly APIApplicationCommandOption[], description: string) => {
    const parts = options.map((o) => {
      const text = `${o.name}:<${TYPE_NAMES[o.type] ?? 'value'}>`;
      return 'required' in o && o.required ? text : `[${text}]`;
    });
    return `${[path, ...parts].join(' ')} — ${description}`;
  };
  const lines: string[] = [];
  const walk = (path: string, options: readonly APIApplicationCommandOption[], description: string) => {
    if (options.some(isSub)) {
      for (const o of options) {
        if (isSub(o))
          walk(
            `${path} ${o.name}`,
            ('options' in o ? (o.options ?? []) : []) as APIApplicationCommandOption[],
            o.description,
          );
      }
    } else lines.push(leaf(path, options, description));
  };
  walk(`/${definition.name}`, definition.options ?? [], definition.description);
  return lines;
}

export function parseSlashCommand(
  line: string,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  mentions: MentionResolver,
): ParsedSlashCommand {
  const tokens = tokenize(line.trim().replace(/^\//, ''));
  const name = tokens.shift();
  if (!name) throw new SlashParseError('type a command after the slash, e.g. /ping (help lists them)');
  const definition = definitions.find((d) => d.name === name.toLowerCase());
  if (!definition)
    throw new SlashParseError(`there is no /${name}; commands: ${definitions.map((d) => `/${d.name}`).join(' ')}`);
  const parsed: ParsedSlashCommand = { name: definition.name, options: {} };

  let level = (definition.options ?? []) as APIApplicationCommandOption[];
  const group = level.find((o) => o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === tokens[0]);
  if (group) {
    tokens.shift();
    parsed.subcommandGroup = group.name;
    level = ('options' in group ? (group.options ?? []) : []) as APIApplicationCommandOption[];
  }
  if (level.some(isSub)) {
    const sub = level.find((o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === tokens[0]);
    if (!sub) {
      throw new SlashParseError(
        `/${[definition.name, parsed.subcommandGroup].filter(Boolean).join(' ')} needs one of: ${level.map((o) => o.name).join(', ')}`,
      );
    }
    tokens.shift();
    parsed.subcommand = sub.name;
    level = ('options' in sub ? (sub.options ?? []) : []) as APIApplicationCommandOption[];
  }

  // `name:value`, where the value runs on over following words until the next `option:` — as Discord's client
  // lets a person type a caption with spaces without quotes.
  const raw = new Map<string, string>();
  let last: string | undefined;
  for (const token of tokens) {
    const colon = token.indexOf(':');
    const option = colon > 0 ? level.find((o) => o.name === token.slice(0, colon).toLowerCase()) : undefined;
    if (option) {
      if (raw.has(option.name)) throw new SlashParseError(`option ${option.name} is given twice`);
      raw.set(option.name, token.slice(colon + 1));
      last = option.name;
    } else if (last !== undefined) {
      raw.set(last, `${raw.get(last)} ${token}`);
    } else {
      const known = level.map((o) => o.name).join(', ') || 'none';
      throw new SlashParseError(`"${token}" is not an option; write name:value (options: ${known})`);
    }
  }
  for (const [optionName, text] of raw) {
    const option = level.find((o) => o.name === optionName)!;
    if (text.endsWith('?') && 'autocomplete' in option && option.autocomplete && !parsed.focused) {
      parsed.focused = { name: optionName, value: text.slice(0, -1).trim() };
      continue;
    }
    if (text === '?' && 'choices' in option && option.choices && option.choices.length > 0) {
      parsed.choicesOf = { name: optionName, choices: option.choices.map((c) => ({ name: c.name, value: c.value })) };
      continue;
    }
    parsed.options[optionName] = convert(option, text, mentions);
  }
  // Discord sends autocomplete with whatever has been typed so far: required options may still be missing.
  if (parsed.focused || parsed.choicesOf) return parsed;
  const missing = level.filter((o) => 'required' in o && o.required && !raw.has(o.name)).map((o) => o.name);
  if (missing.length > 0)
    throw new SlashParseError(
      `missing required option${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `${m}:…`).join(' ')}`,
    );
  return parsed;
}

function convert(option: APIApplicationCommandOption, text: string, mentions: MentionResolver): OptionValue {
  // Choices are typed by their shown name or their value, before any type conversion ("far" for 5000).
  if ('choices' in option && option.choices && option.choices.length > 0) {
    const choice = option.choices.find((c) => c.name.toLowerCase() === text.toLowerCase() || String(c.value) === text);
    if (!choice)
      throw new SlashParseError(
        `option ${option.name} must be one of: ${option.choices.map((c) => c.name).join(', ')}`,
      );
    return choice.value;
  }
  const bad = () =>
    new SlashParseError(`option ${option.name} expects ${TYPE_NAMES[option.type] ?? 'a value'}, got "${text}"`);
  let value: OptionValue;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      value = text;
      break;
    case ApplicationCommandOptionType.Integer:
      if (!/^[-+]?\d+$/.test(text)) throw bad();
      value = Number(text);
      break;
    case ApplicationCommandOptionType.Number:
      if (text.trim() === '' || !Number.isFinite(Number(text))) throw bad();
      value = Number(text);
      break;
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|y|1|on)$/i.test(text)) value = true;
      else if (/^(false|no|n|0|off)$/i.test(text)) value = false;
      else throw bad();
      break;
    case ApplicationCommandOptionType.User:
      value = mentions.user(text) ?? throwError(bad());
      break;
    case ApplicationCommandOptionType.Channel:
      value = mentions.channel(text) ?? throwError(bad());
      break;
    case ApplicationCommandOptionType.Role:
      value = mentions.role(text) ?? throwError(bad());
      break;
    case ApplicationCommandOptionType.Mentionable:
      value = mentions.user(text) ?? mentions.role(text) ?? throwError(bad());
      break;
    default:
      throw new SlashParseError(`option ${option.name} has a type the console cannot send`);
  }
  return value;
}

function throwError(error: Error): never {
  throw error;
}
