// The harness of the Graph crash tests: igcord runs as a child process in live mode (`node --import tsx
// src/main.ts`) against a Graph emulator and a Discord fake that the test owns, so they outlive every kill. The test
// sets the feeds up in the child's storage before its first start (as `/feed add-…` leaves them), then kills it
// with SIGKILL in the middle of a delivery — the first new item out, the next held by a slow Discord — and starts it
// again (`killMidDelivery`). Closing it stops the child and checks its whole output against every secret of the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startGraphEmulator, type GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import { silentLogger } from '../../src/log.js';
import { openStorage, type Feed, type FeedSource, type Storage } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';
import { eventually } from './eventually.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from './secret-scan.js';

const START_WAIT_MS = 90_000;
/** A restarted igcord spreads its first polls over 30 s, then polls every 5 s (the shortest interval allowed). */
export const MESSAGE_WAIT_MS = 90_000;
/** How long a crash test may run: two rounds of a kill and a restart on a busy machine. */
export const RESTART_TEST_MS = 6 * 60_000;

export interface GraphRestartOptions {
  /** The Graph login the child runs with; Facebook Login links the owner with a Page token. */
  login?: 'instagram' | 'facebook';
  /** The guild's text channels, by name. */
  channels: string[];
}

/** What a set-up before the first start gets: the child's storage, the owner linked as `igcord.studio`. */
export interface RestartSetUp {
  storage: Storage;
  studioId: string;
  addFeed(channel: string, source: FeedSource, consent?: Feed['consent']): Promise<Feed>;
}

export interface KillRound {
  /** Channel names whose posts Discord answers slowly, and how many of them. */
  slow: Record<string, number>;
  /** Makes the round's new items on the emulator. */
  make(): void;
  /** The item whose message means the child is mid-delivery: killed then. */
  first: [channel: string, predicate: (m: APIMessage) => boolean];
  /** Every item the round must end with, waited for after the restart. */
  expected: Array<[channel: string, predicate: (m: APIMessage) => boolean]>;
}

export interface GraphRestartIgcord {
  graph: GraphEmulator;
  discord: DiscordFake;
  ownerId: string;
  /** Channel ids by name. */
  channels: Record<string, string>;
  env: NodeJS.ProcessEnv;
  output(): string;
  setUp(fn: (setUp: RestartSetUp) => Promise<void>): Promise<void>;
  start(): Promise<void>;
  killMidDelivery(round: KillRound): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startGraphRestartIgcord(options: GraphRestartOptions): Promise<GraphRestartIgcord> {
  const login = options.login ?? 'instagram';
  const graph = await startGraphEmulator({ host: '127.0.0.1', seed: 'igcord' });
  const discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
  const owner = discord.createUser({ username: 'owner' });
  const guild = discord.createGuild({
    name: 'restart',
    ownerId: owner.id,
    channels: options.channels.map((name) => ({ name })),
    members: [{ userId: owner.id }],
  });
  const channels = Object.fromEntries(options.channels.map((name) => [name, guild.channels[name]!]));
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-graph-restart-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  const port = await freePort('127.0.0.1');
  const app = graph.admin.app();
  const env: NodeJS.ProcessEnv = {
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
    ...(login === 'facebook'
      ? {
          INSTAGRAM_GRAPH_LOGIN: 'facebook',
          INSTAGRAM_CLIENT_ID: app.metaAppId,
          INSTAGRAM_CLIENT_SECRET: app.metaAppSecret,
        }
      : { INSTAGRAM_CLIENT_ID: app.instagramAppId, INSTAGRAM_CLIENT_SECRET: app.instagramAppSecret }),
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
  let output = '';
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const from = output.length;
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await eventually(
      () => output.slice(from).includes('feed delivery started') || started.exitCode !== null,
      'igcord to start',
      START_WAIT_MS,
    );
    if (started.exitCode !== null) throw new Error(`igcord exited at start:\n${output}`);
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(name);
    await exited;
  }

  return {
    graph,
    discord,
    ownerId: owner.id,
    channels,
    env,
    output: () => output,
    async setUp(fn) {
      const studio = graph.admin.accounts().find((a) => a.username === 'igcord.studio')!;
      const minted =
        login === 'facebook'
          ? graph.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' })
          : graph.admin.mintToken({ account: 'igcord.studio' });
      const [id, key] = keyText.split(':');
      const storage = await openStorage({
        url: env.STORAGE_URL,
        dataDir,
        keys: { current: { id: id!, key: Buffer.from(key!, 'base64') } },
        log: silentLogger(),
      });
      try {
        await storage.accounts.link({
          discordUserId: owner.id,
          instagramUserId: studio.id,
          username: 'igcord.studio',
          scopes: login === 'facebook' ? [] : ['instagram_business_basic'],
          accessToken: minted.access_token,
        });
        await fn({
          storage,
          studioId: studio.id,
          addFeed: (channel, source, consent) =>
            storage.feeds.add({
              guildId: guild.guildId,
              channelId: channels[channel]!,
              source,
              ownerDiscordUserId: owner.id,
              ownerInstagramUserId: studio.id,
              createdBy: owner.id,
              delivery: { mode: 'message' },
              ...(consent !== undefined ? { consent } : {}),
            }),
        });
      } finally {
        await storage.close();
      }
    },
    start,
    async killMidDelivery(round) {
      // Discord answers slowly, so the kill lands while items are in flight (accepted, not yet recorded).
      for (const [channel, times] of Object.entries(round.slow))
        discord.injectFault({ method: 'POST', path: `/channels/${channels[channel]!}/messages`, delayMs: 300, times });
      round.make();
      await discord.waitForMessage(channels[round.first[0]]!, round.first[1], MESSAGE_WAIT_MS);
      await signal('SIGKILL');
      await start();
      for (const [channel, predicate] of round.expected)
        await discord.waitForMessage(channels[channel]!, predicate, MESSAGE_WAIT_MS);
    },
    stop: () => signal('SIGTERM'),
    async close() {
      await signal('SIGKILL');
      await discord.close();
      await graph.close();
      assertNoSecretLogged(
        output,
        [
          ...discordSecrets(discord.issuedTokens()),
          ...instagramSecrets(graph.issuedTokens()),
          ...environmentSecrets(env),
        ],
        "igcord's output",
      );
    },
  };
}
