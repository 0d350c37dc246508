// No loss and no duplicates across a crash: igcord runs as a child process in live mode against an Instagram
// emulator and a Discord fake that this test owns (so they outlive it), is killed with SIGKILL right after it
// acknowledged the notifications of five new posts — while Discord is slow, so some posts are mid-flight — and is
// started again. Every post must appear exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { silentLogger } from '../../src/log.js';
import { openStorage } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from '../support/secret-scan.js';
import { eventually } from '../support/feeds-igcord.js';

const START_WAIT_MS = 90_000;
const MESSAGE_WAIT_MS = 60_000;

describe('feed delivery across a SIGKILL', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  let child: ChildProcess | undefined;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-restart-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  let env: NodeJS.ProcessEnv;
  let channelId: string;
  let instagramUserId: string;

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    const owner = discord.createUser({ username: 'owner' });
    const guild = discord.createGuild({
      name: 'restart',
      ownerId: owner.id,
      channels: [{ name: 'posts' }],
      members: [{ userId: owner.id }],
    });
    channelId = guild.channels.posts!;
    const port = await freePort('127.0.0.1');
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'info',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      STORAGE_URL: `sqlite://${join(dataDir, 'igcord.sqlite')}`,
      TOKEN_ENCRYPTION_KEY: keyText,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      INSTAGRAM_MODE: 'sandbox',
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
    };

    // The feed as `/feed add` leaves it: the owner linked, the feed stored, the cursor at the newest media.
    const user = emulator.admin.users()[0]!;
    const minted = emulator.admin.mintToken({ username: String(user.username) });
    instagramUserId = String(minted.user.id);
    const [id, key] = keyText.split(':');
    const storage = await openStorage({
      url: env.STORAGE_URL,
      dataDir,
      keys: { current: { id: id!, key: Buffer.from(key!, 'base64') } },
      log: silentLogger(),
    });
    await storage.accounts.link({
      discordUserId: owner.id,
      instagramUserId,
      username: String(user.username),
      scopes: ['basic'],
      accessToken: minted.access_token,
    });
    await storage.feeds.add({
      guildId: guild.guildId,
      channelId,
      source: { kind: 'account', instagramUserId },
      ownerDiscordUserId: owner.id,
      ownerInstagramUserId: instagramUserId,
      createdBy: owner.id,
      delivery: { mode: 'message' },
    });
    const newest = (await (
      await fetch(`${emulator.url}/v1/users/self/media/recent?count=1&access_token=${minted.access_token}`)
    ).json()) as { data: Array<{ id: string; created_time: string }> };
    await storage.deliveries.advanceCursor(`account:${instagramUserId}`, {
      mediaId: newest.data[0]!.id,
      createdTime: Number(newest.data[0]!.created_time),
    });
    await storage.close();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await discord?.close();
    await emulator?.close();
    // Everything the child igcord printed, checked against every secret this run created.
    if (discord && emulator) {
      assertNoSecretLogged(
        output,
        [
          ...discordSecrets(discord.issuedTokens()),
          ...instagramSecrets(emulator.issuedTokens()),
          ...environmentSecrets(env),
        ],
        "igcord's output",
      );
    }
  });

  async function startChild(): Promise<ChildProcess> {
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      () => output.includes('Instagram real-time subscription checked') || started.exitCode !== null,
      'igcord to start',
      START_WAIT_MS,
    );
    if (started.exitCode !== null) throw new Error(`igcord exited at start:\n${output}`);
    return started;
  }

  // Three starts of a child igcord (tsx compiles the sources each time) and two kills: on a busy machine that is
  // minutes, not the suite's default. The bounds only stop a hang; every step waits for the event it needs.
  it(
    'delivers every post exactly once after being killed right after acknowledging the notifications and in the middle of a delivery',
    { timeout: 5 * 60_000 },
    async () => {
      child = await startChild();
      // Discord answers slowly, so the kill lands while posts are in flight (accepted by Discord, not yet recorded).
      discord.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, delayMs: 150, times: 5 });
      const captions = ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => `killed run ${k}`);
      const mediaIds = captions.map((caption) => {
        const answer = emulator.admin.postMedia(instagramUserId, { caption }) as { data?: { id: string }; id?: string };
        return answer.data?.id ?? answer.id!;
      });
      await eventually(
        () =>
          mediaIds.every((m) =>
            emulator.admin.notifications().some((n) => JSON.stringify(n.body).includes(m) && n.status === 200),
          ),
        'the notifications to be acknowledged',
        MESSAGE_WAIT_MS,
      );
      child.kill('SIGKILL');
      await once(child, 'exit');
      const beforeRestart = discord.messages(channelId).length;

      child = await startChild();
      const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
      for (const caption of captions) await discord.waitForMessage(channelId, withCaption(caption), MESSAGE_WAIT_MS);

      // Now a kill in the middle of a delivery: the first of three posts is out, the next is held by Discord.
      discord.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, delayMs: 300, times: 3 });
      const more = ['m1', 'm2', 'm3'].map((k) => `mid-delivery ${k}`);
      for (const caption of more) emulator.admin.postMedia(instagramUserId, { caption });
      await discord.waitForMessage(channelId, withCaption(more[0]!), MESSAGE_WAIT_MS);
      child.kill('SIGKILL');
      await once(child, 'exit');
      child = await startChild();
      for (const caption of more) await discord.waitForMessage(channelId, withCaption(caption), MESSAGE_WAIT_MS);
      child.kill('SIGTERM');
      await once(child, 'exit');

      const posted = discord.messages(channelId).map((m) => m.embeds[0]?.description);
      expect(posted).toEqual([...captions, ...more]);
      expect(beforeRestart).toBeLessThanOrEqual(5);
      expect(output).not.toContain(env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
