// igcord past one process (docs/decisions/0020), as an operator runs it: one edge and two workers, each a real
// `src/main.ts` child process with its own environment, on one Redis (the job queue, shared budgets) and one
// PostgreSQL database, against the v1 emulator and the Discord fake in HTTP-interactions mode. Polls are an hour
// apart, so a post that arrives within the test came by its notification: the emulator notifies the edge, which
// records the mark and promotes the source's job, and a worker runs it. Every new post appears exactly once, also
// after a worker is SIGKILLed in the middle of deliveries (its jobs stall and the other worker takes them over).
// The edge answers interactions over HTTP (a feed command too: it reads the guild by REST, having no gateway
// session, and adds the new source's job) and never runs a source.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Queue } from 'bullmq';
import { createClient } from '@redis/client';
import { PermissionFlagsBits, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { loadCommands } from '../../src/discord/loader.js';
import { silentLogger } from '../../src/log.js';
import { openStorage } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';
import { startChild, TSX_IMPORT, type Child } from '../support/child-process.js';
import { eventually } from '../support/eventually.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/test';
const WAIT_MS = 120_000;
const HOUR = 3_600_000;

const pg = createRequire(import.meta.url)('pg') as {
  Client: new (c: { connectionString: string }) => {
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
  };
};
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('igcord as one edge and two workers', () => {
  const suffix = randomBytes(5).toString('hex');
  const database = `igcord_mp_${suffix}`;
  const prefix = `igcord-mp-${suffix}`;
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-mp-'));
  const keyText = `t1:${randomBytes(32).toString('base64')}`;
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  let queue: Queue;
  let guildId: string;
  let channelId: string;
  let personId: string;
  const owners: string[] = [];
  const ownerIds: string[] = [];
  const children: Child[] = [];
  let base: Record<string, string>;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    const person = discord.createUser({ username: 'owner' });
    personId = person.id;
    const guild = discord.createGuild({
      name: 'fleet',
      ownerId: person.id,
      channels: [{ name: 'posts' }],
      members: [{ userId: person.id }],
    });
    guildId = guild.guildId;
    channelId = guild.channels.posts!;
    // Feed owners pay for their feeds only while they may manage the server.
    const admins = discord.createRole(guildId, { name: 'admins', permissions: PermissionFlagsBits.ManageGuild });
    base = {
      LOG_LEVEL: 'info',
      HTTP_HOST: '127.0.0.1',
      STORAGE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      QUEUE_STALLED_MS: '2000',
      FEEDS_MIN_POLL_MS: String(HOUR),
      FEEDS_MAX_POLL_MS: String(HOUR),
      INSTANCE_LOCK_HEARTBEAT_MS: '500',
      INSTANCE_LOCK_STALE_MS: '3000',
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

    // Three sources, each followed by a feed as `/feed add` leaves it: owner linked, cursor at the newest media.
    const [id, key] = keyText.split(':');
    const storage = await openStorage({
      url: base.STORAGE_URL,
      dataDir: cwd,
      keys: { current: { id: id!, key: Buffer.from(key!, 'base64') } },
      log: silentLogger(),
    });
    for (const user of emulator.admin.users().slice(0, 3)) {
      const minted = emulator.admin.mintToken({ username: String(user.username) });
      const instagramUserId = String(minted.user.id);
      const discordUserId = discord.createUser({ username: `owner-${instagramUserId}` }).id;
      discord.addMember(guildId, discordUserId, { roles: [admins] });
      await storage.accounts.link({
        discordUserId,
        instagramUserId,
        username: String(user.username),
        scopes: ['basic', 'public_content'],
        accessToken: minted.access_token,
      });
      await storage.feeds.add({
        guildId,
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
      ownerIds.push(discordUserId);
    }
    await storage.close();
    queue = new Queue('sources', { connection: createClient({ url: REDIS_URL }), prefix });
  }, WAIT_MS);

  afterAll(async () => {
    for (const child of children) child.signal('SIGKILL');
    await Promise.all(children.map((c) => c.exited.catch(() => undefined)));
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await discord?.close();
    await emulator?.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  });

  async function start(role: 'edge' | 'worker'): Promise<{ child: Child; url: string }> {
    const port = await freePort('127.0.0.1');
    const env = { ...base, IGCORD_ROLE: role, HTTP_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
    const child = startChild(process.execPath, [...TSX_IMPORT, join(process.cwd(), 'src/main.ts')], {
      cwd,
      env,
      killAfterMs: 10 * 60_000,
    });
    children.push(child);
    await child.waitForStdout(/"msg":"igcord started"/);
    return { child, url: `http://127.0.0.1:${port}` };
  }

  /** Every followed source's job has run once and waits for its next poll, an hour away. */
  async function allJobsWaitingAnHour(): Promise<boolean> {
    const jobs = await queue.getJobs(['delayed']);
    const due = new Map(jobs.map((j) => [j.data.sourceKey as string, j.data.dueAt as number | undefined]));
    return owners.every((o) => (due.get(`account:${o}`) ?? 0) > Date.now() + HOUR / 2);
  }

  const captionsIn = () => discord.messages(channelId).map((m) => m.embeds[0]?.description ?? '');

  it(
    'delivers every new post of several sources exactly once, by promotion, and on after a worker is SIGKILLed; the edge answers interactions over HTTP, a feed command included, and runs no source',
    { timeout: 8 * 60_000 },
    async () => {
      // What each process said, to read why when this fails.
      onTestFailed(async () => {
        children.forEach((child, i) => writeFileSync(join(cwd, `child-${i}.log`), child.stdout() + child.stderr()));
        const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'prioritized']);
        process.stderr.write(`children's output in ${cwd}; jobs: ${JSON.stringify(jobs.map((j) => [j.id, j.data]))}\n`);
      });
      const edge = await start('edge');
      const workerA = await start('worker');
      const workerB = await start('worker');
      // The first poll of each source (spread over the start) has run; the next is an hour away.
      await eventually(allJobsWaitingAnHour, 'each source job to wait for its next poll', WAIT_MS);

      // Notifications go to the edge, which promotes the jobs: each post arrives long before any poll.
      const first = owners.flatMap((o, i) => [1, 2, 3].map((n) => `source ${i} post ${n}`));
      owners.forEach((o, i) =>
        [1, 2, 3].forEach((n) => emulator.admin.postMedia(o, { caption: `source ${i} post ${n}` })),
      );
      await eventually(() => first.every((c) => captionsIn().includes(c)), 'the first posts to arrive', WAIT_MS);

      // A worker killed while deliveries are in flight: Discord answers slowly, so its runs are mid-way.
      discord.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, delayMs: 400, times: 6 });
      const second = owners.flatMap((o, i) => [4, 5].map((n) => `source ${i} post ${n}`));
      owners.forEach((o, i) =>
        [4, 5].forEach((n) => emulator.admin.postMedia(o, { caption: `source ${i} post ${n}` })),
      );
      await eventually(() => second.some((c) => captionsIn().includes(c)), 'the second posts to start', WAIT_MS);
      workerA.child.signal('SIGKILL');
      await workerA.child.exited;
      await eventually(() => second.every((c) => captionsIn().includes(c)), 'the second posts to arrive', WAIT_MS);

      // And the survivor alone keeps going.
      const third = owners.map((o, i) => `source ${i} post 6`);
      owners.forEach((o, i) => emulator.admin.postMedia(o, { caption: `source ${i} post 6` }));
      await eventually(() => third.every((c) => captionsIn().includes(c)), 'the third posts to arrive', WAIT_MS);

      const posted = captionsIn();
      for (const caption of [...first, ...second, ...third]) {
        expect(
          posted.filter((p) => p === caption),
          caption,
        ).toHaveLength(1);
      }
      expect(posted).toHaveLength(first.length + second.length + third.length);

      // The edge answers commands over HTTP, exactly once each, and never ran a source.
      await new REST({ api: discord.apiUrl })
        .setToken(discord.botToken)
        .put(Routes.applicationGuildCommands(discord.applicationId, guildId), {
          body: (await loadCommands()).definitions,
        });
      await discord.setInteractionsEndpoint(`${edge.url}/interactions`);
      const handle = discord.sendCommand({ guildId, channelId, userId: personId, name: 'ping' });
      const delivery = await discord.waitForDelivery(handle.id, WAIT_MS);
      expect(delivery).toMatchObject({ status: 200, outcome: 'answered' });
      expect(discord.interactionDeliveries().filter((d) => d.interactionId === handle.id)).toHaveLength(1);
      expect((await handle.waitForReply(undefined, WAIT_MS)).content).toMatch(/^Pong!/);
      // A feed command reads the guild (the bot's channel permissions) and writes storage and the queue: with no
      // gateway session, the edge reads the guild by REST, and the new source gets its job.
      const add = discord.sendCommand({
        guildId,
        channelId,
        userId: ownerIds[0]!,
        name: 'feed',
        subcommand: 'add-tag',
        options: { channel: channelId, tag: '#fleet' },
      });
      const added = await add.waitForReply(undefined, WAIT_MS);
      expect(added.content).toMatch(/Feed `[a-z0-9]+` added/);
      await eventually(async () => (await queue.getJob(encodeURIComponent('tag:fleet'))) !== undefined, 'the tag job');

      expect(edge.child.stdout()).not.toContain('feed delivery started');
      expect(edge.child.stdout()).not.toContain('"msg":"source run');
      expect(workerB.child.stdout()).toContain('feed delivery started on the job queue');
      expect(discord.connectedClients()).toBe(0);
    },
  );
});
