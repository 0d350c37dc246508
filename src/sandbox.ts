// The local sandbox that `npm start` runs when no credentials are configured: igcord's Instagram emulator and
// Discord fake on loopback, a guild with a person in it, and OAuth2 clients on both whose redirect URIs are
// igcord's own callbacks (Instagram's, and the link page's Discord callback). The returned config is the real one with the fakes' addresses and credentials filled in, so
// everything downstream runs the same code as in production.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { startDiscordFake, type CreatedGuild, type DiscordFake } from '../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../sandbox/instagram/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

export interface Sandbox {
  config: Config;
  instagram: InstagramEmulator;
  discord: DiscordFake;
  guild: CreatedGuild;
  /** The Discord user a person at the sandbox console acts as (owner of the guild, Manage Server). */
  personId: string;
  close(): Promise<void>;
}

export async function startSandbox(config: Config, log: Logger): Promise<Sandbox> {
  const publicUrl = config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
  const redirectUri = `${publicUrl}/oauth/callback`;
  const instagram = await startInstagramEmulator({
    host: '127.0.0.1',
    windowMs: config.limits.windowMs,
    clients: [{ ...SANDBOX_CLIENT, redirectUris: [...new Set([redirectUri, ...SANDBOX_CLIENT.redirectUris])] }],
  });
  let discord: DiscordFake;
  try {
    // igcord's link page asks the fake's OAuth2 who opened a link: its redirect URI is registered there.
    discord = await startDiscordFake({ host: '127.0.0.1', logger: log.child({ component: 'discord-fake' }), redirectUris: [`${publicUrl}/link/discord-callback`] });
  } catch (error) {
    await instagram.close();
    throw error;
  }
  const person = discord.createUser({ username: 'you', globalName: 'You' });
  const guild = discord.createGuild({
    name: 'igcord sandbox',
    ownerId: person.id,
    channels: [{ name: 'general' }, { name: 'instagram' }],
    roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageWebhooks }],
    members: [{ userId: person.id, roles: ['admin'] }],
  });
  log.info({ instagram: instagram.url, discord: discord.url }, 'sandbox: Instagram emulator and Discord fake started');
  if (!/^(127\.|::1$|localhost$)/.test(config.http.host)) {
    log.warn({ host: config.http.host }, 'sandbox: HTTP_HOST is not loopback, so igcord\'s sandbox HTTP server is reachable from the network');
  }

  return {
    instagram,
    discord,
    guild,
    personId: person.id,
    config: {
      ...config,
      dataDir: join(config.dataDir, 'sandbox'),
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
      await discord.close();
      await instagram.close();
    },
  };
}
