// The text of /help, built from the command definitions igcord loaded (the ones it registers with Discord), so a
// command or subcommand added later is listed without anyone editing this file. One line per command or
// subcommand: its path, its options (`<required>`, `[optional]`) and its description. The lines are laid out in
// embed fields within Discord's limits — 1,024 characters a field, 25 fields an embed, 10 embeds and 6,000
// characters a message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits) — and
// spill into further messages when one is not enough. What the configured Instagram API cannot serve is not
// registered; it closes the list, one line per reason. Everything is in the reader's language: the headings from
// the catalogue, the names and descriptions from the definitions' own localizations (what Discord shows them).
import {
  ApplicationCommandOptionType,
  type APIEmbed,
  type APIEmbedField,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { notAvailableText } from '../../src/discord/notice-text.js';

/** Who reads the list: the catalogue in their locale, and their Discord locale to pick the definitions' localizations. */
export interface HelpReader {
  t: Translate;
  locale?: string | undefined;
  /** The configured Instagram API, named in the reader's language where /help says what it cannot do. */
  api?: 'v1' | 'graph' | undefined;
}

export const HELP_LIMITS = { fieldValue: 1024, fieldName: 256, fields: 25, embeds: 10, messageTotal: 6000 } as const;

const COLOUR = 0xc13584;

interface OptionLike {
  type: number;
  name: string;
  description: string;
  name_localizations?: Partial<Record<string, string | null>> | null | undefined;
  description_localizations?: Partial<Record<string, string | null>> | null | undefined;
  required?: boolean | undefined;
  options?: OptionLike[] | undefined;
}

/** A node's name and description as Discord shows them in `locale` (its localization, else the English). */
const nameIn = (o: OptionLike, locale: string | undefined) => (locale && o.name_localizations?.[locale]) || o.name;
const descriptionIn = (o: OptionLike, locale: string | undefined) =>
  (locale && o.description_localizations?.[locale]) || o.description;

function line(path: string, options: readonly OptionLike[] | undefined, description: string, locale?: string): string {
  // `<name>` for a required option, `[name]` for an optional one.
  const hints = (options ?? [])
    .map((o) => (o.required ? `<${nameIn(o, locale)}>` : `[${nameIn(o, locale)}]`))
    .join(' ');
  return `\`${path}${hints ? ` ${hints}` : ''}\` — ${description}`;
}

/** The lines of one command: one per subcommand (and per subcommand of a group), or one for the command itself. */
export function commandLines(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, locale?: string): string[] {
  const command = definition as OptionLike;
  const root = `/${nameIn(command, locale)}`;
  const options = (definition.options ?? []) as OptionLike[];
  const lines: string[] = [];
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      lines.push(line(`${root} ${nameIn(option, locale)}`, option.options, descriptionIn(option, locale), locale));
    } else if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const sub of option.options ?? [])
        lines.push(
          line(
            `${root} ${nameIn(option, locale)} ${nameIn(sub, locale)}`,
            sub.options,
            descriptionIn(sub, locale),
            locale,
          ),
        );
    }
  }
  return lines.length > 0 ? lines : [line(root, options, descriptionIn(command, locale), locale)];
}

/** A command's heading: its name and description, and who Discord shows it to when that is restricted. */
function heading(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, reader: HelpReader): string {
  const restricted =
    definition.default_member_permissions !== undefined && definition.default_member_permissions !== null;
  const command = definition as OptionLike;
  return `/${nameIn(command, reader.locale)} — ${descriptionIn(command, reader.locale)}${restricted ? reader.t('help.admins') : ''}`.slice(
    0,
    HELP_LIMITS.fieldName,
  );
}

/** The command's lines as fields of at most 1,024 characters; a line longer than that is cut (none is today). */
function commandFields(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  reader: HelpReader,
): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  const flush = () => {
    if (value === '') return;
    const continued = reader.t('help.continued', { heading: `/${nameIn(definition as OptionLike, reader.locale)}` });
    fields.push({ name: fields.length === 0 ? heading(definition, reader) : continued, value });
    value = '';
  };
  for (const text of commandLines(definition, reader.locale)) {
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
  /** What the API lacks (a capability, src/core/capabilities.ts), worded per reader. */
  capability: string;
}

/** One line per reason, naming every command it takes away: `/follows`, `/location` — Instagram's current API has … */
function unavailableFields(unavailable: readonly UnavailableLine[], reader: HelpReader): APIEmbedField[] {
  const { t } = reader;
  const heading = t('help.unavailableHeading');
  const byWhy = new Map<string, { line: UnavailableLine; paths: string[] }>();
  for (const u of unavailable) {
    const key = u.capability;
    byWhy.set(key, { line: byWhy.get(key)?.line ?? u, paths: [...(byWhy.get(key)?.paths ?? []), u.path] });
  }
  const lines = [...byWhy.values()].map(({ line, paths }) => {
    const commands = paths.map((p) => `\`${p}\``).join(', ');
    // Without a known API to name, the notices' sentence: "The Instagram API igcord uses here has no …".
    if (reader.api === undefined) return `${commands} — ${notAvailableText(line.capability, t) ?? line.capability}`;
    return t('replies.help.line', {
      commands,
      api: t(`replies.help.api.${reader.api}`),
      lack: t(`notices.capability.${line.capability}`),
    });
  });
  const fields: APIEmbedField[] = [];
  for (const text of lines) {
    const cut = text.length > HELP_LIMITS.fieldValue ? `${text.slice(0, HELP_LIMITS.fieldValue - 1)}…` : text;
    const last = fields.at(-1);
    if (last !== undefined && last.value.length + 1 + cut.length <= HELP_LIMITS.fieldValue)
      last.value = `${last.value}\n${cut}`;
    else
      fields.push({
        name: fields.length === 0 ? heading : t('help.continued', { heading }),
        value: cut,
      });
  }
  return fields;
}

export function helpMessages(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  unavailable: readonly UnavailableLine[],
  reader: HelpReader,
): APIEmbed[][] {
  const sorted = [...definitions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const messages: APIEmbed[][] = [
    [{ title: reader.t('help.title'), description: reader.t('help.intro'), color: COLOUR, fields: [] }],
  ];
  const fields = [...sorted.flatMap((d) => commandFields(d, reader)), ...unavailableFields(unavailable, reader)];
  for (const field of fields) {
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
