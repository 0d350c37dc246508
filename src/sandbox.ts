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
import { parseSnapshot as parseDiscordWorld, startDiscordFake, type CreatedGuild, type DiscordFake, type DiscordSnapshot } from '../sandbox/discord/index.js';
import { parseSnapshot as parseInstagramWorld, startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../sandbox/instagram/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { readWorld, saveWorlds } from './sandbox-worlds.js';

export interface Sandbox {
  config: Config;
  instagram: InstagramEmulator;
  discord: DiscordFake;
  guild: CreatedGuild;
  /** The Discord user a person at the sandbox console acts as (owner of the guild, Manage Server). */
  personId: string;
  close(): Promise<void>;
}

const SANDBOX_GUILD = 'igcord sandbox';
const SANDBOX_CHANNELS = ['general', 'instagram'];
const INSTAGRAM_WORLD = { name: 'instagram-world.json', parse: parseInstagramWorld };
const DISCORD_WORLD = { name: 'discord-world.json', parse: parseDiscordWorld };

export async function startSandbox(config: Config, log: Logger): Promise<Sandbox> {
  const publicUrl = config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
  const redirectUri = `${publicUrl}/oauth/callback`;
  const dataDir = join(config.dataDir, 'sandbox');
  const savedInstagram = readWorld(dataDir, INSTAGRAM_WORLD, log);
  const savedDiscord = readWorld(dataDir, DISCORD_WORLD, log);
  const instagram = await startInstagramEmulator({
    host: '127.0.0.1',
    windowMs: config.limits.windowMs,
    clients: [{ ...SANDBOX_CLIENT, redirectUris: [...new Set([redirectUri, ...SANDBOX_CLIENT.redirectUris])] }],
    // A subscription to an earlier run's address (another port) would only send notifications nowhere; igcord
    // subscribes its current address once it listens.
    ...(savedInstagram ? { restore: { ...savedInstagram, subscriptions: savedInstagram.subscriptions.filter((s) => s.callbackUrl.startsWith(`${publicUrl}/`)) } } : {}),
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
  const saver = saveWorlds(dataDir, [
    { name: INSTAGRAM_WORLD.name, restored: asRestored.instagram, take: () => instagram.snapshot() },
    { name: DISCORD_WORLD.name, restored: asRestored.discord, take: () => discord.snapshot() },
  ], log);
  log.info(
    { dataDir, instagramWorld: savedInstagram ? 'restored' : 'seeded', discordWorld: restored ? 'restored' : 'new' },
    'sandbox: worlds loaded; changes are saved within a second and at shutdown',
  );
  log.info({ instagram: instagram.url, discord: discord.url }, 'sandbox: Instagram emulator and Discord fake started');
  if (!/^(127\.|::1$|localhost$)/.test(config.http.host)) {
    log.warn({ host: config.http.host }, 'sandbox: HTTP_HOST is not loopback, so igcord\'s sandbox HTTP server is reachable from the network');
  }

  return {
    instagram,
    discord,
    guild,
    // The guild's owner is the person, in a new world and in a restored one.
    personId: guild.ownerId,
    config: {
      ...config,
      dataDir,
      http: { ...config.http, publicUrl },
      discord: {
        ...config.discord,
        token: discord.botToken,
        applicationId: discord.applicationId,
        apiUrl: discord.apiUrl,
        devGuildId: guild.guildId,
        clientSecret: discord.clientSecret,
        oauthUrl: discord.url,
        // The fake's application key signs interactions sent to igcord's endpoint (DISCORD_INTERACTIONS=http).
        publicKey: discord.publicKey,
      },
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
  const saved = world.guilds.find((g) => g.name === SANDBOX_GUILD && g.members.some((m) => m.userId === world.applicationId));
  if (!saved) return undefined;
  const channels: Record<string, string> = {};
  for (const id of saved.channelIds) {
    const channel = world.channels.find((c) => c.id === id);
    if (channel && channels[channel.name] === undefined) channels[channel.name] = channel.id;
  }
  for (const name of SANDBOX_CHANNELS) channels[name] ??= discord.createChannel(saved.id, { name });
  const roles = Object.fromEntries(discord.roles(saved.id).map((r) => [r.name, r.id]));
  return { guildId: saved.id, ownerId: saved.ownerId, everyoneRoleId: saved.id, botRoleId: saved.botRoleId, channels, roles };
}
