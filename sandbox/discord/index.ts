// startDiscordFake: a Discord gateway + REST fake on one loopback port that the unmodified discord.js client
// connects to (`rest: { api: fake.apiUrl }`), plus the controls a test or the sandbox console drives it with:
// build guilds, act as a person (commands, autocomplete, buttons, selects, modals), read what the bot posted,
// inject faults and drop connections. See README.md for the API and the Discord rules it reproduces.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord-api-types/v10';
import type { APIUser, UserFlags } from 'discord-api-types/v10';
import { createSnowflakes, randomToken } from './ids.js';
import { FakeState } from './state.js';
import { FakeLog, stderrSink } from './log.js';
import { FaultRegistry } from './faults.js';
import { FakeGateway, PRIVILEGED_INTENTS } from './gateway.js';
import { RestRouter } from './rest.js';
import {
  DEFAULT_WAIT_MS,
  InteractionRegistry,
  INTERACTION_TOKEN_LIFETIME_MS,
  type InteractionHandle,
  type InteractionRecord,
} from './interactions.js';
import { commandRecord } from './interaction-payloads.js';
import { buttonRecord, localeOf, modalRecord, selectRecord } from './person.js';
import { World } from './world.js';
import { addSessionRoutes } from './routes/session.js';
import { addCommandRoutes } from './routes/commands.js';
import { addChannelRoutes } from './routes/channels.js';
import { addGuildRoutes } from './routes/guilds.js';
import { addDirectMessageRoutes, directChannelOf } from './routes/direct-messages.js';
import { addInteractionCallbackRoute } from './routes/interactions.js';
import { addWebhookRoutes } from './routes/webhooks.js';
import { addThreadRoutes } from './routes/threads.js';
import { setThreadState } from './threads.js';
import { isThread, renderChannel } from './render.js';
import { FakeOAuth2 } from './oauth2.js';
import { createApplicationKeys } from './signing.js';
import { InteractionsEndpoint } from './interactions-endpoint.js';
import { newestId, restoreSnapshot, takeSnapshot } from './snapshot.js';
import type { ChannelMessage, DiscordFake, DiscordFakeOptions } from './discord-fake.js';

export type { InteractionHandle, CallbackRecord, InteractionReplies } from './interactions.js';
export type { FaultRule } from './faults.js';
export type { LogEntry, RestLogEntry, GatewayLogEntry, InteractionDeliveryEntry, WarnSink } from './log.js';
export { EndpointRefusedError } from './interactions-endpoint.js';
export { shardOf } from './gateway.js';
export type { CreatedGuild, GuildInput, ChannelInput, OverwriteInput, Permissions } from './world.js';
export type { CommandInput, AutocompleteInput, OptionValue } from './interaction-payloads.js';
export type { ModalInput } from './person.js';
export { FakeUsageError } from './interaction-payloads.js';
export { parseSnapshot, SnapshotError, SNAPSHOT_VERSION, type DiscordSnapshot } from './snapshot.js';
export { DEFAULT_BOT_PERMISSIONS } from './world.js';
export { DEFAULT_EVERYONE_PERMISSIONS, computeChannelPermissions, permissionNames } from './permissions.js';
export { LIMITS } from './limits.js';
export { OAUTH2_SCOPES, CODE_LIFETIME_MS, ACCESS_TOKEN_LIFETIME_S } from './oauth2.js';

export type { DiscordFakeOptions, IssuedTokens, ChannelMessage, DiscordFake } from './discord-fake.js';

export async function startDiscordFake(options: DiscordFakeOptions = {}): Promise<DiscordFake> {
  const restore = options.restore;
  if (restore && options.applicationId !== undefined && options.applicationId !== restore.applicationId) {
    throw new TypeError("applicationId differs from the restored snapshot's");
  }
  const ids = createSnowflakes(restore ? newestId(restore) : undefined);
  const applicationId = restore?.applicationId ?? options.applicationId ?? ids.next();
  const restoredBot = restore?.users.find((u) => u.id === applicationId);
  const botToken = options.botToken ?? randomToken('fake-bot-token');
  const host = options.host ?? '127.0.0.1';
  const botUser: APIUser = {
    id: applicationId,
    username: options.botUsername ?? restoredBot?.username ?? 'igcord',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    flags: 0 as UserFlags,
  };

  const state = new FakeState(ids, applicationId, botUser);
  if (restore) restoreSnapshot(state, restore);
  const log = new FakeLog(options.logger ?? stderrSink, options.maxLogEntries ?? 50_000);
  const faults = new FaultRegistry();
  const interactions = new InteractionRegistry(
    state,
    options.acknowledgeTimeoutMs ?? 3000,
    options.interactionTokenLifetimeMs ?? INTERACTION_TOKEN_LIFETIME_MS,
  );
  const router = new RestRouter(log, faults, botToken);
  const keys = createApplicationKeys();
  const endpoint = new InteractionsEndpoint(state, interactions, keys, log, interactions.acknowledgeTimeoutMs);
  const oauth2 = new FakeOAuth2(state, {
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    ...(options.redirectUris === undefined ? {} : { redirectUris: options.redirectUris }),
    ...(options.oauth2CodeLifetimeMs === undefined ? {} : { codeLifetimeMs: options.oauth2CodeLifetimeMs }),
  });
  // The authorize page is a browser page outside `/api`; everything else is the REST API.
  const server = createServer((req, res) => {
    if (!oauth2.isPage(req)) return void router.handle(req, res);
    oauth2.page(req, res).catch((error: unknown) => {
      log.sink.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'the Discord fake failed on its authorize page; answered 500',
      );
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  let base = '';
  const gatewayUrl = () => base.replace(/^http/, 'ws');
  const gateway = new FakeGateway(server, state, log, {
    botToken,
    url: gatewayUrl,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    privilegedIntents: options.privilegedIntents ?? PRIVILEGED_INTENTS,
  });
  state.emit = (event, data, dispatchOptions) => gateway.dispatch(event, data, dispatchOptions);
  const world = new World(state, (guildId) => gateway.announceGuild(guildId));

  addSessionRoutes(router, state, gatewayUrl, oauth2, botToken, options.recommendedShards ?? 1);
  oauth2.addRoutes(router);
  addCommandRoutes(router, state);
  addChannelRoutes(router, state);
  addGuildRoutes(router, state);
  addInteractionCallbackRoute(router, interactions);
  addWebhookRoutes(router, state, interactions);
  addThreadRoutes(router, state);
  addDirectMessageRoutes(router, state);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const dispatchInteraction = (record: Omit<InteractionRecord, 'callbacks' | 'followUpIds'>): InteractionHandle => {
    const stored: InteractionRecord = { ...record, callbacks: [], followUpIds: [] };
    const handle = interactions.add(stored);
    // With an Interactions Endpoint URL, Discord sends interactions there and not over the gateway.
    if (endpoint.current !== undefined) endpoint.deliver(stored);
    else state.emit(GatewayDispatchEvents.InteractionCreate, record.payload);
    return handle;
  };
  const messageIdOf = (input: { messageId?: string; message?: { id: string } }) => {
    const id = input.messageId ?? input.message?.id;
    if (!id) throw new TypeError('pass messageId or message');
    return id;
  };
  const visible = (channelId: string): ChannelMessage[] =>
    (state.messages.get(channelId) ?? [])
      .filter((m) => !m.ephemeral)
      .map((m) =>
        m.avatarUrl ? { ...structuredClone(m.message), avatar_url: m.avatarUrl } : structuredClone(m.message),
      );

  let closed = false;
  return {
    url: base,
    apiUrl: `${base}/api`,
    gatewayUrl: gatewayUrl(),
    botToken,
    applicationId,
    botUserId: botUser.id,
    botUser,
    clientSecret: oauth2.clientSecret,
    oauth2AuthorizeUrl: `${base}/oauth2/authorize`,
    registerRedirectUri: (uri) => oauth2.registerRedirectUri(uri),
    publicKey: keys.publicKeyHex,
    setInteractionsEndpoint: (url) => endpoint.set(url),
    interactionDeliveries: () => log.deliveries(),
    waitForDelivery: (interactionId, timeoutMs = interactions.acknowledgeTimeoutMs + 1000) =>
      state.waitFor(
        () => log.deliveries().find((d) => d.interactionId === interactionId),
        timeoutMs,
        `the endpoint's answer to interaction ${interactionId}`,
      ),
    async close() {
      if (closed) return;
      closed = true;
      state.stopWaiting();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },

    createUser: (input) => world.createUser(input),
    createGuild: (input) => world.createGuild(input),
    createChannel: (guildId, input) => world.createChannel(guildId, input),
    addMember: (guildId, userId, memberOptions) => world.addMember(guildId, userId, memberOptions),
    removeMember: (guildId, userId) => world.removeMember(guildId, userId),
    setMemberRoles: (guildId, userId, roleIds) => world.setMemberRoles(guildId, userId, roleIds),
    createRole: (guildId, input) => world.createRole(guildId, input),
    setRolePermissions: (guildId, roleId, permissions) => world.setRolePermissions(guildId, roleId, permissions),
    setBotPermissions: (guildId, permissions) => world.setBotPermissions(guildId, permissions),
    setChannelOverwrites: (channelId, overwrites) => world.setChannelOverwrites(channelId, overwrites),
    deleteChannel: (channelId) => world.deleteChannel(channelId),
    setThreadState: (threadId, change) => setThreadState(state, state.channel(threadId), change),
    threads: (parentId) =>
      [...state.channels.values()]
        .filter((c) => c.parentId === parentId && isThread(c))
        .map((c) => structuredClone(renderChannel(c))),
    setSystemChannel: (guildId, channelId) => world.setSystemChannel(guildId, channelId),
    directChannel: (userId) => directChannelOf(state, userId).id,
    addBot: (guildId) => world.addBot(guildId),
    removeBot: (guildId) => world.removeBot(guildId),
    permissionsFor: (channelId, userId) => state.permissionsIn(channelId, userId),
    roles: (guildId) => structuredClone([...state.guild(guildId).roles.values()]),
    members: (guildId) =>
      [...state.guild(guildId).members.values()].map((m) => ({
        user: structuredClone(state.user(m.userId)),
        roles: [...m.roles],
        nick: m.nick,
      })),
    channelOverwrites: (channelId) => structuredClone(state.channel(channelId).overwrites),

    sendCommand: (input) => dispatchInteraction(commandRecord(state, input)),
    sendAutocomplete: (input) =>
      dispatchInteraction(commandRecord(state, input, { focused: input.focused, value: input.value })),
    pressButton: (input) =>
      dispatchInteraction(
        buttonRecord(state, {
          messageId: messageIdOf(input),
          customId: input.customId,
          userId: input.userId,
          ...localeOf(input),
        }),
      ),
    selectMenu: (input) =>
      dispatchInteraction(
        selectRecord(state, {
          messageId: messageIdOf(input),
          customId: input.customId,
          userId: input.userId,
          values: input.values,
          ...localeOf(input),
        }),
      ),
    submitModal: (input) => dispatchInteraction(modalRecord(state, interactions, input)),

    commands: (scope) => structuredClone(state.commands.get(scope) ?? []),
    messages: visible,
    directMessages: (userId) => {
      const channelId = state.dmChannels.get(userId);
      return channelId === undefined ? [] : visible(channelId);
    },
    waitForMessage: (channelId, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => visible(channelId).find(predicate), timeoutMs, `a message in channel ${channelId}`),

    issuedTokens: () => ({
      bot: botToken,
      interactions: [...state.issuedTokens.interactions],
      webhooks: [...state.issuedTokens.webhooks],
      oauth2: [...oauth2.issued],
      clientSecret: oauth2.clientSecret,
    }),
    log: () => log.all(),
    restLog: () => log.rest(),
    clearLog: () => log.clear(),
    injectFault: (rule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
    disconnectClients: (mode) => gateway.disconnectClients(mode),
    connectedClients: () => gateway.connectedSessions(),
    snapshot: () => takeSnapshot(state),
  };
}
