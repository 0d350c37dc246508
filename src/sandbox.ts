// The local sandbox that `npm start` runs when no credentials are configured: igcord's Instagram emulator and
// Discord fake on loopback, a guild with a person in it, and OAuth2 clients on both whose redirect URIs are
// igcord's own callbacks (Instagram's, and the link page's Discord callback). The returned config is the real one with the fakes' addresses and credentials filled in, so
// everything downstream runs the same code as in production.
//
// The fakes' worlds are kept in the sandbox data directory (src/sandbox-worlds.ts): a later start restores them,
// so the guild, its channels and webhooks, the person, the emulator's users, media and tokens are still there.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import {
  parseSnapshot as parseDiscordWorld,
  startDiscordFake,
  type CreatedGuild,
  type DiscordFake,
  type DiscordSnapshot,
} from '../sandbox/discord/index.js';
import {
  parseSnapshot as parseInstagramWorld,
  startInstagramEmulator,
  SANDBOX_CLIENT,
  type InstagramEmulator,
} from '../sandbox/instagram/index.js';
import { startGraphEmulator, type GraphEmulator } from '../sandbox/instagram-graph/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { readWorld, saveWorlds } from './sandbox-worlds.js';

export interface Sandbox {
  config: Config;
  /** The Platform API v1 emulator, when INSTAGRAM_PROVIDER is v1. */
  instagram: InstagramEmulator | undefined;
  /** The Graph API emulator, when INSTAGRAM_PROVIDER is graph. */
  graph: GraphEmulator | undefined;
  /** The Instagram side as the console uses it, whichever emulator runs. */
  people: SandboxInstagram;
  discord: DiscordFake;
  guild: CreatedGuild;
  /** The Discord user a person at the sandbox console acts as (owner of the guild, Manage Server). */
  personId: string;
  close(): Promise<void>;
}

/** The sandbox's Instagram people, whichever emulator stands in for Instagram. */
export interface SandboxInstagram {
  /** The emulator's base URL. */
  url: string;
  users(): { id: string; username: string; name: string; note: string }[];
  /** `username` posts an image; `announced` when the emulator notifies igcord's webhook (v1), else feeds poll for it. */
  postMedia(username: string, caption: string | undefined): { id: string; announced: boolean };
  issuedTokens(): string[];
}

const SANDBOX_GUILD = 'igcord sandbox';
const SANDBOX_CHANNELS = ['general', 'instagram'];
const INSTAGRAM_WORLD = { name: 'instagram-world.json', parse: parseInstagramWorld };
const DISCORD_WORLD = { name: 'discord-world.json', parse: parseDiscordWorld };

export async function startSandbox(config: Config, log: Logger): Promise<Sandbox> {
  const publicUrl = config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
  const redirectUri = `${publicUrl}/oauth/callback`;
  const dataDir = join(config.dataDir, 'sandbox');
  if (config.instagram.provider === 'graph') return startGraphSandbox(config, log, { publicUrl, redirectUri, dataDir });
  const savedInstagram = readWorld(dataDir, INSTAGRAM_WORLD, log);
  const savedDiscord = readWorld(dataDir, DISCORD_WORLD, log);
  const instagram = await startInstagramEmulator({
    host: '127.0.0.1',
    windowMs: config.limits.windowMs,
    clients: [{ ...SANDBOX_CLIENT, redirectUris: [...new Set([redirectUri, ...SANDBOX_CLIENT.redirectUris])] }],
    // A subscription to an earlier run's address (another port) would only send notifications nowhere; igcord
    // subscribes its current address once it listens.
    ...(savedInstagram
      ? {
          restore: {
            ...savedInstagram,
            subscriptions: savedInstagram.subscriptions.filter((s) => s.callbackUrl.startsWith(`${publicUrl}/`)),
          },
        }
      : {}),
  });
  let discord: DiscordFake;
  try {
    // igcord's link page asks the fake's OAuth2 who opened a link: its redirect URI is registered there.
    discord = await startDiscordFake({
      host: '127.0.0.1',
      logger: log.child({ component: 'discord-fake' }),
      redirectUris: [`${publicUrl}/link/discord-callback`],
      ...(savedDiscord ? { restore: savedDiscord } : {}),
    });
  } catch (error) {
    await instagram.close();
    throw error;
  }
  // The worlds as restored, before the sandbox changes anything: what is already on disk.
  const asRestored = {
    instagram: savedInstagram ? JSON.stringify(instagram.snapshot()) : undefined,
    discord: savedDiscord ? JSON.stringify(discord.snapshot()) : undefined,
  };
  const restored = savedDiscord ? restoredGuild(discord, savedDiscord) : undefined;
  const guild = restored ?? newGuild(discord);
  const saver = saveWorlds(
    dataDir,
    [
      { name: INSTAGRAM_WORLD.name, restored: asRestored.instagram, take: () => instagram.snapshot() },
      { name: DISCORD_WORLD.name, restored: asRestored.discord, take: () => discord.snapshot() },
    ],
    log,
  );
  log.info(
    { dataDir, instagramWorld: savedInstagram ? 'restored' : 'seeded', discordWorld: restored ? 'restored' : 'new' },
    'sandbox: worlds loaded; changes are saved within a second and at shutdown',
  );
  log.info({ instagram: instagram.url, discord: discord.url }, 'sandbox: Instagram emulator and Discord fake started');
  if (!/^(127\.|::1$|localhost$)/.test(config.http.host)) {
    log.warn(
      { host: config.http.host },
      "sandbox: HTTP_HOST is not loopback, so igcord's sandbox HTTP server is reachable from the network",
    );
  }

  return {
    instagram,
    graph: undefined,
    people: {
      url: instagram.url,
      users: () =>
        instagram.admin.users().map((u) => ({
          id: String(u.id),
          username: String(u.username),
          name: String(u.full_name ?? ''),
          note: u.is_private ? 'private' : '',
        })),
      postMedia: (username, caption) => ({
        id: String(instagram.admin.postMedia(username, caption === undefined ? {} : { caption }).id),
        announced: true,
      }),
      issuedTokens: () => instagram.issuedTokens(),
    },
    discord,
    guild,
    // The guild's owner is the person, in a new world and in a restored one.
    personId: guild.ownerId,
    config: {
      ...config,
      dataDir,
      http: { ...config.http, publicUrl },
      discord: sandboxDiscordConfig(config, discord, guild),
      instagram: {
        ...config.instagram,
        apiUrl: instagram.url,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        mode: 'sandbox',
        webhookVerifyToken: config.instagram.webhookVerifyToken ?? randomBytes(16).toString('hex'),
      },
    },
    async close() {
      // Last, after igcord stopped (app.ts closes the sandbox last): everything it did is in the files.
      saver.close();
      await discord.close();
      await instagram.close();
    },
  };
}

/** The sandbox's guild, channels and person, made the first time. */
function newGuild(discord: DiscordFake): CreatedGuild {
  const person = discord.createUser({ username: 'you', globalName: 'You' });
  return discord.createGuild({
    name: SANDBOX_GUILD,
    ownerId: person.id,
    channels: SANDBOX_CHANNELS.map((name) => ({ name })),
    roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageWebhooks }],
    members: [{ userId: person.id, roles: ['admin'] }],
  });
}

/**
 * The sandbox guild of a restored world, named as createGuild names a new one; undefined if the world has none
 * the bot is in (then a new one is made). A sandbox channel deleted at the console is made again: the console
 * types in #general and the walk-through's feed goes to #instagram.
 */
function restoredGuild(discord: DiscordFake, world: DiscordSnapshot): CreatedGuild | undefined {
  const saved = world.guilds.find(
    (g) => g.name === SANDBOX_GUILD && g.members.some((m) => m.userId === world.applicationId),
  );
  if (!saved) return undefined;
  const channels: Record<string, string> = {};
  for (const id of saved.channelIds) {
    const channel = world.channels.find((c) => c.id === id);
    if (channel && channels[channel.name] === undefined) channels[channel.name] = channel.id;
  }
  for (const name of SANDBOX_CHANNELS) channels[name] ??= discord.createChannel(saved.id, { name });
  const roles = Object.fromEntries(discord.roles(saved.id).map((r) => [r.name, r.id]));
  return {
    guildId: saved.id,
    ownerId: saved.ownerId,
    everyoneRoleId: saved.id,
    botRoleId: saved.botRoleId,
    channels,
    roles,
  };
}

/**
 * The sandbox on the Graph emulator (INSTAGRAM_PROVIDER=graph): the seeded professional accounts, igcord's callback
 * registered as the app's redirect URI, and igcord given the app of its login and every host's base URL. The Graph
 * emulator keeps no world file: it is seeded afresh at each start (its ids are the seed's, its tokens new).
 */
async function startGraphSandbox(
  config: Config,
  log: Logger,
  at: { publicUrl: string; redirectUri: string; dataDir: string },
): Promise<Sandbox> {
  const graph = await startGraphEmulator({
    host: '127.0.0.1',
    seed: 'igcord',
    app: { redirectUris: [at.redirectUri] },
  });
  let discord: DiscordFake;
  try {
    const savedDiscord = readWorld(at.dataDir, DISCORD_WORLD, log);
    discord = await startDiscordFake({
      host: '127.0.0.1',
      logger: log.child({ component: 'discord-fake' }),
      redirectUris: [`${at.publicUrl}/link/discord-callback`],
      ...(savedDiscord ? { restore: savedDiscord } : {}),
    });
    const guild = (savedDiscord ? restoredGuild(discord, savedDiscord) : undefined) ?? newGuild(discord);
    const saver = saveWorlds(
      at.dataDir,
      [
        {
          name: DISCORD_WORLD.name,
          restored: savedDiscord ? JSON.stringify(discord.snapshot()) : undefined,
          take: () => discord.snapshot(),
        },
      ],
      log,
    );
    const app = graph.admin.app();
    const login = config.instagram.graph.login;
    log.info(
      { instagramGraph: graph.url, discord: discord.url, login },
      'sandbox: Instagram Graph emulator and Discord fake started',
    );
    return {
      instagram: undefined,
      graph,
      people: {
        url: graph.url,
        users: () =>
          graph.admin.accounts().map((a) => ({
            id: a.id,
            username: a.username,
            name: a.name,
            note: `${a.account_type.toLowerCase()}, ${a.login === 'both' ? 'both logins' : `${a.login} login`}`,
          })),
        postMedia: (username, caption) => ({
          id: graph.admin.postMedia(username, { type: 'image', ...(caption === undefined ? {} : { caption }) }).id,
          announced: false,
        }),
        issuedTokens: () => graph.issuedTokens(),
      },
      discord,
      guild,
      personId: guild.ownerId,
      config: {
        ...config,
        dataDir: at.dataDir,
        http: { ...config.http, publicUrl: at.publicUrl },
        discord: sandboxDiscordConfig(config, discord, guild),
        instagram: {
          ...config.instagram,
          apiUrl: graph.hosts.instagramApi,
          // Either app may sign a webhook (reference §1.7): the one igcord does not log in with is the other key.
          graph: {
            ...config.instagram.graph,
            hosts: { ...graph.hosts },
            webhookSecret: login === 'instagram' ? app.metaAppSecret : app.instagramAppSecret,
          },
          clientId: login === 'instagram' ? app.instagramAppId : app.metaAppId,
          clientSecret: login === 'instagram' ? app.instagramAppSecret : app.metaAppSecret,
          mode: 'sandbox',
          webhookVerifyToken: config.instagram.webhookVerifyToken ?? randomBytes(16).toString('hex'),
          // v1's subscriptions do not exist on Graph.
          syncSubscriptions: false,
        },
      },
      async close() {
        saver.close();
        await discord.close();
        await graph.close();
      },
    };
  } catch (error) {
    await graph.close();
    throw error;
  }
}

/** igcord's Discord configuration pointed at the fake. */
function sandboxDiscordConfig(config: Config, discord: DiscordFake, guild: CreatedGuild): Config['discord'] {
  return {
    ...config.discord,
    token: discord.botToken,
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    devGuildId: guild.guildId,
    clientSecret: discord.clientSecret,
    oauthUrl: discord.url,
    // The fake's application key signs interactions sent to igcord's endpoint (DISCORD_INTERACTIONS=http).
    publicKey: discord.publicKey,
  };
}
