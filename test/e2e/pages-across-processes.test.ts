// Page sessions across processes (docs/decisions/0022): two igcord instances of one bot on one Redis, each with
// its own storage, both answering interactions over HTTP (the Discord fake signs and POSTs them). `/media liked`
// is answered by the first; its Next button is then delivered to the second, which must show the right page —
// from the session the first shared in Redis, since it never saw the command. With DISCORD_STATE_STORE=memory the
// second could only say "These pages have expired".
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed, APIMessage } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { INTERACTIONS_PATH } from '../../src/http/interactions-endpoint.js';
import { silentLogger } from '../../src/log.js';
import { freePort } from '../../src/util/free-port.js';
import { eventually } from '../support/feeds-igcord.js';

type Button = { custom_id?: string; label?: string };
const buttons = (message: Pick<APIMessage, 'components'>): Button[] =>
  ((message.components ?? []) as { components?: Button[] }[]).flatMap((row) => row.components ?? []);

describe('page sessions shared by two igcord processes', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  const instances: Igcord[] = [];
  let ownerId: string;
  let channelId: string;
  let liked: { link: string }[];

  async function startInstance(): Promise<Igcord> {
    const port = await freePort('127.0.0.1');
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'igcord-pages-')),
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TOKEN_ENCRYPTION_KEY: `t1:${randomBytes(32).toString('base64')}`,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      DISCORD_INTERACTIONS: 'http',
      DISCORD_PUBLIC_KEY: discord.publicKey,
      REDIS_URL: 'redis://127.0.0.1:6379',
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      INSTAGRAM_MODE: 'sandbox',
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
      SUBSCRIPTIONS_SYNC: 'false',
    });
    // One igcord per bot token is still the rule of a live install (docs/decisions/0007) until roles lift it; its
    // lock file lives in the OS temp directory, so each instance here is given its own.
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'igcord-pages-lock-'));
    let app: Igcord;
    try {
      app = await startIgcord(config, silentLogger(), {
        discordClientOptions: {
          rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
          waitGuildTimeout: 200,
        },
      });
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
    instances.push(app);
    // The same person linked in each instance's storage (each has its own; the page session is what is shared).
    const user = emulator.admin.users()[0]!;
    const minted = emulator.admin.mintToken({ username: String(user.username) });
    await app.storage.accounts.link({
      discordUserId: ownerId,
      instagramUserId: String(minted.user.id),
      username: String(user.username),
      scopes: app.config.instagram.scopes,
      accessToken: minted.access_token,
    });
    return app;
  }

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    // A fresh application id per run: the instances' Redis keys are the application's.
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    ownerId = discord.createUser({ username: `owner-${randomUUID().slice(0, 8)}` }).id;
    const guild = discord.createGuild({
      name: 'pages',
      ownerId,
      channels: [{ name: 'general' }],
      members: [{ userId: ownerId }],
    });
    channelId = guild.channels.general!;
    await startInstance();
    await startInstance();
    await deployCommands({
      token: discord.botToken,
      applicationId: discord.applicationId,
      guildId: guild.guildId,
      apiUrl: discord.apiUrl,
      definitions: [...instances[0]!.bot.commands.definitions],
      log: silentLogger(),
    });
    const user = emulator.admin.users()[0]!;
    const token = emulator.admin.mintToken({ username: String(user.username) }).access_token;
    const answer = await fetch(`${emulator.url}/v1/users/self/media/liked?count=20&access_token=${token}`);
    liked = ((await answer.json()) as { data: { link: string }[] }).data;
  }, 120_000);

  afterAll(async () => {
    for (const app of instances.splice(0).reverse()) await app.close();
    await discord?.close();
    await emulator?.close();
  });

  it('shows the next page when the Next button of a list answered by one process reaches the other', async () => {
    expect(liked.length).toBeGreaterThan(1);
    const [first, second] = instances;
    await discord.setInteractionsEndpoint(`${first!.http.url}${INTERACTIONS_PATH}`);
    const command = discord.sendCommand({ channelId, userId: ownerId, name: 'media', subcommand: 'liked' });
    const reply = await command.waitForReply((m) => JSON.stringify(m.components ?? []).includes('page:'));
    expect(reply.content).toMatch(/^Your liked posts · post 1( of \d+)?$/);
    // The first process holds the session (and shares it) once its reply is out.
    await eventually(() => first!.bot.paginator.openSessions === 1 || undefined, 'the session to open');

    await discord.setInteractionsEndpoint(`${second!.http.url}${INTERACTIONS_PATH}`);
    const next = buttons(reply).find((b) => b.label === 'Next ▶')!.custom_id!;
    const press = discord.pressButton({ messageId: reply.id, customId: next, userId: ownerId });
    const updated = (await press.firstResponse()) as { data: Pick<APIMessage, 'content' | 'embeds'> };
    expect(updated.data.content).toMatch(/^Your liked posts · post 2( of \d+)?$/);
    expect((updated.data.embeds as APIEmbed[])[0]!.url).toBe(liked[1]!.link);
    // The second process answered it without holding the session itself.
    expect(second!.bot.paginator.openSessions).toBe(0);
    const delivered = await discord.waitForDelivery(press.id);
    expect(delivered).toMatchObject({ status: 200 });
  });
});
