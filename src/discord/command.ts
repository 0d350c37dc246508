// The contract of a slash-command module (commands/<name>/index.ts, one folder per command): its definition, `execute`, and
// optionally `autocomplete`, component handlers keyed by a custom_id prefix, and whether to defer. Modules
// default-export `defineCommand({...})`; the loader checks each one against `commandModuleSchema` at start, so a
// broken module stops igcord with its file name instead of failing at the first click.
import { z } from 'zod';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Capability } from '../core/index.js';
import type { Logger } from '../log.js';
import type { InteractionResponder } from './responder.js';
import type { Translate } from '../i18n/i18n.js';

/** Time as the handlers see it; tests and the feed engine pass their own. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The services commands use (`instagram`, `config`, `storage`, `limiter`, …). Each area adds its own by
 * augmenting this interface where it is wired, so commands get its real type without this file importing it:
 *
 *   declare module '../discord/command.js' { interface CommandServices { accounts: AccountStore } }
 */
export interface CommandServices {}

/** Everything a handler receives, built once by the composition root and passed explicitly. */
export type CommandDeps = CommandServices & { log: Logger; clock: Clock };

/**
 * What one interaction's handler gets: the deps, with `log` a child logger for this interaction, the responder,
 * and `t`, the catalogue bound to the invoking person's locale (`locale`, Discord's code such as `es-ES`): every
 * reply is `t('area.key', vars)`, and a new string is a new key in src/i18n/locales/<locale>/ (README, Localisation).
 * A feed's message rewritten by a press (a comment hidden) speaks the server's language instead: `guildT`.
 */
export type CommandContext = CommandDeps & {
  respond: InteractionResponder;
  t: Translate;
  locale: string;
  /** The catalogue of the server's preferred language (`guild_locale`), for a message the server reads, not the person. */
  guildT: Translate;
};

/** What an autocomplete handler gets: the deps, and the catalogue of the person typing. */
export type AutocompleteContext = CommandDeps & { t: Translate; locale: string };

export type ComponentInteraction = MessageComponentInteraction | ModalSubmitInteraction;

export type CommandDefinition =
  RESTPostAPIChatInputApplicationCommandsJSONBody | { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };

/** How to acknowledge before `execute` runs: a deferred ephemeral or public "thinking…", or not at all. */
export type DeferMode = 'ephemeral' | 'public' | false;

/**
 * What a command needs from the Instagram provider: the loader registers the command only when the provider
 * serves `command`, and of its subcommands only those whose capability it serves (src/discord/loader.ts).
 */
export interface CommandRequirements {
  command?: Capability | undefined;
  subcommands?: Readonly<Record<string, Capability>> | undefined;
}

export interface CommandModule {
  data: CommandDefinition;
  requires?: CommandRequirements | undefined;
  /**
   * Defer before `execute` when the answer can take more than about a second (Instagram calls); a function decides
   * per interaction (a subcommand that opens a modal must not defer: the modal is its one acknowledgement).
   */
  defer?: DeferMode | ((interaction: ChatInputCommandInteraction) => DeferMode) | undefined;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Suggestions are worded in the typing person's language too (`t`, `locale` as for a command). */
  autocomplete?: ((interaction: AutocompleteInteraction, ctx: AutocompleteContext) => Promise<void>) | undefined;
  /**
   * Buttons, select menus and modals, keyed by custom_id prefix: a handler receives every interaction whose
   * custom_id equals its key or starts with `key:`. Keys are unique across all commands.
   */
  components?: Record<string, (interaction: ComponentInteraction, ctx: CommandContext) => Promise<void>> | undefined;
}

/** Identity at runtime; gives a command file its types. */
export function defineCommand<const M extends CommandModule>(module: M): M {
  return module;
}

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
    error: `expected ${what} to be a function`,
  });

/** Names of commands and options: lowercase, 1–32 characters (Discord's CHAT_INPUT naming rule). */
const NAME_PATTERN = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const nameSchema = z
  .string()
  .regex(NAME_PATTERN, { error: 'expected a lowercase name of 1 to 32 letters, digits, - or _' });
const descriptionSchema = z
  .string()
  .min(1, { error: 'expected a description' })
  .max(100, { error: 'expected at most 100 characters' });
/** Discord's localization maps (locale → text); a localized name obeys the same rule as the name itself. */
const localized = (text: z.ZodString) => z.record(z.string(), text.nullable()).nullable().optional();
const localizedNames = localized(nameSchema);
const localizedDescriptions = localized(descriptionSchema);

interface OptionShape {
  type: number;
  name: string;
  description: string;
  required?: boolean | undefined;
  options?: OptionShape[] | undefined;
}

const optionSchema: z.ZodType<OptionShape> = z.lazy(() =>
  z
    .looseObject({
      type: z.number().int().min(1).max(11),
      name: nameSchema,
      name_localizations: localizedNames,
      description: descriptionSchema,
      description_localizations: localizedDescriptions,
      required: z.boolean().optional(),
      choices: z
        .array(
          z.looseObject({
            name: z.string().min(1).max(100),
            name_localizations: localized(z.string().min(1).max(100)),
            value: z.union([z.string(), z.number()]),
          }),
        )
        .max(25)
        .optional(),
      options: z.array(optionSchema).max(25).optional(),
      autocomplete: z.boolean().optional(),
    })
    .superRefine(checkOptionList),
);

/** Option names unique within a level, and required options before optional ones (Discord rejects both). */
function checkOptionList(value: { options?: OptionShape[] | undefined }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  let optionalSeen = false;
  for (const option of value.options ?? []) {
    if (seen.has(option.name))
      ctx.addIssue({ code: 'custom', message: `option "${option.name}" is defined twice`, path: ['options'] });
    seen.add(option.name);
    if (option.type === 1 || option.type === 2) continue;
    if (option.required && optionalSeen) {
      ctx.addIssue({
        code: 'custom',
        message: `required option "${option.name}" comes after an optional one`,
        path: ['options'],
      });
    }
    if (!option.required) optionalSeen = true;
  }
}

export const commandDefinitionSchema = z
  .looseObject({
    type: z.literal(1).optional(),
    name: nameSchema,
    name_localizations: localizedNames,
    description: descriptionSchema,
    description_localizations: localizedDescriptions,
    options: z.array(optionSchema).max(25).optional(),
  })
  .superRefine(checkOptionList);

/** Custom id prefixes: short, and without the `:` that separates them from their state. */
const prefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: 'expected a prefix of 1 to 40 letters, digits, _ . or -' });

export const commandModuleSchema = z.object({
  data: z.custom<CommandDefinition>((v) => typeof v === 'object' && v !== null, {
    error: 'expected a command definition',
  }),
  defer: z.union([z.literal('ephemeral'), z.literal('public'), z.literal(false), fn('defer')]).optional(),
  requires: z
    .object({ command: z.string().optional(), subcommands: z.record(z.string(), z.string()).optional() })
    .optional(),
  execute: fn('execute'),
  autocomplete: fn('autocomplete').optional(),
  components: z.record(prefixSchema, fn('a component handler')).optional(),
});
