// No loss and no repeat across a crash for feeds of another account (Business Discovery) and of a hashtag, on the
// Graph provider with Facebook Login: igcord runs as a child process in live mode against a Graph emulator and a
// Discord fake this test owns, polling both sources. It is killed with SIGKILL in the middle of a delivery, twice,
// and started again. Every post must appear exactly once in its channel; hashtag posts stay listed for 24 h, so
// every restarted poll reads the earlier ones again (the seen-set and the delivery records both keep them out).
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

describe('other-account and hashtag feeds on Graph across a SIGKILL', () => {
  let graph: GraphEmulator;
  let discord: DiscordFake;
  let child: ChildProcess | undefined;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-graph-restart-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  let env: NodeJS.ProcessEnv;
  let channelId: string;
  let tagChannelId: string;

  beforeAll(async () => {
    graph = await startGraphEmulator({ host: '127.0.0.1', seed: 'igcord' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    const owner = discord.createUser({ username: 'owner' });
    const guild = discord.createGuild({
      name: 'restart',
      ownerId: owner.id,
      channels: [{ name: 'posts' }, { name: 'tagged' }],
      members: [{ userId: owner.id }],
    });
    channelId = guild.channels.posts!;
    tagChannelId = guild.channels.tagged!;
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
      INSTAGRAM_GRAPH_LOGIN: 'facebook',
      INSTAGRAM_CLIENT_ID: app.metaAppId,
      INSTAGRAM_CLIENT_SECRET: app.metaAppSecret,
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

    // The feeds as `/feed add-account account:harbor.cafe` (confirmed) and `/feed add-tag` leave them: the owner
    // linked with a Page token, the feeds stored, the cursors at the sources' newest moment.
    const studio = graph.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const harbor = graph.admin.accounts().find((a) => a.username === 'harbor.cafe')!;
    const minted = graph.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' });
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
      scopes: [],
      accessToken: minted.access_token,
    });
    const feed = {
      guildId: guild.guildId,
      ownerDiscordUserId: owner.id,
      ownerInstagramUserId: studio.id,
      createdBy: owner.id,
      delivery: { mode: 'message' as const },
    };
    await storage.feeds.add({
      ...feed,
      channelId,
      source: { kind: 'account', instagramUserId: harbor.id },
      consent: { discordUserId: owner.id, at: Date.now(), username: 'harbor.cafe' },
    });
    await storage.feeds.add({ ...feed, channelId: tagChannelId, source: { kind: 'tag', name: 'tidepool' } });
    const nowSeconds = Math.floor(graph.admin.now() / 1000) - 1;
    await storage.deliveries.advanceCursor(`account:${harbor.id}`, { mediaId: '0', createdTime: nowSeconds });
    await storage.deliveries.advanceCursor('tag:tidepool', {
      mediaId: '0',
      createdTime: 0,
      minTagId: `from:${nowSeconds}`,
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

  const withCaption = (caption: string) => (m: APIMessage) =>
    m.embeds.some((e) => e.description === caption || e.description === `${caption} #tidepool`);

  it(
    'delivers every post of both feeds exactly once after being killed in the middle of a delivery, twice',
    { timeout: 6 * 60_000 },
    async () => {
      child = await startChild();
      const rounds = [
        ['k1', 'k2', 'k3', 'k4'],
        ['m1', 'm2', 'm3'],
      ];
      for (const round of rounds) {
        // Discord answers slowly, so the kill lands while posts are in flight (accepted, not yet recorded).
        for (const channel of [channelId, tagChannelId])
          discord.injectFault({
            method: 'POST',
            path: `/channels/${channel}/messages`,
            delayMs: 300,
            times: round.length,
          });
        for (const k of round) {
          graph.admin.postMedia('harbor.cafe', { caption: `harbor ${k}` });
          graph.admin.postMedia('north.trails', { caption: `pool ${k} #tidepool` });
        }
        await discord.waitForMessage(channelId, withCaption(`harbor ${round[0]!}`), MESSAGE_WAIT_MS);
        child.kill('SIGKILL');
        await once(child, 'exit');
        child = await startChild();
        for (const k of round) {
          await discord.waitForMessage(channelId, withCaption(`harbor ${k}`), MESSAGE_WAIT_MS);
          await discord.waitForMessage(tagChannelId, withCaption(`pool ${k}`), MESSAGE_WAIT_MS);
        }
      }
      // More polls of the hashtag, which still lists every post (a run's posts are out before its next read starts):
      // nothing is posted again.
      const recentReads = () => graph.admin.requests().filter((r) => r.route === 'GET /{hashtag}/recent_media').length;
      const reads = recentReads();
      await eventually(() => recentReads() >= reads + 3, 'three more polls of the hashtag', MESSAGE_WAIT_MS);
      child.kill('SIGTERM');
      await once(child, 'exit');

      const all = rounds.flat();
      expect(discord.messages(channelId).map((m) => m.embeds[0]?.description)).toEqual(all.map((k) => `harbor ${k}`));
      const tagged = discord.messages(tagChannelId).map((m) => m.embeds[0]?.description);
      expect([...tagged].sort()).toEqual(all.map((k) => `pool ${k} #tidepool`).sort());
      expect(output).not.toContain(env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
