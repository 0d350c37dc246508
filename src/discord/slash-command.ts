// A slash command declared as data — name, description, permissions, and either options or subcommands each with
// its options; a subcommand named "group sub" sits in subcommand group `group`, described in `groups` — and turned
// into the module contract's `data` (the JSON Discord registers) and `execute`, which
// reads the options with their declared types and calls the subcommand's handler. The handlers are a map from
// subcommand name to function, typed so that every declared subcommand must have one and each receives exactly
// its own options: one dispatcher for every command instead of a `switch` per command.
import type {
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandOption,
  ChatInputCommandInteraction,
  InteractionContextType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import type { Capability } from '../core/index.js';
import type { CommandContext, CommandRequirements } from './command.js';
import { UserFacingError } from './errors.js';
import { localizeDefinition } from './localize-definition.js';
import { text } from '../i18n/i18n.js';
import { optionsJson, readOptions, type OptionSpecs, type OptionValues } from './typed-options.js';

export interface SubcommandSpec {
  description: string;
  options?: OptionSpecs | undefined;
  /** What the Instagram provider must serve for this subcommand to be registered at all. */
  requires?: Capability | undefined;
}

interface CommandSpecBase {
  name: string;
  description: string;
  /** Who sees the command by default (Discord's default_member_permissions); handlers still check. */
  defaultMemberPermissions?: bigint | undefined;
  contexts?: readonly InteractionContextType[] | undefined;
  /** What the Instagram provider must serve for this command to be registered at all. */
  requires?: Capability | undefined;
}

export interface SubcommandsSpec extends CommandSpecBase {
  /** Keyed by name; "group sub" puts `sub` in the subcommand group `group` (Discord allows one level of groups). */
  subcommands: Readonly<Record<string, SubcommandSpec>>;
  /** The description of each subcommand group. */
  groups?: Readonly<Record<string, string>> | undefined;
}

export interface PlainCommandSpec extends CommandSpecBase {
  options?: OptionSpecs | undefined;
}

export type CommandSpec = SubcommandsSpec | PlainCommandSpec;

type OptionsOf<S> = S extends { options: infer O extends OptionSpecs } ? O : Record<never, never>;

/** The typed options of subcommand `K` of `S` (or of the command itself when `S` has no subcommands). */
export type SubcommandOptions<S extends SubcommandsSpec, K extends keyof S['subcommands']> = OptionValues<
  OptionsOf<S['subcommands'][K]>
>;
export type CommandOptions<S extends PlainCommandSpec> = OptionValues<OptionsOf<S>>;

export type Handler<V> = (interaction: ChatInputCommandInteraction, ctx: CommandContext, options: V) => Promise<void>;

/** One handler per declared subcommand, each given that subcommand's options. */
export type SubcommandHandlers<S extends SubcommandsSpec> = {
  [K in keyof S['subcommands']]: Handler<SubcommandOptions<S, K>>;
};

/** Identity at runtime; keeps the declaration's literal types (names, `required: true`, choices). */
export function defineSlash<const S extends CommandSpec>(spec: S): S {
  return spec;
}

function definitionJson(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: 1,
    name: spec.name,
    description: spec.description,
  };
  if (spec.defaultMemberPermissions !== undefined)
    json.default_member_permissions = String(spec.defaultMemberPermissions);
  if (spec.contexts !== undefined) json.contexts = [...spec.contexts];
  if ('subcommands' in spec) {
    const top: APIApplicationCommandOption[] = [];
    const groups = new Map<string, APIApplicationCommandSubcommandOption[]>();
    for (const [key, sub] of Object.entries(spec.subcommands)) {
      const [group, name] = key.includes(' ') ? key.split(' ', 2) : [undefined, key];
      const option: APIApplicationCommandSubcommandOption = {
        type: ApplicationCommandOptionType.Subcommand,
        name: name ?? key,
        description: sub.description,
        options: optionsJson(sub.options ?? {}),
      };
      if (group === undefined) top.push(option);
      else {
        let members = groups.get(group);
        if (members === undefined) {
          members = [];
          groups.set(group, members);
          top.push({
            type: ApplicationCommandOptionType.SubcommandGroup,
            name: group,
            description: spec.groups?.[group] ?? group,
            options: members,
          });
        }
        members.push(option);
      }
    }
    json.options = top;
  } else if (spec.options !== undefined) {
    json.options = optionsJson(spec.options);
  }
  return json;
}

type Execute = (interaction: ChatInputCommandInteraction, ctx: CommandContext) => Promise<void>;

/** The capabilities the spec declares, as the module contract carries them (the loader filters by them). */
function requirementsOf(spec: CommandSpec): CommandRequirements {
  const subcommands =
    'subcommands' in spec
      ? Object.fromEntries(
          Object.entries(spec.subcommands).flatMap(([name, sub]) => (sub.requires ? [[name, sub.requires]] : [])),
        )
      : {};
  return { ...(spec.requires ? { command: spec.requires } : {}), subcommands };
}

type Slash = { data: RESTPostAPIChatInputApplicationCommandsJSONBody; execute: Execute; requires: CommandRequirements };

/** `data` and `execute` of a command with subcommands: reads the subcommand, its options, and calls its handler. */
export function slashCommand<const S extends SubcommandsSpec>(spec: S, handlers: SubcommandHandlers<S>): Slash;
/** `data` and `execute` of a command without subcommands. */
export function slashCommand<const S extends PlainCommandSpec>(spec: S, handler: Handler<CommandOptions<S>>): Slash;
export function slashCommand(spec: CommandSpec, handlers: Record<string, Handler<never>> | Handler<never>): Slash {
  const data = localizeDefinition(definitionJson(spec));
  const requires = requirementsOf(spec);
  if (!('subcommands' in spec)) {
    const handler = handlers as Handler<unknown>;
    return {
      data,
      requires,
      execute: (interaction, ctx) => handler(interaction, ctx, readOptions(interaction, spec.options ?? {})),
    };
  }
  const table = handlers as Record<string, Handler<unknown>>;
  return {
    data,
    requires,
    async execute(interaction, ctx) {
      const group = interaction.options.getSubcommandGroup(false);
      const leaf = interaction.options.getSubcommand(true);
      const name = group === null ? leaf : `${group} ${leaf}`;
      const sub = Object.hasOwn(spec.subcommands, name) ? spec.subcommands[name] : undefined;
      const handler = Object.hasOwn(table, name) ? table[name] : undefined;
      // Only a command changed since Discord showed it to the person can send a subcommand igcord does not have.
      if (sub === undefined || handler === undefined) {
        throw new UserFacingError(
          'igcord.unknown-subcommand',
          text('router.unknownSubcommand', { command: spec.name, subcommand: name.slice(0, 40) }),
        );
      }
      return handler(interaction, ctx, readOptions(interaction, sub.options ?? {}));
    },
  };
}
