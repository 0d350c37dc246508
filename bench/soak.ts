// Issue #17's soak benchmark: does igcord's memory come back after a long busy spell, or grow with use? 50,000
// interactions from 20,000 distinct people, 2,000 of them paged answers (/user media, from 200 linked people),
// against the real bot. igcord runs in a child process of its own (node --expose-gc, bench/_soak-igcord.ts) in
// live mode pointed at the Discord fake and the Instagram emulator, which run here: they keep every interaction
// they saw, so in the same process they would hide igcord's own figures. The child reports its heap after a full
// GC before the load, the highest heap sampled during it, after a GC at its end, and after idling until every
// paged answer has timed out (PAGE_TIMEOUT_MS is shortened to SESSION_TIMEOUT_MS so that idle comes within the
// run). What stays after idle is printed too: cached users and members (capped), and discord.js's REST queues, one
// per interaction token that edited or followed up, which discord.js sweeps only hourly. Goal: back within 20 MB of
// the start. SOAK_INTERACTIONS and SOAK_PEOPLE shorten a run. Figures are printed, never asserted.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { PermissionFlagsBits } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../sandbox/instagram/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import { loadCommands } from '../src/discord/loader.js';
import { createLogger } from '../src/log.js';
import type { SoakReply, SoakRequest, SoakStats } from './_soak-igcord.js';
import type { BenchRow } from './index.js';

const INTERACTIONS = Number(process.env.SOAK_INTERACTIONS ?? 50_000);
const PEOPLE = Number(process.env.SOAK_PEOPLE ?? 20_000);
const PAGED_ANSWERS = Math.round(INTERACTIONS / 25);
const LINKED_PEOPLE = 200;
const MEDIA_PER_LINKED = 20;
/** Interactions in flight at once: a steady crowd, not a burst that would only measure queueing. */
const IN_FLIGHT = 40;
const SESSION_TIMEOUT_MS = 20_000;
const REPLY_TIMEOUT_MS = 30_000;
const GOAL_BYTES = 20 * 1024 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Talks to the child: one request at a time by id, each answered once. */
function ipc(child: ChildProcess) {
  let next = 1;
  const waiting = new Map<number, (reply: SoakReply) => void>();
  let first: ((reply: SoakReply) => void) | undefined;
  const started = new Promise<SoakReply>((resolve) => (first = resolve));
  child.on('message', (raw) => {
    const reply = raw as SoakReply;
    if (reply.id === 0) return first?.(reply);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the igcord child exited with ${code}`))),
  );
  exited.catch(() => undefined);
  const request = async (body: Omit<SoakRequest, 'id'>): Promise<SoakReply> => {
    const id = next++;
    const answered = new Promise<SoakReply>((resolve) => waiting.set(id, resolve));
    child.send({ ...body, id });
    const reply = await Promise.race([answered, exited]);
    if (!reply.ok) throw new Error(`igcord child: ${reply.error}`);
    return reply;
  };
  const statsOf = (reply: SoakReply): SoakStats => {
    if (!reply.ok || !reply.stats) throw new Error(`igcord child: ${reply.ok ? 'no figures' : reply.error}`);
    return reply.stats;
  };
  return {
    started: async () => statsOf(await Promise.race([started, exited])),
    stats: async (gc: boolean) => statsOf(await request({ type: 'stats', gc } as Omit<SoakRequest, 'id'>)),
    request,
  };
}

interface World {
  discord: DiscordFake;
  instagram: InstagramEmulator;
  guildId: string;
  channelId: string;
  people: string[];
  linked: { discordUserId: string; instagramUserId: string; username: string; accessToken: string }[];
}

async function startWorld(): Promise<World> {
  const quiet = createLogger({ level: 'error', destination: process.stderr });
  const instagram = await startInstagramEmulator({ host: '127.0.0.1' });
  const discord = await startDiscordFake({ host: '127.0.0.1', logger: quiet, maxLogEntries: 1_000 });
  const guild = discord.createGuild({
    name: 'soak',
    channels: [{ name: 'general' }],
    roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild }],
  });
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const id = discord.createUser({ username: `soak-${i}` }).id;
    discord.addMember(guild.guildId, id);
    people.push(id);
  }
  const linked = [];
  for (let i = 0; i < LINKED_PEOPLE; i++) {
    const username = `soak_ig_${i}`;
    instagram.admin.createUser({ username, media: MEDIA_PER_LINKED });
    const minted = instagram.admin.mintToken({ username });
    linked.push({
      discordUserId: people[i]!,
      instagramUserId: String(minted.user.id),
      username,
      accessToken: minted.access_token,
    });
  }
  const commands = await loadCommands();
  await deployCommands({
    token: discord.botToken,
    applicationId: discord.applicationId,
    guildId: guild.guildId,
    apiUrl: discord.apiUrl,
    definitions: commands.definitions,
    log: quiet,
  });
  return { discord, instagram, guildId: guild.guildId, channelId: guild.channels.general!, people, linked };
}

function startIgcordChild(world: World, dataDir: string): ChildProcess {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dataDir,
    DATA_DIR: dataDir,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'error',
    DISCORD_TOKEN: world.discord.botToken,
    DISCORD_APPLICATION_ID: world.discord.applicationId,
    DISCORD_API_URL: world.discord.apiUrl,
    INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
    INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
    INSTAGRAM_API_URL: world.instagram.url,
    INSTAGRAM_MODE: 'sandbox',
    WEBHOOK_VERIFY_TOKEN: randomBytes(16).toString('hex'),
    SUBSCRIPTIONS_SYNC: 'false',
    TOKEN_ENCRYPTION_KEY: `soak:${randomBytes(32).toString('base64')}`,
    PAGE_TIMEOUT_MS: String(SESSION_TIMEOUT_MS),
  };
  return fork(join(here, '_soak-igcord.ts'), [], {
    env,
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

interface LoadResult {
  seconds: number;
  answered: number;
  paged: number;
  failed: number;
  firstFailure: string | undefined;
}

async function runLoad(world: World): Promise<LoadResult> {
  const { discord, guildId, channelId, people, linked } = world;
  // Every 25th interaction is a paged answer from a linked person; the rest are /ping, person after person.
  const pagedEvery = Math.max(1, Math.floor(INTERACTIONS / PAGED_ANSWERS));
  let answered = 0;
  let paged = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let nextIndex = 0;
  let pagedSent = 0;
  let pingSent = 0;
  const began = performance.now();

  const one = async (i: number) => {
    const isPaged = i % pagedEvery === pagedEvery - 1 && pagedSent < PAGED_ANSWERS;
    try {
      if (isPaged) {
        const person = linked[pagedSent++ % linked.length]!;
        const reply = await discord
          .sendCommand({ guildId, channelId, userId: person.discordUserId, name: 'user', subcommand: 'media' })
          .waitForReply(
            (m) => JSON.stringify(m.components ?? []).includes('page:') || m.content.length > 0,
            REPLY_TIMEOUT_MS,
          );
        if (!JSON.stringify(reply.components ?? []).includes('page:'))
          throw new Error(`not a paged answer: ${reply.content.slice(0, 120)}`);
        paged++;
      } else {
        const userId = people[pingSent++ % people.length]!;
        await discord
          .sendCommand({ guildId, channelId, userId, name: 'ping' })
          .waitForReply(undefined, REPLY_TIMEOUT_MS);
      }
      answered++;
    } catch (error) {
      failed++;
      firstFailure ??= error instanceof Error ? error.message : String(error);
    }
  };
  const worker = async () => {
    while (nextIndex < INTERACTIONS) await one(nextIndex++);
  };
  const progress = setInterval(() => {
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `  ${answered + failed}/${INTERACTIONS} after ${seconds.toFixed(0)} s (${((answered + failed) / seconds).toFixed(0)}/s), ${failed} failed`,
    );
  }, 15_000);
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    clearInterval(progress);
  }
  return { seconds: (performance.now() - began) / 1000, answered, paged, failed, firstFailure };
}

/** Asks until `done` holds (the child's timers are the event; there is no push for "all sessions expired"). */
async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(1000);
  }
  return false;
}

export default async function soak(): Promise<BenchRow[]> {
  const loadBefore = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-soak-'));
  const world = await startWorld();
  const child = startIgcordChild(world, dataDir);
  const igcord = ipc(child);
  try {
    const start = await igcord.started();
    await igcord.request({ type: 'link', accounts: world.linked } as Omit<SoakRequest, 'id'>);
    const before = await igcord.stats(true);
    console.log(
      `igcord started; heap after GC ${mb(before.heapUsed)} (${world.linked.length} accounts linked; at start ${mb(start.heapUsed)})`,
    );
    console.log(
      `sending ${INTERACTIONS} interactions from ${PEOPLE} distinct people, ${PAGED_ANSWERS} of them paged answers (/user media), ${IN_FLIGHT} in flight`,
    );

    const load = await runLoad(world);
    const atEnd = await igcord.stats(false);
    const afterLoadGc = await igcord.stats(true);
    console.log(
      `sent ${INTERACTIONS} in ${load.seconds.toFixed(0)} s (${(INTERACTIONS / load.seconds).toFixed(0)}/s): ${load.answered} answered (${load.paged} paged), ${load.failed} failed` +
        (load.firstFailure ? `; first failure: ${load.firstFailure}` : ''),
    );
    console.log(
      `at the end of the load: heap ${mb(atEnd.heapUsed)}, after GC ${mb(afterLoadGc.heapUsed)}; open page sessions ${afterLoadGc.openPageSessions}; ` +
        `cached users ${afterLoadGc.cachedUsers}, members ${afterLoadGc.cachedMembers}; REST queues ${afterLoadGc.restHandlers}`,
    );

    const idled = await until(async () => (await igcord.stats(false)).openPageSessions === 0, SESSION_TIMEOUT_MS * 3);
    const after = await igcord.stats(true);
    const growth = after.heapUsed - before.heapUsed;
    console.log(
      `after idle (${idled ? 'every page session timed out' : 'page sessions still open'}): heap after GC ${mb(after.heapUsed)}, rss ${mb(after.rss)}; ` +
        `peak heap during the load ${mb(after.peakHeapUsed)}; cached users ${after.cachedUsers}, members ${after.cachedMembers}; REST queues ${after.restHandlers}`,
    );
    console.log(`growth over the start: ${mb(growth)} (goal < ${mb(GOAL_BYTES)})`);
    console.log(
      `load average before the run ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    await igcord.request({ type: 'stop' } as Omit<SoakRequest, 'id'>);
    return [
      { bench: 'soak', metric: 'heap before the load (after GC)', value: mb(before.heapUsed) },
      { bench: 'soak', metric: 'heap at peak (sampled)', value: mb(after.peakHeapUsed) },
      { bench: 'soak', metric: 'heap at end of load (after GC)', value: mb(afterLoadGc.heapUsed) },
      { bench: 'soak', metric: 'heap after idle (after GC)', value: mb(after.heapUsed) },
      { bench: 'soak', metric: 'growth after idle over the start', value: mb(growth), goal: `< ${mb(GOAL_BYTES)}` },
      {
        bench: 'soak',
        metric: `interactions answered (of ${INTERACTIONS})`,
        value: String(load.answered),
        goal: String(INTERACTIONS),
      },
      { bench: 'soak', metric: 'interactions/s', value: (INTERACTIONS / load.seconds).toFixed(0) },
    ];
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await world.discord.close();
    await world.instagram.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
