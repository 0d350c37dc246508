// No loss and no duplicates across a crash for the comments feed on the Graph provider (the twin of
// graph-feeds-restart.test.ts): igcord runs as a child process in live mode against a Graph emulator and a Discord
// fake that this test owns (so they outlive it), polling the comments on the linked account's posts (no webhook is
// subscribed here: polling alone must deliver). It is killed with SIGKILL in the middle of a delivery — the first
// new comment out, the next held by a slow Discord — and started again, twice. Every comment must appear exactly
// once, in order, each with its moderation buttons.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startGraphEmulator, type GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import { silentLogger } from '../../src/log.js';
import { openStorage } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from '../support/secret-scan.js';
import { eventually } from '../support/eventually.js';

const START_WAIT_MS = 90_000;
// A restarted igcord spreads its first polls over 30 s, then polls every 5 s (the shortest interval allowed).
const MESSAGE_WAIT_MS = 90_000;

describe('the comments feed on Graph across a SIGKILL', () => {
  let graph: GraphEmulator;
  let discord: DiscordFake;
  let child: ChildProcess | undefined;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-graph-comments-restart-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  let env: NodeJS.ProcessEnv;
  let channelId: string;
  let mediaId: string;

  beforeAll(async () => {
    graph = await startGraphEmulator({ host: '127.0.0.1', seed: 'igcord' });
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
    const app = graph.admin.app();
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
      INSTAGRAM_PROVIDER: 'graph',
      INSTAGRAM_CLIENT_ID: app.instagramAppId,
      INSTAGRAM_CLIENT_SECRET: app.instagramAppSecret,
      INSTAGRAM_API_URL: graph.hosts.instagramApi,
      INSTAGRAM_GRAPH_URL: graph.hosts.instagramGraph,
      INSTAGRAM_WWW_URL: graph.hosts.instagramWww,
      FACEBOOK_GRAPH_URL: graph.hosts.facebookGraph,
      FACEBOOK_WWW_URL: graph.hosts.facebookWww,
      // A budget large enough that polls run at the shortest interval (5 s).
      RATE_LIMIT_GLOBAL: '1000000',
      FEEDS_MIN_POLL_MS: '5000',
      FEEDS_MAX_POLL_MS: '60000',
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
    };

    // The feed as `/feed add-account` leaves it: the owner linked, the feed stored, the cursor at the newest post.
    const studio = graph.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const minted = graph.admin.mintToken({ account: 'igcord.studio' });
    const [id, key] = keyText.split(':');
    const storage = await openStorage({
      url: env.STORAGE_URL,
      dataDir,
      keys: { current: { id: id!, key: Buffer.from(key!, 'base64') } },
      log: silentLogger(),
    });
    await storage.accounts.link({
      discordUserId: owner.id,
      instagramUserId: studio.id,
      username: 'igcord.studio',
      scopes: ['instagram_business_basic'],
      accessToken: minted.access_token,
    });
    await storage.feeds.add({
      guildId: guild.guildId,
      channelId,
      source: { kind: 'comments', instagramUserId: studio.id },
      ownerDiscordUserId: owner.id,
      ownerInstagramUserId: studio.id,
      createdBy: owner.id,
      delivery: { mode: 'message' },
    });
    // The feed starts now, as `/feed add-comments` leaves it: the seeded comments are older, the new ones newer.
    mediaId = graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Comment here' }).id;
    await storage.deliveries.advanceCursor(`comments:${studio.id}`, {
      mediaId: '0',
      createdTime: Math.floor(graph.admin.now() / 1000),
    });
    await storage.close();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await discord?.close();
    await graph?.close();
    if (discord && graph) {
      assertNoSecretLogged(
        output,
        [
          ...discordSecrets(discord.issuedTokens()),
          ...instagramSecrets(graph.issuedTokens()),
          ...environmentSecrets(env),
        ],
        "igcord's output",
      );
    }
  });

  async function startChild(): Promise<ChildProcess> {
    const from = output.length;
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      () => output.slice(from).includes('feed delivery started') || started.exitCode !== null,
      'igcord to start',
      START_WAIT_MS,
    );
    if (started.exitCode !== null) throw new Error(`igcord exited at start:\n${output}`);
    return started;
  }

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const post = (text: string) => graph.admin.postComment({ mediaId, from: 'visitor.one', text });

  it(
    'delivers every comment exactly once after being killed in the middle of a delivery, twice',
    { timeout: 6 * 60_000 },
    async () => {
      child = await startChild();
      const rounds = [
        ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => `killed run ${k}`),
        ['m1', 'm2', 'm3'].map((k) => `mid-delivery ${k}`),
      ];
      for (const captions of rounds) {
        // Discord answers slowly, so the kill lands while posts are in flight (accepted, not yet recorded).
        discord.injectFault({
          method: 'POST',
          path: `/channels/${channelId}/messages`,
          delayMs: 300,
          times: captions.length,
        });
        for (const caption of captions) post(caption);
        await discord.waitForMessage(channelId, withCaption(captions[0]!), MESSAGE_WAIT_MS);
        child.kill('SIGKILL');
        await once(child, 'exit');
        child = await startChild();
        for (const caption of captions) await discord.waitForMessage(channelId, withCaption(caption), MESSAGE_WAIT_MS);
      }
      child.kill('SIGTERM');
      await once(child, 'exit');

      const posted = discord.messages(channelId).map((m) => m.embeds[0]?.description);
      expect(posted).toEqual(rounds.flat());
      for (const m of discord.messages(channelId))
        expect(JSON.stringify(m.components ?? [])).toMatch(/"custom_id":"cmod:hide:\d+:\d+"/);
      expect(output).not.toContain(env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
