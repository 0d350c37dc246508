// The Discord fake's public contract: the options startDiscordFake takes and the handle it returns (the URLs,
// the world-building and person-acting controls, the logs and faults). Kept apart from index.ts so the wiring
// there reads as wiring, and a test or the console can see the whole surface in one place.
import type { APIChannel, APIMessage, APIOverwrite, APIRole, APIUser } from 'discord-api-types/v10';
import type { InteractionDeliveryEntry, LogEntry, RestLogEntry, WarnSink } from './log.js';
import type { FaultRule } from './faults.js';
import type { InteractionHandle } from './interactions.js';
import type { AutocompleteInput, CommandInput } from './interaction-payloads.js';
import type { ModalInput } from './person.js';
import type { ChannelInput, CreatedGuild, GuildInput, OverwriteInput, Permissions } from './world.js';
import type { DiscordSnapshot } from './snapshot.js';

export interface DiscordFakeOptions {
  port?: number;
  host?: string;
  botToken?: string;
  applicationId?: string;
  botUsername?: string;
  /** Deadline of the first interaction callback (Discord: 3 s, then 10062 Unknown interaction). */
  acknowledgeTimeoutMs?: number;
  /** How long interaction webhook tokens work (Discord: 15 min). */
  interactionTokenLifetimeMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * Privileged intents enabled for the app in the developer portal (default all three). IDENTIFY asking for one
   * not listed is closed with 4014, as Discord does; discord.js then rejects login with DisallowedIntents.
   */
  privilegedIntents?: number;
  /**
   * Shards GET /gateway/bot recommends (default 1). Each session gets only its shard's guilds and interactions
   * either way; this is what a client that asks (`shards: 'auto'`) opens.
   */
  recommendedShards?: number;
  /** Where unknown routes and fake failures are reported; defaults to stderr. A pino logger fits. */
  logger?: WarnSink;
  /** Log entries kept (oldest dropped first), so a long sandbox session does not grow without bound. */
  maxLogEntries?: number;
  /** The application's OAuth2 client secret (the client id is `applicationId`). Default: random. */
  clientSecret?: string;
  /** OAuth2 redirect URIs registered for the application (as in the developer portal); more with registerRedirectUri. */
  redirectUris?: string[];
  /** How long an OAuth2 authorization code can be exchanged (default 10 minutes). */
  oauth2CodeLifetimeMs?: number;
  /**
   * A world to start from (from `fake.snapshot()`, checked with parseSnapshot): its application id, users,
   * guilds, channels, webhooks and commands. The bot token and client secret are new unless given.
   */
  restore?: DiscordSnapshot;
}

export interface IssuedTokens {
  bot: string;
  interactions: string[];
  webhooks: string[];
  /** OAuth2 access and refresh tokens of people who signed in on the authorize page, and the client secret. */
  oauth2: string[];
  clientSecret: string;
}

/** A message as a person sees it in the channel, plus the `avatar_url` a webhook execution asked for. */
export type ChannelMessage = APIMessage & { avatar_url?: string };

export interface DiscordFake {
  url: string;
  apiUrl: string;
  gatewayUrl: string;
  botToken: string;
  applicationId: string;
  botUserId: string;
  botUser: APIUser;
  /** OAuth2: the application's client secret, and its authorize page (`${url}/oauth2/authorize`). */
  clientSecret: string;
  oauth2AuthorizeUrl: string;
  /** The application's Ed25519 public key, 64 hex characters, as the developer portal shows it. */
  publicKey: string;
  /**
   * Sets the application's Interactions Endpoint URL, checked as Discord checks it (a signed PING must be answered
   * PONG, a PING with a bad signature must be refused with 401; else EndpointRefusedError and nothing changes).
   * From then on interactions are signed POSTs to it and the HTTP answer is their callback; none goes over the
   * gateway. `null` sends them over the gateway again.
   */
  setInteractionsEndpoint(url: string | null): Promise<void>;
  /** Each interaction POSTed to the endpoint and how its answer was taken, oldest first. */
  interactionDeliveries(): InteractionDeliveryEntry[];
  /** Resolves with the delivery of that interaction once the endpoint's answer (or its failure) is in. */
  waitForDelivery(interactionId: string, timeoutMs?: number): Promise<InteractionDeliveryEntry>;
  /** Registers an OAuth2 redirect URI for the application; the authorize page refuses any other. */
  registerRedirectUri(uri: string): void;
  close(): Promise<void>;

  createUser(input: { username: string; globalName?: string; bot?: boolean }): APIUser;
  createGuild(input: GuildInput): CreatedGuild;
  createChannel(guildId: string, input: ChannelInput): string;
  addMember(guildId: string, userId: string, options?: { roles?: string[]; nick?: string }): void;
  /** The member leaves the guild (GUILD_MEMBER_REMOVE); the guild owner cannot. */
  removeMember(guildId: string, userId: string): void;
  setMemberRoles(guildId: string, userId: string, roleIds: string[]): void;
  createRole(
    guildId: string,
    input: { name: string; permissions?: Permissions; position?: number; mentionable?: boolean },
  ): string;
  setRolePermissions(guildId: string, roleId: string, permissions: Permissions): void;
  setBotPermissions(guildId: string, permissions: Permissions): void;
  setChannelOverwrites(channelId: string, overwrites: OverwriteInput[]): void;
  deleteChannel(channelId: string): void;
  /** Archives, unarchives, locks or unlocks a thread, as a moderator does (THREAD_UPDATE). */
  setThreadState(threadId: string, change: { archived?: boolean; locked?: boolean }): void;
  /** The threads of a forum or channel, as Discord renders them (archived ones too), oldest first. */
  threads(parentId: string): APIChannel[];
  /** Sets (or clears, with null) the guild's system channel; the bot hears GUILD_UPDATE. */
  setSystemChannel(guildId: string, channelId: string | null): void;
  /** The id of the bot's DM channel with a user (read its messages with messages()). */
  directChannel(userId: string): string;
  addBot(guildId: string): void;
  removeBot(guildId: string): void;
  /** A member's computed permissions in a channel. */
  permissionsFor(channelId: string, userId: string): bigint;
  /** The guild's roles, as `GET /guilds/:id/roles` lists them. */
  roles(guildId: string): APIRole[];
  /** The guild's members: their user, role ids and nickname. */
  members(guildId: string): { user: APIUser; roles: string[]; nick: string | null }[];
  /** A channel's permission overwrites (to change one without dropping the others). */
  channelOverwrites(channelId: string): APIOverwrite[];

  sendCommand(input: CommandInput): InteractionHandle;
  sendAutocomplete(input: AutocompleteInput): InteractionHandle;
  /** `locale`: the presser's client language, which Discord sends with every interaction (en-US when left out). */
  pressButton(input: {
    messageId?: string;
    message?: { id: string };
    customId: string;
    userId: string;
    /** The person's client language, sent as the interaction's `locale` (en-US when left out). */
    locale?: string;
  }): InteractionHandle;
  selectMenu(input: {
    messageId?: string;
    message?: { id: string };
    customId: string;
    values: string[];
    userId: string;
    /** The person's client language, sent as the interaction's `locale` (en-US when left out). */
    locale?: string;
  }): InteractionHandle;
  submitModal(input: ModalInput): InteractionHandle;

  /** Registered application commands: `global` or a guild id. */
  commands(scope: string): unknown[];
  /** The channel's messages, oldest first, as a person sees them (no one's ephemeral replies). */
  messages(channelId: string): ChannelMessage[];
  /** The bot's direct messages to a user, oldest first (none when it never opened a DM with them). */
  directMessages(userId: string): ChannelMessage[];
  /** Resolves with the first matching message; `timeoutMs` (30 s by default) only stops a wait that would hang. */
  waitForMessage(
    channelId: string,
    predicate?: (message: ChannelMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ChannelMessage>;

  /** Every secret this fake issued: the bot token, each interaction token, each channel-webhook token. */
  issuedTokens(): IssuedTokens;

  log(): LogEntry[];
  restLog(): RestLogEntry[];
  clearLog(): void;
  injectFault(rule: FaultRule): { hits(): number };
  clearFaults(): void;
  /** Drops the bot's gateway connections (op 7 reconnect, or a 4000 close) so it has to resume. */
  disconnectClients(mode?: 'reconnect' | 'close'): void;
  /** Gateway sessions with an open socket. */
  connectedClients(): number;
  /** The world as plain JSON (webhook tokens by hash only, no messages), for `startDiscordFake({ restore })`. */
  snapshot(): DiscordSnapshot;
}
