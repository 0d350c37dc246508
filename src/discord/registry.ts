// Routes every INTERACTION_CREATE to its handler: chat-input commands by name (handlers read their subcommand
// themselves), autocomplete to the command's `autocomplete`, and buttons, select menus and modals by custom_id
// prefix. Each interaction gets a child logger (ids only — the interaction token is never logged) and a
// responder. Discord wants an acknowledgement within 3 s: the router defers up front when the command asks, else
// after `autoDeferMs` (1.5 s) if the handler has not answered, and after the handler it makes sure the user was
// answered — with the friendly error reply when the handler threw.
import {
  Events,
  type AutocompleteInteraction,
  type Client,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from '../log.js';
import type { CommandContext, CommandDeps, ComponentInteraction } from './command.js';
import type { CommandSet, ComponentRoute } from './loader.js';
import { replyWithError, type DescribeError } from './reply-error.js';
import { InteractionResponder } from './responder.js';
import { createTranslations, type Translations } from '../i18n/i18n.js';

export interface InteractionRouterOptions {
  commands: CommandSet;
  deps: CommandDeps;
  /** What a handler's error tells the person: the domain's mapping, injected so the router knows no domain error. */
  describeError: DescribeError;
  /** Component routes that belong to no command, such as the pagination buttons. */
  components?: ComponentRoute[] | undefined;
  /** How long a handler may run before the router defers for it; well under Discord's 3 s. */
  autoDeferMs?: number | undefined;
  /** The catalogues replies are rendered from, in each interaction's locale (built here when not given). */
  translations?: Translations | undefined;
  /**
   * Told each person's locale at every interaction (Discord sends it in each one), so what igcord later sends them
   * unasked (a DM about their link or feed) can speak it; the composition root keeps it durably.
   */
  onLocale?: ((userId: string, locale: string) => Promise<void>) | undefined;
}

export interface InteractionRouter {
  /** Handles one interaction to the end; never rejects. */
  handle(interaction: Interaction): Promise<void>;
  /** Listens for interactions on the client; returns the function that stops listening. */
  attach(client: Client): () => void;
  /** Resolves when every interaction being handled has finished (for shutdown). */
  drain(): Promise<void>;
}

export const DEFAULT_AUTO_DEFER_MS = 1500;

/** The route for a custom_id: the longest registered prefix among `a:b:c`, `a:b`, `a`. */
export function findComponentRoute(
  routes: ReadonlyMap<string, ComponentRoute>,
  customId: string,
): ComponentRoute | undefined {
  const parts = customId.split(':');
  for (let n = parts.length; n > 0; n -= 1) {
    const route = routes.get(parts.slice(0, n).join(':'));
    if (route) return route;
  }
  return undefined;
}

export function createInteractionRouter(options: InteractionRouterOptions): InteractionRouter {
  const { commands, deps } = options;
  const autoDeferMs = options.autoDeferMs ?? DEFAULT_AUTO_DEFER_MS;
  const translations = options.translations ?? createTranslations();
  const routes = new Map(commands.components);
  for (const route of options.components ?? []) {
    if (routes.has(route.prefix)) throw new Error(`component prefix "${route.prefix}" is registered twice`);
    routes.set(route.prefix, route);
  }
  const inFlight = new Set<Promise<void>>();

  function childLog(interaction: Interaction, fields: Record<string, unknown>): Logger {
    return deps.log.child({
      interactionId: interaction.id,
      userId: interaction.user.id,
      guildId: interaction.guildId ?? undefined,
      channelId: interaction.channelId ?? undefined,
      ...fields,
    });
  }

  interface Plan {
    /** Acknowledges before the handler runs (the command asked to defer). */
    upFront?: ((respond: InteractionResponder) => Promise<void>) | undefined;
    /** Acknowledges for a handler still running after `autoDeferMs`. */
    late: (respond: InteractionResponder) => Promise<void>;
    handler: ((ctx: CommandContext) => Promise<void>) | undefined;
    /** The catalogue key of the answer when there is no handler (a command or button removed since it was shown). */
    missing: string;
  }

  async function run(interaction: RepliableInteraction, log: Logger, plan: Plan): Promise<void> {
    const respond = new InteractionResponder(interaction, log);
    // Every reply speaks the invoking person's language (Discord's `locale`, their client's), English by default.
    const t = translations.forLocale(interaction.locale);
    const guildT = translations.forLocale(interaction.guildLocale);
    const ctx: CommandContext = { ...deps, log, respond, t, locale: interaction.locale, guildT };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let lateDefer: Promise<void> | undefined;
    const settleLateDefer = async () => {
      if (timer) clearTimeout(timer);
      await lateDefer;
    };
    try {
      if (plan.handler === undefined) {
        log.info('no handler for this interaction');
        await respond.reply({ content: t(plan.missing), ephemeral: true });
        return;
      }
      if (plan.upFront) await plan.upFront(respond);
      else {
        timer = setTimeout(() => {
          if (respond.acknowledged) return;
          log.debug({ afterMs: Date.now() - started }, 'handler is slow; deferring for it');
          lateDefer = plan
            .late(respond)
            .catch((error: unknown) => log.warn({ err: error }, 'could not defer the interaction'));
        }, autoDeferMs);
      }
      await plan.handler(ctx);
      await settleLateDefer();
      if (respond.awaitingAnswer) {
        // A handler that returns without answering is a bug; the user still gets an answer rather than a spinner.
        log.warn('handler returned without answering the interaction');
        await respond.reply({ content: t('router.done'), ephemeral: true });
      }
    } catch (error) {
      await settleLateDefer();
      await replyWithError(respond, error, log, options.describeError, t);
    } finally {
      log.debug({ tookMs: Date.now() - started }, 'interaction handled');
    }
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      const command = commands.byName.get(interaction.commandName);
      const log = childLog(interaction, {
        command: interaction.commandName,
        subcommand: interaction.options.getSubcommand(false) ?? undefined,
      });
      const defer = command?.module.defer;
      const mode = typeof defer === 'function' ? defer(interaction) : defer;
      return run(interaction, log, {
        upFront: mode === 'ephemeral' || mode === 'public' ? (r) => r.deferReply(mode === 'ephemeral') : undefined,
        late: (r) => r.deferReply(false),
        handler: command && ((ctx) => command.module.execute(interaction, ctx)),
        missing: 'router.commandGone',
      });
    }
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const route = findComponentRoute(routes, interaction.customId);
      const log = childLog(interaction, { command: route?.command, customId: interaction.customId });
      const onMessage = interaction.isMessageComponent() || interaction.isFromMessage();
      return run(interaction, log, {
        // A slow button keeps its message and is acknowledged silently; a modal from a command gets "thinking…".
        late: (r) => (onMessage ? r.deferUpdate() : r.deferReply(true)),
        handler: route && ((ctx) => route.handle(interaction, ctx)),
        missing: 'router.buttonGone',
      });
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.byName.get(interaction.commandName);
    const log = childLog(interaction, { command: interaction.commandName, autocomplete: true });
    try {
      if (!command?.module.autocomplete) throw new Error('the command has no autocomplete handler');
      const t = translations.forLocale(interaction.locale);
      await command.module.autocomplete(interaction, { ...deps, log, t, locale: interaction.locale });
    } catch (error) {
      log.warn({ err: error }, 'autocomplete failed; offering no choices');
    }
    // Autocomplete cannot be deferred: an empty list is the only honest answer when the handler did not give one.
    if (!interaction.responded)
      await interaction
        .respond([])
        .catch((error: unknown) => log.warn({ err: error }, 'could not answer autocomplete'));
  }

  /** Passes the person's locale on, beside the handling (never in its way: a failure is only logged). */
  async function noteLocale(interaction: Interaction): Promise<void> {
    if (options.onLocale === undefined) return;
    try {
      await options.onLocale(interaction.user.id, interaction.locale);
    } catch (error) {
      deps.log.warn({ err: error, interactionId: interaction.id }, "could not record the person's locale");
    }
  }

  function handle(interaction: Interaction): Promise<void> {
    const task = Promise.all([
      dispatch(interaction).catch((error: unknown) =>
        deps.log.error({ err: error, interactionId: interaction.id }, 'interaction handling failed'),
      ),
      noteLocale(interaction),
    ]).then(() => undefined);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    return task;
  }

  return {
    handle,
    attach(client) {
      const listener = (interaction: Interaction) => void handle(interaction);
      client.on(Events.InteractionCreate, listener);
      return () => client.off(Events.InteractionCreate, listener);
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
