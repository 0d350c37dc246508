// `npm run bench -- scale`: igcord past one process (docs/decisions/0020), measured as it runs: one edge and 1, then
// 2, then 3 worker processes (real `src/main.ts` children) on one Redis and a fresh PostgreSQL database, against
// the v1 emulator and the Discord fake in HTTP-interactions mode. For each worker count, a burst of new posts on
// every source (each notified to the edge, which promotes the source's job) and of `/ping` commands to the edge:
// deliveries per second from the first post to the last message, and each command's first response p99, with
// the ratios to one worker. Each process runs at most BENCH_SCALE_CONCURRENCY (default 2) sources at once, so
// the worker count is what bounds the throughput, not one process's concurrency. Afterwards every post is
// counted in the channel: lost and duplicated. Then the limiter's costs: the shared (Redis) admission and the
// in-process limiter's added cost per call (bench/limiter.ts parts (e) and (a)).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { BenchRow } from './index.js';
import { limiterParts } from './limiter.js';
import { startDiscordFake, type InteractionHandle } from '../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT } from '../sandbox/instagram/index.js';
import { loadCommands } from '../src/discord/loader.js';
import { silentLogger } from '../src/log.js';
import { openStorage } from '../src/storage/index.js';
import { freePort } from '../src/util/free-port.js';
import { startChild, TSX_IMPORT, type Child } from '../test/support/child-process.js';
import { eventually } from '../test/support/eventually.js';

const BENCH = 'scale';
const SOURCES = 10;
const POSTS_PER_SOURCE = 6;
const COMMANDS = 40;
const HOUR = 3_600_000;
const WAIT_MS = 120_000;
const CONCURRENCY = process.env.BENCH_SCALE_CONCURRENCY ?? '2';

const pg = createRequire(import.meta.url)('pg') as {
  Client: new (c: { connectionString: string }) => {
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
  };
};
async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

interface Phase {
  workers: number;
  perSecond: number;
  p99Ms: number;
  late: number;
}

async function fleet(): Promise<{ phases: Phase[]; lost: number; duplicated: number }> {
  const suffix = randomBytes(5).toString('hex');
  const database = `igcord_bench_scale_${suffix}`;
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-bench-scale-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  await pgAdmin(`CREATE DATABASE ${database}`);
  const emulator = await startInstagramEmulator({ host: '127.0.0.1' });
  // Answers later than Discord's 3 s are counted (late), not dropped, so that the p99 covers every command.
  const discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger(), acknowledgeTimeoutMs: 30_000 });
  const children: Child[] = [];
  try {
    const personId = discord.createUser({ username: 'owner' }).id;
    const guild = discord.createGuild({
      name: 'bench',
      ownerId: personId,
      channels: [{ name: 'posts' }],
      members: [{ userId: personId }],
    });
    const channelId = guild.channels.posts!;
    const admins = discord.createRole(guild.guildId, { name: 'admins', permissions: PermissionFlagsBits.ManageGuild });
    const env: Record<string, string> = {
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      STORAGE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `igcord-bench-scale-${suffix}`,
      FEEDS_MIN_POLL_MS: String(HOUR),
      FEEDS_MAX_POLL_MS: String(HOUR),
      FEEDS_CONCURRENCY: CONCURRENCY,
      TOKEN_ENCRYPTION_KEY: keyText,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      DISCORD_INTERACTIONS: 'http',
      DISCORD_PUBLIC_KEY: discord.publicKey,
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      INSTAGRAM_MODE: 'sandbox',
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
    };
    const [id, key] = keyText.split(':');
    const storage = await openStorage({
      url: env.STORAGE_URL!,
      dataDir: cwd,
      keys: { current: { id: id!, key: Buffer.from(key!, 'base64') } },
      log: silentLogger(),
    });
    const owners: string[] = [];
    for (const user of emulator.admin.users().slice(0, SOURCES)) {
      const minted = emulator.admin.mintToken({ username: String(user.username) });
      const instagramUserId = String(minted.user.id);
      const discordUserId = discord.createUser({ username: `owner-${instagramUserId}` }).id;
      discord.addMember(guild.guildId, discordUserId, { roles: [admins] });
      await storage.accounts.link({
        discordUserId,
        instagramUserId,
        username: String(user.username),
        scopes: ['basic', 'public_content'],
        accessToken: minted.access_token,
      });
      await storage.feeds.add({
        guildId: guild.guildId,
        channelId,
        source: { kind: 'account', instagramUserId },
        ownerDiscordUserId: discordUserId,
        ownerInstagramUserId: instagramUserId,
        createdBy: discordUserId,
        delivery: { mode: 'message' },
      });
      const newest = (await (
        await fetch(`${emulator.url}/v1/users/self/media/recent?count=1&access_token=${minted.access_token}`)
      ).json()) as { data: Array<{ id: string; created_time: string }> };
      if (newest.data[0] !== undefined) {
        await storage.deliveries.advanceCursor(`account:${instagramUserId}`, {
          mediaId: newest.data[0].id,
          createdTime: Number(newest.data[0].created_time),
        });
      }
      owners.push(instagramUserId);
    }
    await storage.close();
    await new REST({ api: discord.apiUrl })
      .setToken(discord.botToken)
      .put(Routes.applicationGuildCommands(discord.applicationId, guild.guildId), {
        body: (await loadCommands()).definitions,
      });

    const start = async (role: 'edge' | 'worker'): Promise<string> => {
      const port = await freePort('127.0.0.1');
      const url = `http://127.0.0.1:${port}`;
      const child = startChild(process.execPath, [...TSX_IMPORT, join(process.cwd(), 'src/main.ts')], {
        cwd,
        env: { ...env, IGCORD_ROLE: role, HTTP_PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'info' },
        killAfterMs: 10 * 60_000,
      });
      children.push(child);
      await child.waitForStdout(/"msg":"igcord started"/);
      return url;
    };
    const edge = await start('edge');
    await discord.setInteractionsEndpoint(`${edge}/interactions`);
    const captions = () => discord.messages(channelId).map((m) => m.embeds[0]?.description ?? '');
    const expected: string[] = [];
    const phases: Phase[] = [];
    for (let workers = 1; workers <= 3; workers++) {
      await start('worker');
      // Each source's first poll (one read, never a post) is over before the burst.
      await eventually(
        () => children.slice(1).every((c) => c.stdout().includes('feed delivery started on the job queue')),
        'the workers to start',
        WAIT_MS,
      );
      const round = owners.flatMap((o, i) =>
        Array.from({ length: POSTS_PER_SOURCE }, (_, n) => `w${workers} s${i} p${n}`),
      );
      expected.push(...round);
      const started = performance.now();
      const handles: Array<{ handle: InteractionHandle; sentAt: number }> = [];
      for (let n = 0; n < POSTS_PER_SOURCE; n++) {
        owners.forEach((o, i) => emulator.admin.postMedia(o, { caption: `w${workers} s${i} p${n}` }));
        for (let c = 0; c < COMMANDS / POSTS_PER_SOURCE; c++) {
          handles.push({
            handle: discord.sendCommand({ guildId: guild.guildId, channelId, userId: personId, name: 'ping' }),
            sentAt: Date.now(),
          });
        }
      }
      await eventually(
        () => {
          const seen = new Set(captions());
          return round.every((c) => seen.has(c));
        },
        `the posts with ${workers} worker(s)`,
        WAIT_MS,
      );
      const seconds = (performance.now() - started) / 1000;
      const answers = await Promise.all(
        handles.map((h) =>
          h.handle.firstResponse().then(
            (r) => r.at - h.sentAt,
            () => undefined,
          ),
        ),
      );
      const firsts = answers.filter((a) => a !== undefined);
      const late = firsts.filter((a) => a > 3_000).length + answers.length - firsts.length;
      const phase = { workers, perSecond: round.length / seconds, p99Ms: percentile(firsts, 99), late };
      console.log(
        `${workers} worker(s): ${round.length} posts in ${seconds.toFixed(2)} s = ${phase.perSecond.toFixed(1)} deliveries/s; ` +
          `${answers.length} /ping first responses p50 ${percentile(firsts, 50)} ms p99 ${phase.p99Ms} ms, ` +
          `${late} later than Discord's 3 s or unanswered`,
      );
      phases.push(phase);
    }
    const posted = captions();
    const lost = expected.filter((c) => !posted.includes(c)).length;
    const duplicated = posted.length - new Set(posted).size;
    return { phases, lost, duplicated };
  } catch (error) {
    children.forEach((child, i) => writeFileSync(join(cwd, `child-${i}.log`), child.stdout() + child.stderr()));
    console.error(`the processes' output is in ${cwd}`);
    throw error;
  } finally {
    for (const child of children) child.signal('SIGKILL');
    await Promise.all(children.map((c) => c.exited.catch(() => undefined)));
    await discord.close();
    await emulator.close();
    await pgAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  }
}

export default async function scale(): Promise<BenchRow[]> {
  const { phases, lost, duplicated } = await fleet();
  const one = phases[0]!;
  const rows: BenchRow[] = phases.flatMap((p) => [
    {
      bench: BENCH,
      metric: `deliveries/s, ${p.workers} worker(s)`,
      value: `${p.perSecond.toFixed(1)} (×${(p.perSecond / one.perSecond).toFixed(2)})`,
    },
    {
      bench: BENCH,
      metric: `command first response p99, ${p.workers} worker(s)`,
      value: `${p.p99Ms} ms (×${(p.p99Ms / one.p99Ms).toFixed(2)}), ${p.late} late`,
    },
  ]);
  rows.push(
    { bench: BENCH, metric: 'posts lost', value: String(lost), goal: '0' },
    { bench: BENCH, metric: 'posts duplicated', value: String(duplicated), goal: '0' },
  );
  // The limiter's costs, measured as bench/limiter.ts measures them.
  const limiter = await limiterParts(['e', 'a']);
  return [
    ...rows,
    ...limiter
      .filter((r) => /\(e\) shared admission .* p50|\(a\) added cost per call/.test(r.metric))
      .map((r) => ({ ...r, bench: BENCH, goal: r.goal ?? '< 1 ms' })),
  ];
}
