// A command's options as data, and everything derived from it: the JSON Discord registers and the typed values a
// handler reads. An option is declared once (`{ kind: 'string', description, required: true }`), and its value's
// type follows from that declaration — string, number, boolean, User, channel, role; `T | undefined` unless
// required; the literal union of its choices when it has some — so a handler that reads an option the definition
// does not declare, or under another name, does not compile. The idea comes from discordjs/discord-utils-bot
// (`src/util/argumentsOf.ts`), which derives argument types from a command's JSON definition.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type ChannelType,
  type ChatInputCommandInteraction,
  type User,
} from 'discord.js';
import { UserFacingError } from './errors.js';
import { text } from '../i18n/i18n.js';

interface Common {
  description: string;
  required?: boolean | undefined;
}

export interface StringOptionSpec extends Common {
  kind: 'string';
  choices?: readonly { name: string; value: string }[] | undefined;
  autocomplete?: boolean | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
}

export interface NumericOptionSpec extends Common {
  kind: 'integer' | 'number';
  choices?: readonly { name: string; value: number }[] | undefined;
  autocomplete?: boolean | undefined;
  minValue?: number | undefined;
  maxValue?: number | undefined;
}

export interface BooleanOptionSpec extends Common {
  kind: 'boolean';
}

export interface UserOptionSpec extends Common {
  kind: 'user';
}

export interface ChannelOptionSpec extends Common {
  kind: 'channel';
  channelTypes?: readonly ChannelType[] | undefined;
}

export interface RoleOptionSpec extends Common {
  kind: 'role';
}

export type OptionSpec =
  StringOptionSpec | NumericOptionSpec | BooleanOptionSpec | UserOptionSpec | ChannelOptionSpec | RoleOptionSpec;

/** The options of a command or subcommand, by name, in the order Discord shows them (required ones first). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type Resolver = ChatInputCommandInteraction['options'];
export type ChannelValue = NonNullable<ReturnType<Resolver['getChannel']>>;
export type RoleValue = NonNullable<ReturnType<Resolver['getRole']>>;

/** The value type one option's declaration gives. */
export type OptionValue<S extends OptionSpec> = S extends { choices: readonly { value: infer V }[] }
  ? V
  : S['kind'] extends 'string'
    ? string
    : S['kind'] extends 'integer' | 'number'
      ? number
      : S['kind'] extends 'boolean'
        ? boolean
        : S['kind'] extends 'user'
          ? User
          : S['kind'] extends 'channel'
            ? ChannelValue
            : S['kind'] extends 'role'
              ? RoleValue
              : never;

/** What a handler reads: every declared option by its name, `undefined` when optional and not given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends { required: true } ? OptionValue<O[K]> : OptionValue<O[K]> | undefined;
};

const TYPE: Record<OptionSpec['kind'], APIApplicationCommandBasicOption['type']> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
  channel: ApplicationCommandOptionType.Channel,
  role: ApplicationCommandOptionType.Role,
};

/** The options as Discord registers them (the loader checks names, lengths and order at start). */
export function optionsJson(specs: OptionSpecs): APIApplicationCommandBasicOption[] {
  return Object.entries(specs).map(([name, spec]) => {
    const json: Record<string, unknown> = { type: TYPE[spec.kind], name, description: spec.description };
    if (spec.required) json.required = true;
    if ((spec.kind === 'string' || spec.kind === 'integer' || spec.kind === 'number') && spec.choices)
      json.choices = spec.choices.map((c) => ({ ...c }));
    if ((spec.kind === 'string' || spec.kind === 'integer' || spec.kind === 'number') && spec.autocomplete)
      json.autocomplete = true;
    if (spec.kind === 'string') {
      if (spec.minLength !== undefined) json.min_length = spec.minLength;
      if (spec.maxLength !== undefined) json.max_length = spec.maxLength;
    }
    if (spec.kind === 'integer' || spec.kind === 'number') {
      if (spec.minValue !== undefined) json.min_value = spec.minValue;
      if (spec.maxValue !== undefined) json.max_value = spec.maxValue;
    }
    if (spec.kind === 'channel' && spec.channelTypes) json.channel_types = [...spec.channelTypes];
    return json as unknown as APIApplicationCommandBasicOption;
  });
}

function readOne(options: Resolver, name: string, spec: OptionSpec): unknown {
  const required = spec.required === true;
  switch (spec.kind) {
    case 'string':
      return options.getString(name, required);
    case 'integer':
      return options.getInteger(name, required);
    case 'number':
      return options.getNumber(name, required);
    case 'boolean':
      return options.getBoolean(name, required);
    case 'user':
      return options.getUser(name, required);
    case 'channel':
      // Not filtered by `channelTypes` here: Discord offers only those, and the handler explains any other kind.
      return options.getChannel(name, required);
    case 'role':
      return options.getRole(name, required);
  }
}

/**
 * Reads every option `specs` declares from the interaction, each with the getter its kind calls for (discord.js
 * throws when a required one is missing). A value outside its declared choices — Discord checks them, but a
 * command redeployed meanwhile may not — is refused rather than passed on under a type it does not have.
 */
export function readOptions<O extends OptionSpecs>(
  interaction: ChatInputCommandInteraction,
  specs: O,
): OptionValues<O> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = readOne(interaction.options, name, spec) ?? undefined;
    if (value !== undefined && 'choices' in spec && spec.choices && !spec.choices.some((c) => c.value === value)) {
      throw new UserFacingError(
        'input.invalid',
        text('router.invalidChoice', { option: name, choices: spec.choices.map((c) => c.name).join(', ') }),
      );
    }
    values[name] = value;
  }
  return values as OptionValues<O>;
}
