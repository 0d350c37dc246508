// Builds igcord's discord.js client: the Guilds intent only (slash commands, buttons and channel posts need no
// privileged intent), mentions off unless a message asks for them, and the REST base overridable so the same
// client talks to the local Discord fake, and caches bounded to what igcord reads (below). The token lives in the
// closure and in discord.js; it is never logged.
import { once } from 'node:events';
import {
  Client,
  ClientUser,
  Events,
  GatewayIntentBits,
  Options,
  Routes,
  type ClientOptions,
  type SweeperOptions,
} from 'discord.js';
import type { Logger } from '../log.js';

// What igcord reads from discord.js's caches: guilds, their channels and roles, and the bot's own user and member
// (a channel's permissionsFor(client.user) resolves the bot's member, then its roles and the channel's overwrites).
// Nobody else's user or member is read back: each interaction carries its invoker, and the OAuth callback's
// users.fetch falls back to REST. Left alone, discord.js keeps every person who ever ran a command for the life
// of the process (≈0.75 KB each); so users and members are capped and swept, always keeping the bot's own.
// Guilds, channels and roles are never limited (discord.js: unsupported, and the permission checks need them).

/** Users kept in `client.users`, the most recent ones (the bot's own user is kept over the limit). */
export const USER_CACHE_LIMIT = 200;
/** Members kept per guild in `guild.members`, the most recent ones (the bot's own is kept over the limit). */
export const MEMBER_CACHE_LIMIT = 50;
/** How often every cached user and member but the bot's own is dropped: an idle process goes back to none. */
export const CACHE_SWEEP_INTERVAL_SECONDS = 900;

const isBot = (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id;

/** igcord's sweepers of users and members, every `intervalSeconds` (tests run them every second). */
export function cacheSweepers(intervalSeconds: number): SweeperOptions {
  return {
    ...Options.DefaultSweeperSettings,
    users: { interval: intervalSeconds, filter: () => (user) => !isBot(user) },
    guildMembers: { interval: intervalSeconds, filter: () => (member) => !isBot(member) },
  };
}

function cacheLimits(): ClientOptions['makeCache'] {
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    // igcord reads no message history: keeping messages in memory only costs.
    MessageManager: 0,
    UserManager: { maxSize: USER_CACHE_LIMIT, keepOverLimit: (user) => isBot(user) },
    GuildMemberManager: { maxSize: MEMBER_CACHE_LIMIT, keepOverLimit: (member) => isBot(member) },
  });
}

export interface DiscordClientOptions {
  token: string;
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api` for the fake; Discord's by default. */
  apiUrl?: string | undefined;
  log: Logger;
  /** Merged over igcord's defaults (tests shorten timeouts and lift the request-rate cap). */
  clientOptions?: Partial<ClientOptions> | undefined;
  /**
   * False: no gateway session, REST only (edge and worker processes, docs/decisions/0020): interactions arrive over
   * HTTP and posts go by REST, so any number of processes can use one bot token. Default true.
   */
  gateway?: boolean | undefined;
  /** Replaces REST's request function (the HTTP interaction bridge catches first callbacks there). */
  makeRequest?: NonNullable<ClientOptions['rest']>['makeRequest'] | undefined;
}

export interface DiscordClient {
  client: Client;
  /** Logs in and resolves once the gateway says ready; rejects on a bad token. */
  start(): Promise<void>;
  /** Closes the gateway and REST; safe to call twice. */
  stop(): Promise<void>;
}

export function createDiscordClient(options: DiscordClientOptions): DiscordClient {
  const { token, apiUrl, log } = options;
  const extra = options.clientOptions ?? {};
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Feed posts and replies never ping anyone by accident (a caption with @everyone); senders opt in per message.
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: cacheLimits(),
    sweepers: cacheSweepers(CACHE_SWEEP_INTERVAL_SECONDS),
    // As many gateway sessions as Discord recommends (GET /gateway/bot), all in this process: Discord refuses one
    // session past 2,500 guilds, and each shard hears only its own guilds' events (docs/decisions/0022).
    shards: 'auto',
    ...extra,
    rest: {
      ...(apiUrl === undefined ? {} : { api: apiUrl }),
      ...extra.rest,
      ...(options.makeRequest ? { makeRequest: options.makeRequest } : {}),
    },
  });

  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ discord: message }, 'discord client warning'));
  // Destroying the client closes its shards, and discord.js reports that as a disconnect and a reconnect; once
  // igcord is stopping they are its own doing, not a network problem worth an operator's look.
  let stopping = false;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (!stopping) log.warn({ shardId, code: event.code }, 'discord gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping) log.info({ shardId }, 'discord gateway reconnecting');
  });
  client.rest.on('rateLimited', (info) =>
    log.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global },
      'discord rate limit hit',
    ),
  );

  return {
    client,
    async start() {
      if (options.gateway === false) {
        client.rest.setToken(token);
        // discord.js learns its own user from the gateway's READY; without a session it is read by REST (a bad
        // token fails here as it would at login), so what reads client.user works alike.
        const me = await client.rest.get(Routes.user());
        const ClientUserOf = ClientUser as unknown as new (client: Client, data: unknown) => ClientUser;
        client.user = new ClientUserOf(client, me);
        log.info({ userId: client.user.id }, 'using Discord by REST only (no gateway session)');
        return;
      }
      const ready = once(client, Events.ClientReady);
      try {
        await client.login(token);
      } catch (error) {
        // The once() listener would otherwise keep waiting for a ready event that never comes.
        client.removeAllListeners(Events.ClientReady);
        throw error;
      }
      await ready;
      log.info(
        { user: client.user?.tag, userId: client.user?.id, guilds: client.guilds.cache.size },
        'connected to Discord',
      );
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
