// The text of /help, built from the command definitions igcord loaded (the ones it registers with Discord), so a
// command or subcommand added later is listed without anyone editing this file. One line per command or
// subcommand: its path, its options (`<required>`, `[optional]`) and its description. The lines are laid out in
// embed fields within Discord's limits — 1,024 characters a field, 25 fields an embed, 10 embeds and 6,000
// characters a message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits) — and
// spill into further messages when one is not enough. What the configured Instagram API cannot serve is not
// registered; it closes the list, one line per reason.
import {
  ApplicationCommandOptionType,
  type APIEmbed,
  type APIEmbedField,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const HELP_LIMITS = { fieldValue: 1024, fieldName: 256, fields: 25, embeds: 10, messageTotal: 6000 } as const;

const TITLE = 'igcord commands';
const INTRO = 'Type `/` and a command’s name to use it. `<option>` is required, `[option]` is optional.';
const COLOUR = 0xc13584;

interface OptionLike {
  type: number;
  name: string;
  description: string;
  required?: boolean | undefined;
  options?: OptionLike[] | undefined;
}

/** `<name>` for a required option, `[name]` for an optional one. */
const optionHint = (o: OptionLike) => (o.required ? `<${o.name}>` : `[${o.name}]`);

function line(path: string, options: readonly OptionLike[] | undefined, description: string): string {
  const hints = (options ?? []).map(optionHint).join(' ');
  return `\`${path}${hints ? ` ${hints}` : ''}\` — ${description}`;
}

/** The lines of one command: one per subcommand (and per subcommand of a group), or one for the command itself. */
export function commandLines(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const options = (definition.options ?? []) as OptionLike[];
  const lines: string[] = [];
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      lines.push(line(`/${definition.name} ${option.name}`, option.options, option.description));
    } else if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const sub of option.options ?? [])
        lines.push(line(`/${definition.name} ${option.name} ${sub.name}`, sub.options, sub.description));
    }
  }
  return lines.length > 0 ? lines : [line(`/${definition.name}`, options, definition.description)];
}

/** A command's heading: its name and description, and who Discord shows it to when that is restricted. */
function heading(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): string {
  const restricted =
    definition.default_member_permissions !== undefined && definition.default_member_permissions !== null;
  return `/${definition.name} — ${definition.description}${restricted ? ' (server admins)' : ''}`.slice(
    0,
    HELP_LIMITS.fieldName,
  );
}

/** The command's lines as fields of at most 1,024 characters; a line longer than that is cut (none is today). */
function commandFields(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  const flush = () => {
    if (value === '') return;
    fields.push({ name: fields.length === 0 ? heading(definition) : `/${definition.name} (continued)`, value });
    value = '';
  };
  for (const text of commandLines(definition)) {
    const cut = text.length > HELP_LIMITS.fieldValue ? `${text.slice(0, HELP_LIMITS.fieldValue - 1)}…` : text;
    if (value.length + 1 + cut.length > HELP_LIMITS.fieldValue) flush();
    value = value === '' ? cut : `${value}\n${cut}`;
  }
  flush();
  return fields;
}

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * The /help answer as messages, each a list of embeds within Discord's limits: the first message opens with the
 * title and how to read the lines; the commands follow in name order.
 */
/** A command or subcommand the configured Instagram API cannot serve, and why in a person's words. */
export interface UnavailableLine {
  path: string;
  why: string;
}

const UNAVAILABLE_HEADING = 'Not available with this Instagram API';

/** One line per reason, naming every command it takes away: `/follows`, `/location` — Instagram's current API has … */
function unavailableFields(unavailable: readonly UnavailableLine[]): APIEmbedField[] {
  const byWhy = new Map<string, string[]>();
  for (const u of unavailable) byWhy.set(u.why, [...(byWhy.get(u.why) ?? []), u.path]);
  const lines = [...byWhy].map(([why, paths]) => `${paths.map((p) => `\`${p}\``).join(', ')} — ${why}.`);
  const fields: APIEmbedField[] = [];
  for (const text of lines) {
    const cut = text.length > HELP_LIMITS.fieldValue ? `${text.slice(0, HELP_LIMITS.fieldValue - 1)}…` : text;
    const last = fields.at(-1);
    if (last !== undefined && last.value.length + 1 + cut.length <= HELP_LIMITS.fieldValue)
      last.value = `${last.value}\n${cut}`;
    else
      fields.push({
        name: fields.length === 0 ? UNAVAILABLE_HEADING : `${UNAVAILABLE_HEADING} (continued)`,
        value: cut,
      });
  }
  return fields;
}

export function helpMessages(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  unavailable: readonly UnavailableLine[] = [],
): APIEmbed[][] {
  const sorted = [...definitions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const messages: APIEmbed[][] = [[{ title: TITLE, description: INTRO, color: COLOUR, fields: [] }]];
  for (const field of [...sorted.flatMap(commandFields), ...unavailableFields(unavailable)]) {
    let message = messages.at(-1)!;
    let embed = message.at(-1)!;
    const size = field.name.length + field.value.length;
    if (message.reduce((n, e) => n + embedSize(e), 0) + size > HELP_LIMITS.messageTotal) {
      message = [];
      messages.push(message);
      embed = { color: COLOUR, fields: [] };
      message.push(embed);
    } else if ((embed.fields?.length ?? 0) >= HELP_LIMITS.fields) {
      if (message.length >= HELP_LIMITS.embeds) {
        message = [];
        messages.push(message);
      }
      embed = { color: COLOUR, fields: [] };
      message.push(embed);
    }
    embed.fields!.push(field);
  }
  return messages;
}
