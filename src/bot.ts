// The Discord side of igcord, assembled: the command modules of commands/, the interaction router with the
// services commands use, and the pagination buttons, attached to the discord.js client, which then logs in. The
// client is built by the caller beforehand (src/app.ts), because the delivery engine the commands use posts
// through its REST client: built in that order, every service exists before the first interaction can arrive.
// The services are declared here once (module augmentation of CommandServices), so every command file gets
// their real types.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from './config.js';
import type { DiscordClient } from './discord/client.js';
import { systemClock, type Clock } from './discord/command.js';
import { deployCommands, type DeployResult } from './discord/deploy.js';
import { loadCommands, type CommandSet } from './discord/loader.js';
import { commandsForProvider } from './discord/provider-commands.js';
import { LookupCache } from '../commands/_shared/lookup-cache.js';
import { RecentLocations } from '../commands/_shared/places/recent-locations.js';
import { Paginator } from './discord/pagination.js';
import type { SharedState } from './discord/shared-state/shared-state.js';
import { createInteractionRouter, type InteractionRouter } from './discord/registry.js';
import type { DescribeError } from './discord/reply-error.js';
import { describeError } from '../commands/_shared/describe-error.js';
import type { Capability, InstagramPort } from './core/index.js';
import { AttemptLimit, type Limiter } from './limiter/index.js';
import type { Logger } from './log.js';
import type { Storage } from './storage/index.js';
import type { DeliveryEngine } from './feeds/index.js';
import { createTranslations, type Translations } from './i18n/i18n.js';

declare module './discord/command.js' {
  interface CommandServices {
    /** Instagram through core's port: commands never see which provider serves it. */
    instagram: InstagramPort;
    config: Config;
    storage: Storage;
    limiter: Limiter;
    paginator: Paginator;
    /** Short-lived, budget-aware answers for autocomplete. */
    lookups: LookupCache;
    /** Places each person looked up lately, offered by /location's autocomplete. */
    recentPlaces: RecentLocations;
    /** Where browsers reach igcord: the OAuth callback is `${publicUrl}/oauth/callback`. */
    publicUrl: string;
    /** Feed delivery: set a new feed's start, test posts, backfills, status. */
    deliveries: DeliveryEngine;
    /** Per-member limits on link prompts and pasted tokens, which spend the shared `app` budget. */
    linkAttempts: { prompts: AttemptLimit; pastes: AttemptLimit };
    /** Every command's definition as loaded and registered with Discord, for /help. */
    commandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
    /** The commands and subcommands this Instagram provider cannot serve (not registered), and the capability it
     * lacks for each, which /help words in the reader's language (notices.capability.*). */
    unavailableCommands: readonly { path: string; capability: Capability }[];
  }
}

export interface BotOptions {
  config: Config;
  log: Logger;
  instagram: InstagramPort;
  storage: Storage;
  limiter: Limiter;
  publicUrl: string;
  deliveries: DeliveryEngine;
  /** The discord.js client, built but not yet logged in: startBot attaches the router, then logs in. */
  discord: DiscordClient;
  clock?: Clock | undefined;
  /** Register the commands to this guild at start (the sandbox and tests; live deployments use deploy-commands). */
  registerToGuild?: string | undefined;
  /** State shared with the bot's other processes (Redis, docs/decisions/0022); none: this process's memory. */
  sharedState?: SharedState | undefined;
  commandsDirectory?: string | undefined;
  /** The catalogues replies are rendered from, in each interaction's locale; built here when not given. */
  translations?: Translations | undefined;
}

export interface Bot {
  discord: DiscordClient;
  router: InteractionRouter;
  commands: CommandSet;
  paginator: Paginator;
  /** The mapping from errors to replies the router uses (the command metrics count outcomes by its ids). */
  describeError: DescribeError;
  registered: DeployResult | undefined;
  /** Stops taking interactions, lets those in progress finish, then disconnects. Idempotent. */
  close(): Promise<void>;
}

/**
 * Keeps each person's latest Discord locale on their linked account (one read per interaction, a write only when it
 * changed), so a DM igcord sends on its own later — after a restart too — speaks their language. Nothing is kept
 * for a person without a link: igcord DMs only link owners.
 */
function recordLocale(storage: Storage): (userId: string, locale: string) => Promise<void> {
  return async (userId, locale) => {
    await storage.accounts.recordLocale(userId, locale);
  };
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, log, discord } = options;
  const token = config.discord.token;
  const applicationId = config.discord.applicationId;
  if (!token || !applicationId) throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be configured');

  // Only what the provider serves is registered; the rest is explained by /help.
  const { commands, unavailable } = commandsForProvider(
    await loadCommands(options.commandsDirectory),
    options.instagram.capabilities,
  );
  const unavailableCommands = unavailable.map((u) => ({ path: u.path, capability: u.capability }));
  const translations = options.translations ?? createTranslations();
  const paginator = new Paginator({
    translations,
    log,
    maxSessions: config.pages.maxSessions,
    timeoutMs: config.pages.timeoutMs,
    state: options.sharedState,
  });
  const router = createInteractionRouter({
    commands,
    components: [paginator.route],
    describeError,
    translations,
    onLocale: recordLocale(options.storage),
    deps: {
      log,
      clock: options.clock ?? systemClock,
      config,
      instagram: options.instagram,
      storage: options.storage,
      limiter: options.limiter,
      paginator,
      lookups: new LookupCache({ limiter: options.limiter, log, state: options.sharedState }),
      recentPlaces: new RecentLocations(),
      publicUrl: options.publicUrl,
      deliveries: options.deliveries,
      linkAttempts: {
        prompts: new AttemptLimit({ max: config.linking.promptLimit, windowMs: config.linking.windowMs }),
        pastes: new AttemptLimit({ max: config.linking.pasteLimit, windowMs: config.linking.windowMs }),
      },
      commandDefinitions: commands.definitions,
      unavailableCommands,
    },
  });

  const registered =
    options.registerToGuild === undefined
      ? undefined
      : await deployCommands({
          token,
          applicationId,
          guildId: options.registerToGuild,
          apiUrl: config.discord.apiUrl,
          definitions: commands.definitions,
          log,
        });

  const detach = router.attach(discord.client);
  await discord.start();

  let closing: Promise<void> | undefined;
  return {
    discord,
    router,
    commands,
    paginator,
    describeError,
    registered,
    close: () =>
      (closing ??= (async () => {
        detach();
        await router.drain();
        await discord.stop();
      })()),
  };
}
