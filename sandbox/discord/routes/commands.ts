// Application command routes, global (`/applications/:app/commands`) and per guild
// (`/applications/:app/guilds/:guild/commands`): bulk overwrite (PUT), list, create (POST upserts by name),
// fetch, edit and delete. Definitions are checked against Discord's rules (names, lengths, at most 25 options and
// choices, required options first, unique names) so a definition Discord would refuse is refused here too.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
} from 'discord-api-types/v10';
import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter, RouteRequest } from '../rest.js';
import type { FakeState } from '../state.js';
import { checkBody } from '../limits.js';
import { DiscordFakeError, missingAccess, unknownCommand } from '../errors.js';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const nameSchema = z
  .string()
  .regex(NAME)
  .refine((v) => v === v.toLowerCase(), { message: 'Command name must be lower case' });

/** Localization maps: keys must be locales Discord knows (else 50035 "Invalid Locale"); names obey the name rule. */
const LOCALES = new Set<string>(Object.values(Locale));
const localizations = (text: z.ZodType<string>) =>
  z
    .record(z.string(), text.nullable())
    .refine((map) => Object.keys(map).every((k) => LOCALES.has(k)), { message: 'Invalid Locale' })
    .nullish();
const nameLocalizations = localizations(nameSchema);
const descriptionLocalizations = localizations(z.string().min(1).max(100));

type OptionShape = z.ZodType<unknown>;
const option: OptionShape = z.lazy(() =>
  z
    .looseObject({
      type: z.number().int().min(1).max(11),
      name: nameSchema,
      name_localizations: nameLocalizations,
      description: z.string().min(1).max(100),
      description_localizations: descriptionLocalizations,
      required: z.boolean().optional(),
      choices: z
        .array(
          z.looseObject({
            name: z.string().min(1).max(100),
            name_localizations: descriptionLocalizations,
            value: z.union([z.string().max(100), z.number()]),
          }),
        )
        .max(25)
        .optional(),
      options: z.array(option).max(25).optional(),
      autocomplete: z.boolean().optional(),
    })
    .superRefine((o, ctx) => checkOptionList((o.options ?? []) as { name: string; required?: boolean }[], ctx)),
);

const commandSchema = z
  .looseObject({
    name: z.string().min(1).max(32),
    name_localizations: nameLocalizations,
    description_localizations: descriptionLocalizations,
    type: z.number().int().min(1).max(4).default(ApplicationCommandType.ChatInput),
    description: z.string().max(100).default(''),
    options: z.array(option).max(25).optional(),
    default_member_permissions: z.string().regex(/^\d+$/).nullish(),
    dm_permission: z.boolean().nullish(),
    nsfw: z.boolean().optional(),
    integration_types: z.array(z.number().int()).optional(),
    contexts: z.array(z.number().int()).nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.type === ApplicationCommandType.ChatInput) {
      if (!nameSchema.safeParse(c.name).success)
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: 'Invalid application command name',
          params: { discordCode: 'APPLICATION_COMMAND_INVALID_NAME' },
        });
      if (c.description.length < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['description'],
          message: 'Must be between 1 and 100 in length.',
          params: { discordCode: 'BASE_TYPE_BAD_LENGTH' },
        });
    }
    checkOptionList((c.options ?? []) as { name: string; required?: boolean }[], ctx);
  });
type CommandBody = z.output<typeof commandSchema>;

function checkOptionList(options: { name: string; required?: boolean }[], ctx: z.RefinementCtx): void {
  const names = options.map((o) => o.name);
  if (new Set(names).size !== names.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'Option names must be unique',
      params: { discordCode: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS' },
    });
  }
  const firstOptional = options.findIndex((o) => !o.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required)) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'Required options must be placed before non-required options',
      params: { discordCode: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID' },
    });
  }
}

export function addCommandRoutes(router: RestRouter, state: FakeState): void {
  for (const prefix of ['/applications/:app/commands', '/applications/:app/guilds/:guildId/commands']) {
    router.add('GET', prefix, 'bot', (req) => ({ status: 200, body: list(state, scopeOf(state, req)) }));
    router.add('PUT', prefix, 'bot', (req) => {
      const scope = scopeOf(state, req);
      const bodies = checkBody(z.array(commandSchema).max(200), req.body ?? []);
      const names = bodies.map((b) => `${b.type}:${b.name}`);
      if (new Set(names).size !== names.length) {
        throw new DiscordFakeError(400, 50035, 'Invalid Form Body', {
          _errors: [
            { code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' },
          ],
        });
      }
      const previous = list(state, scope);
      const next = bodies.map((b) =>
        build(
          state,
          scope,
          b,
          previous.find((p) => p.name === b.name && p.type === b.type),
        ),
      );
      state.commands.set(scope, next);
      return { status: 200, body: next };
    });
    router.add('POST', prefix, 'bot', (req) => {
      const scope = scopeOf(state, req);
      const body = checkBody(commandSchema, req.body);
      const commands = list(state, scope);
      const existing = commands.find((c) => c.name === body.name && c.type === body.type);
      const command = build(state, scope, body, existing);
      state.commands.set(scope, [...commands.filter((c) => c !== existing), command]);
      return { status: existing ? 200 : 201, body: command };
    });
    router.add('GET', `${prefix}/:commandId`, 'bot', (req) => ({
      status: 200,
      body: find(state, scopeOf(state, req), req.params.commandId!),
    }));
    router.add('PATCH', `${prefix}/:commandId`, 'bot', (req) => {
      const scope = scopeOf(state, req);
      const existing = find(state, scope, req.params.commandId!);
      const body = checkBody(commandSchema, { ...existing, ...(req.body as object) });
      const command = build(state, scope, body, existing);
      state.commands.set(
        scope,
        list(state, scope).map((c) => (c === existing ? command : c)),
      );
      return { status: 200, body: command };
    });
    router.add('DELETE', `${prefix}/:commandId`, 'bot', (req) => {
      const scope = scopeOf(state, req);
      const existing = find(state, scope, req.params.commandId!);
      state.commands.set(
        scope,
        list(state, scope).filter((c) => c !== existing),
      );
      return { status: 204 };
    });
  }
}

/** `global` or the guild id; refuses other applications and guilds the bot is not in. */
function scopeOf(state: FakeState, { params }: RouteRequest): string {
  if (params.app !== state.applicationId)
    throw new DiscordFakeError(403, 20012, 'You are not authorized to perform this action on this application');
  if (params.guildId === undefined) return 'global';
  const guild = state.guild(params.guildId);
  if (!guild.members.has(state.botUser.id)) throw missingAccess();
  return guild.id;
}

function list(state: FakeState, scope: string): APIApplicationCommand[] {
  return state.commands.get(scope) ?? [];
}

function find(state: FakeState, scope: string, id: string): APIApplicationCommand {
  const command = list(state, scope).find((c) => c.id === id);
  if (!command) throw unknownCommand();
  return command;
}

function build(
  state: FakeState,
  scope: string,
  body: CommandBody,
  existing: APIApplicationCommand | undefined,
): APIApplicationCommand {
  const command: APIApplicationCommand = {
    id: existing?.id ?? state.ids.next(),
    application_id: state.applicationId,
    version: state.ids.next(),
    type: body.type as ApplicationCommandType,
    name: body.name,
    // Stored as sent, so a test can read what igcord registered in every locale.
    name_localizations: (body.name_localizations ?? null) as APIApplicationCommand['name_localizations'],
    description: body.description,
    description_localizations: (body.description_localizations ??
      null) as APIApplicationCommand['description_localizations'],
    default_member_permissions: body.default_member_permissions ?? null,
    dm_permission: body.dm_permission ?? true,
    nsfw: body.nsfw ?? false,
    integration_types: (body.integration_types ?? [
      ApplicationIntegrationType.GuildInstall,
    ]) as ApplicationIntegrationType[],
    contexts: (body.contexts ?? [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ]) as InteractionContextType[],
  };
  if (body.options) command.options = body.options as APIApplicationCommandOption[];
  if (scope !== 'global') command.guild_id = scope;
  return command;
}
