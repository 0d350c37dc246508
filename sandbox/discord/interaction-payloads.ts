// Builds the INTERACTION_CREATE payloads of what a person does in Discord: run a slash command (with subcommand
// group, subcommand and typed options, plus `resolved` users/members/roles/channels), type into an autocomplete
// option, press a button, pick from a select menu, submit a modal. Like the Discord client, it refuses what a
// person could not do: a command that is not registered, an unknown or missing required option, a value outside
// the choices, a number outside min_value/max_value, text outside min_length/max_length, a button that is not on the message, a modal the bot never showed.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord-api-types/v10';
import type { FakeState } from './state.js';
import type { InteractionRecord } from './interactions.js';
import { randomToken } from './ids.js';
import { renderChannel, renderMember } from './render.js';

export type OptionValue = string | number | boolean;

export interface CommandInput {
  channelId: string;
  userId: string;
  name: string;
  /** Accepted for clarity; must match the channel's guild when given. */
  guildId?: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Values by option name; user/role/channel/mentionable options take the id. */
  options?: Record<string, OptionValue>;
  /**
   * The invoking person's client language, sent as `locale` (en-US when left out); `guild_locale` is the guild's
   * preferred locale (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object).
   */
  locale?: string;
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed into (must have `autocomplete: true`). */
  focused: string;
  /** What the person has typed so far (always a string, as Discord sends it). */
  value: string;
}

export class FakeUsageError extends Error {
  override readonly name = 'FakeUsageError';
}

type Builder = Omit<InteractionRecord, 'callbacks' | 'followUpIds'>;

export function baseRecord(
  state: FakeState,
  type: InteractionType,
  channelId: string,
  userId: string,
  data: unknown,
  extra: Record<string, unknown> = {},
): Builder {
  const channel = state.channel(channelId);
  const guild = state.guild(channel.guildId);
  const member = guild.members.get(userId);
  if (!member) throw new FakeUsageError(`user ${userId} is not a member of guild ${guild.id}; addMember first`);
  const memberPermissions = state.permissionsIn(channel.id, userId);
  if ((memberPermissions & PermissionFlagsBits.ViewChannel) === 0n)
    throw new FakeUsageError(`user ${userId} cannot see channel ${channel.id}`);
  const id = state.ids.next();
  const token = randomToken('interaction');
  state.issuedTokens.interactions.push(token);
  const payload: Record<string, unknown> = {
    id,
    application_id: state.applicationId,
    type,
    data,
    token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale ?? Locale.EnglishUS, features: [] },
    channel: renderChannel(channel),
    channel_id: channel.id,
    member: { ...renderMember(state, member), permissions: memberPermissions.toString() },
    app_permissions: state.permissionsIn(channel.id, state.botUser.id).toString(),
    locale: Locale.EnglishUS,
    guild_locale: guild.preferredLocale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    ...extra,
  };
  return { id, token, type, userId, channelId: channel.id, guildId: guild.id, createdAt: Date.now(), payload };
}

export function commandRecord(
  state: FakeState,
  input: CommandInput,
  autocomplete?: { focused: string; value: string },
): Builder {
  const channel = state.channel(input.channelId);
  if (input.guildId !== undefined && input.guildId !== channel.guildId)
    throw new FakeUsageError(`channel ${channel.id} is not in guild ${input.guildId}`);
  const command = findCommand(state, channel.guildId, input.name);
  if (command.default_member_permissions) {
    const needed = BigInt(command.default_member_permissions);
    if ((state.permissionsIn(channel.id, input.userId) & needed) !== needed) {
      throw new FakeUsageError(
        `user ${input.userId} lacks the default_member_permissions of /${input.name}; Discord would not offer the command`,
      );
    }
  }

  let definitions = command.options ?? [];
  const wrap: ((inner: unknown[]) => unknown[])[] = [];
  if (input.subcommandGroup !== undefined) {
    const group = definitions.find(
      (o) => o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === input.subcommandGroup,
    );
    if (!group || !('options' in group))
      throw new FakeUsageError(`/${input.name} has no subcommand group ${input.subcommandGroup}`);
    definitions = (group.options ?? []) as APIApplicationCommandOption[];
    wrap.push((inner) => [{ type: ApplicationCommandOptionType.SubcommandGroup, name: group.name, options: inner }]);
  }
  if (input.subcommand !== undefined) {
    const sub = definitions.find(
      (o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === input.subcommand,
    );
    if (!sub) throw new FakeUsageError(`/${input.name} has no subcommand ${input.subcommand}`);
    definitions = ('options' in sub ? (sub.options ?? []) : []) as APIApplicationCommandOption[];
    wrap.unshift((inner) => [{ type: ApplicationCommandOptionType.Subcommand, name: sub.name, options: inner }]);
  } else if (
    definitions.some(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    )
  ) {
    throw new FakeUsageError(`/${input.name} needs a subcommand`);
  }

  const resolved: Record<string, Record<string, unknown>> = {};
  const values = { ...(input.options ?? {}) };
  if (autocomplete) values[autocomplete.focused] = autocomplete.value;
  const options: unknown[] = [];
  for (const [name, value] of Object.entries(values)) {
    const definition = definitions.find((o) => o.name === name);
    if (!definition) throw new FakeUsageError(`/${input.name} has no option ${name}`);
    if (autocomplete?.focused === name) {
      if (!('autocomplete' in definition) || !definition.autocomplete)
        throw new FakeUsageError(`option ${name} of /${input.name} has no autocomplete`);
      options.push({ type: definition.type, name, value, focused: true });
      continue;
    }
    options.push({ type: definition.type, name, value: typed(state, channel.guildId, definition, value, resolved) });
  }
  for (const definition of definitions) {
    if ('required' in definition && definition.required && !(definition.name in values) && !autocomplete) {
      throw new FakeUsageError(`/${input.name} requires option ${definition.name}`);
    }
  }
  // Subcommand first, then its group around it.
  const nested = wrap.reduce<unknown[]>((inner, w) => w(inner), options);
  const data: Record<string, unknown> = {
    id: command.id,
    name: command.name,
    type: ApplicationCommandType.ChatInput,
    options: nested,
  };
  if (command.guild_id) data.guild_id = command.guild_id;
  if (Object.keys(resolved).length > 0) data.resolved = resolved;
  const type = autocomplete ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand;
  return baseRecord(
    state,
    type,
    channel.id,
    input.userId,
    data,
    input.locale === undefined ? {} : { locale: input.locale },
  );
}

function findCommand(state: FakeState, guildId: string, name: string): APIApplicationCommand {
  const match = (c: APIApplicationCommand) => c.name === name && c.type === ApplicationCommandType.ChatInput;
  const command = state.commands.get(guildId)?.find(match) ?? state.commands.get('global')?.find(match);
  if (!command)
    throw new FakeUsageError(
      `no chat input command /${name} is registered for guild ${guildId} or globally; the bot must register it first`,
    );
  return command;
}

function typed(
  state: FakeState,
  guildId: string,
  definition: APIApplicationCommandOption,
  value: OptionValue,
  resolved: Record<string, Record<string, unknown>>,
): OptionValue {
  const fail = (expected: string) =>
    new FakeUsageError(`option ${definition.name} expects ${expected}, got ${JSON.stringify(value)}`);
  if ('choices' in definition && definition.choices && !definition.choices.some((c) => c.value === value)) {
    throw new FakeUsageError(
      `option ${definition.name} must be one of ${definition.choices.map((c) => JSON.stringify(c.value)).join(', ')}`,
    );
  }
  const add = (kind: string, id: string, object: unknown) => ((resolved[kind] ??= {})[id] = object);
  switch (definition.type) {
    case ApplicationCommandOptionType.String:
      if (typeof value !== 'string') throw fail('a string');
      return withinLength(definition, value);
    case ApplicationCommandOptionType.Integer:
      if (typeof value !== 'number' || !Number.isInteger(value)) throw fail('an integer');
      return withinRange(definition, value);
    case ApplicationCommandOptionType.Number:
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number');
      return withinRange(definition, value);
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== 'boolean') throw fail('a boolean');
      return value;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable: {
      const id = String(value);
      const guild = state.guild(guildId);
      if (state.users.has(id)) {
        add('users', id, state.user(id));
        const member = guild.members.get(id);
        if (member) {
          const { user: _user, ...rest } = renderMember(state, member);
          add('members', id, { ...rest, permissions: '0' });
        }
        return id;
      }
      if (definition.type === ApplicationCommandOptionType.Mentionable && guild.roles.has(id)) {
        add('roles', id, guild.roles.get(id));
        return id;
      }
      throw fail('a user id');
    }
    case ApplicationCommandOptionType.Role: {
      const role = state.guild(guildId).roles.get(String(value));
      if (!role) throw fail('a role id of the guild');
      add('roles', role.id, role);
      return role.id;
    }
    case ApplicationCommandOptionType.Channel: {
      const channel = state.channels.get(String(value));
      if (!channel || channel.guildId !== guildId) throw fail('a channel id of the guild');
      const { id, type, name, parent_id } = renderChannel(channel) as {
        id: string;
        type: number;
        name: string;
        parent_id?: string | null;
      };
      add('channels', id, {
        id,
        type,
        name,
        parent_id,
        permissions: state.permissionsIn(channel.id, state.botUser.id).toString(),
      });
      return id;
    }
    default:
      throw new FakeUsageError(`option type ${definition.type} (${definition.name}) is not supported by the fake`);
  }
}

/**
 * A number inside the option's `min_value`/`max_value`. Discord's client will not send a value outside them (the
 * field turns red and the command cannot be sent), so the bot never receives one; the fake refuses it the same way.
 */
function withinRange(definition: APIApplicationCommandOption, value: number): number {
  const min = 'min_value' in definition ? definition.min_value : undefined;
  const max = 'max_value' in definition ? definition.max_value : undefined;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = `${min ?? '-∞'} to ${max ?? '∞'}`;
    throw new FakeUsageError(
      `option ${definition.name} must be from ${range}, got ${value}; Discord's client would not send it`,
    );
  }
  return value;
}

/** Text inside the option's `min_length`/`max_length` (counted in characters, as Discord's client counts them). */
function withinLength(definition: APIApplicationCommandOption, value: string): string {
  const min = 'min_length' in definition ? definition.min_length : undefined;
  const max = 'max_length' in definition ? definition.max_length : undefined;
  const length = [...value].length;
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
    throw new FakeUsageError(
      `option ${definition.name} must be ${min ?? 0} to ${max ?? 6000} characters long, got ${length}; Discord's client would not send it`,
    );
  }
  return value;
}

/** The component with `customId` on a message, or a usage error (a person can only click what is shown). */
export function findComponent(
  components: unknown[] | undefined,
  customId: string,
): { type: number; disabled?: boolean; options?: { value: string }[] } {
  for (const row of (components ?? []) as {
    components?: { custom_id?: string; type: number; disabled?: boolean }[];
  }[]) {
    const found = row.components?.find((c) => c.custom_id === customId);
    if (found) {
      if (found.disabled) throw new FakeUsageError(`component ${customId} is disabled`);
      return found;
    }
  }
  throw new FakeUsageError(`no component with custom_id ${customId} on the message`);
}

export const SELECT_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);
