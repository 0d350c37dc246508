// Issue #5's command benchmark: how fast igcord answers slash commands under a steady 100 interactions/s, and how
// long a cold process takes to be ready. The whole of igcord runs in sandbox mode (Instagram emulator, Discord
// fake, the real discord.js client, SQLite in a temp dir); interactions alternate /ping and the Instagram query
// commands that are registered when it runs, sent round-robin by persons each linked to their own seeded Instagram
// user (each token has its own budget, as with real users). For every interaction it reads, from the fake's own
// records, when the first callback arrived and when the final reply (the original response, no longer
// "thinking") was written. Process start → ready spawns `src/main.ts` as `npm start` would and waits for the
// "igcord HTTP server listening" log line. Everything is printed, nothing asserted: the machine is shared.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIMessage } from 'discord-api-types/v10';
import type { CommandInput, InteractionHandle, OptionValue } from '../sandbox/discord/index.js';
import { startTestIgcord, type TestIgcord } from '../test/support/igcord-harness.js';
import type { BenchRow } from './index.js';

const RATE_PER_SECOND = 100;
const DURATION_MS = 10_000;
const WARMUP_INTERACTIONS = 40;
/** Discord's acknowledgement deadline: an interaction not answered by then fails for the person. */
const ACK_DEADLINE_MS = 3000;
const FINAL_REPLY_TIMEOUT_MS = 15_000;
const PERSONS = 10;
const STARTS = 3;
const START_TIMEOUT_MS = 60_000;
/**
 * What says igcord is ready: the sandbox banner `src/main.ts` prints once everything is up, or, where the logs go to
 * stdout (live mode, or a main.ts without the banner), the log line written once HTTP listens, the last step.
 */
const READY_MARKERS = ['igcord — SANDBOX', 'igcord HTTP server listening'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A command a person sends, without where and who. */
interface Query {
  label: string;
  name: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

interface Sample {
  label: string;
  /** ms from sending to the first callback the fake recorded; undefined when none came. */
  firstMs: number | undefined;
  /** ms from sending to the final reply; undefined when none came. */
  finalMs: number | undefined;
  reply: APIMessage | undefined;
}

interface RegisteredOption {
  type: number;
  name: string;
  required?: boolean;
  options?: RegisteredOption[];
}

/**
 * The Instagram query commands of issue #5 that need nothing but the invoker's own link. A candidate is used only
 * when a command with that shape is registered: its required options are all given here and every option given
 * here exists, so the bench follows whatever commands igcord has when it runs.
 */
function candidateQueries(mediaId: string | undefined): Query[] {
  return [
    { label: '/instagram me', name: 'instagram', subcommand: 'me' },
    { label: '/user profile', name: 'user', subcommand: 'profile' },
    ...(mediaId ? [{ label: '/media show', name: 'media', subcommand: 'show', options: { media: mediaId } }] : []),
  ];
}

function isRegistered(commands: unknown[], query: Query): boolean {
  const command = commands.find((c) => (c as { name?: string }).name === query.name) as
    { options?: RegisteredOption[] } | undefined;
  if (!command) return false;
  let options = command.options ?? [];
  if (query.subcommand !== undefined) {
    // Option type 1 is a subcommand.
    const sub = options.find((o) => o.type === 1 && o.name === query.subcommand);
    if (!sub) return false;
    options = sub.options ?? [];
  }
  const given = Object.keys(query.options ?? {});
  return (
    options.filter((o) => o.required).every((o) => given.includes(o.name)) &&
    given.every((name) => options.some((o) => o.name === name))
  );
}

/** The newest media of a linked user, read through the emulator's public API with that user's token. */
async function newestMediaId(emulatorUrl: string, accessToken: string): Promise<string | undefined> {
  const response = await fetch(
    `${emulatorUrl}/v1/users/self/media/recent?count=1&access_token=${encodeURIComponent(accessToken)}`,
  );
  if (!response.ok) return undefined;
  const body = (await response.json()) as { data?: { id?: string }[] };
  return body.data?.[0]?.id;
}

async function measure(label: string, handle: InteractionHandle, sentAt: number): Promise<Sample> {
  let firstMs: number | undefined;
  try {
    firstMs = (await handle.firstResponse()).at - sentAt;
  } catch {
    return { label, firstMs: undefined, finalMs: undefined, reply: undefined };
  }
  try {
    const reply = await handle.waitForReply(undefined, FINAL_REPLY_TIMEOUT_MS);
    // The fake stamps a message when it is written (and again when edited): that is when the person saw it.
    return { label, firstMs, finalMs: Date.parse(reply.edited_timestamp ?? reply.timestamp) - sentAt, reply };
  } catch {
    return { label, firstMs, finalMs: undefined, reply: undefined };
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(values: (number | undefined)[]): { count: number; p50: number; p99: number; max: number } {
  const sorted = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} ms`);

/** What a reply said, shortened, so the printout shows the commands really answered (and not with an error). */
function gist(reply: APIMessage | undefined): string {
  if (!reply) return '(no reply)';
  const embed = reply.embeds[0];
  const text = reply.content || embed?.title || embed?.description || embed?.author?.name || '(empty)';
  return JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text);
}

async function runLoad(igcord: TestIgcord): Promise<{ samples: Sample[]; sendSeconds: number; used: Query[] }> {
  const guildId = igcord.guild.guildId;
  const channelId = igcord.guild.channels.general!;
  const seeded = igcord.emulator.admin.users().map((u) => String(u.username));
  const persons: string[] = [];
  let mediaId: string | undefined;
  for (let i = 0; i < PERSONS; i++) {
    const userId = igcord.discord.createUser({ username: `bench-${i}` }).id;
    igcord.discord.addMember(guildId, userId);
    const { accessToken } = await igcord.link(userId, seeded[i % seeded.length]!);
    mediaId ??= await newestMediaId(igcord.emulator.url, accessToken);
    persons.push(userId);
  }

  const registered = igcord.discord.commands(guildId);
  const mix = candidateQueries(mediaId).filter((q) => isRegistered(registered, q));
  const ping: Query = { label: '/ping', name: 'ping' };
  const pick = (i: number): Query => (i % 2 === 0 || mix.length === 0 ? ping : mix[Math.floor(i / 2) % mix.length]!);
  console.log(`registered commands: ${registered.map((c) => `/${(c as { name: string }).name}`).join(' ')}`);
  console.log(
    `mix: /ping${mix.length > 0 ? ` alternating with ${mix.map((q) => q.label).join(', ')}` : ' only (no Instagram query command is registered yet)'}`,
  );

  const send = (i: number): Promise<Sample> => {
    const query = pick(i);
    const input: CommandInput = { guildId, channelId, userId: persons[i % persons.length]!, name: query.name };
    if (query.subcommand !== undefined) input.subcommand = query.subcommand;
    if (query.options !== undefined) input.options = query.options;
    const sentAt = Date.now();
    return measure(query.label, igcord.discord.sendCommand(input), sentAt);
  };

  // Warm-up, one at a time: module loading, JIT and the first SQLite reads are not what is measured.
  for (let i = 0; i < WARMUP_INTERACTIONS; i++) await send(i);

  const total = Math.round((RATE_PER_SECOND * DURATION_MS) / 1000);
  const interval = 1000 / RATE_PER_SECOND;
  const pending: Promise<Sample>[] = [];
  const began = performance.now();
  for (let i = 0; i < total; i++) {
    // Paced against the start, not the previous send, so a slow tick does not lower the rate for the rest.
    const wait = began + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(i));
  }
  const sendSeconds = (performance.now() - began) / 1000;
  return { samples: await Promise.all(pending), sendSeconds, used: [ping, ...mix] };
}

/** Spawns `src/main.ts` in an empty directory (no `.env`, no credentials: sandbox mode) and times it to ready. */
async function timeStartToReady(tsxLoader: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'igcord-bench-start-'));
  // Only what node needs: credentials from the caller's environment would switch igcord to live mode.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'info',
  };
  const started = performance.now();
  // stdin stays open, as a terminal would: the sandbox console reads it and quits at its end.
  const child = spawn(process.execPath, ['--import', tsxLoader, join(root, 'src', 'main.ts')], {
    cwd: dir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`igcord was not ready within ${START_TIMEOUT_MS} ms; output:\n${output.slice(-2000)}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (READY_MARKERS.some((marker) => output.includes(marker))) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`igcord exited with ${code} before it was ready; output:\n${output.slice(-2000)}`));
      });
    });
  } finally {
    child.stdin.end();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function commands(): Promise<BenchRow[]> {
  const loadBefore = loadavg();
  const igcord = await startTestIgcord({ LOG_LEVEL: 'silent' });
  let load: Awaited<ReturnType<typeof runLoad>>;
  try {
    load = await runLoad(igcord);
  } finally {
    await igcord.close();
    // The harness makes a temp dir per run; igcord's own data sits in its `sandbox` subdirectory.
    const dataRoot = dirname(igcord.app.config.dataDir);
    if (basename(dataRoot).startsWith('igcord-e2e-')) rmSync(dataRoot, { recursive: true, force: true });
  }
  const { samples, sendSeconds, used } = load;

  const first = summary(samples.map((s) => s.firstMs));
  const final = summary(samples.map((s) => s.finalMs));
  const unacknowledged = samples.filter((s) => s.firstMs === undefined || s.firstMs > ACK_DEADLINE_MS).length;
  const noFinal = samples.filter((s) => s.finalMs === undefined).length;
  // The figures swing with what else runs on the machine; the load average says how busy it was.
  console.log(
    `load average before the run ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `sent ${samples.length} interactions in ${sendSeconds.toFixed(1)} s (${(samples.length / sendSeconds).toFixed(0)}/s, goal ${RATE_PER_SECOND}/s) after ${WARMUP_INTERACTIONS} warm-up`,
  );
  console.log(
    `interaction -> first response: p50 ${ms(first.p50)}, p99 ${ms(first.p99)}, max ${ms(first.max)} (goal p99 < 100 ms; the fake stamps in whole ms)`,
  );
  console.log(`interaction -> final reply:    p50 ${ms(final.p50)}, p99 ${ms(final.p99)}, max ${ms(final.max)}`);
  console.log(
    `not acknowledged within ${ACK_DEADLINE_MS} ms: ${unacknowledged} (goal 0); no final reply within ${FINAL_REPLY_TIMEOUT_MS} ms: ${noFinal}`,
  );
  for (const query of used) {
    const mine = samples.filter((s) => s.label === query.label);
    const f = summary(mine.map((s) => s.firstMs));
    const r = summary(mine.map((s) => s.finalMs));
    const firstCallback = mine.find((s) => s.reply !== undefined);
    console.log(
      `  ${query.label.padEnd(15)} n=${mine.length} first p50 ${ms(f.p50)} p99 ${ms(f.p99)}; final p50 ${ms(r.p50)} p99 ${ms(r.p99)}; answered e.g. ${gist(firstCallback?.reply)}`,
    );
  }

  const tsxLoader = import.meta.resolve('tsx');
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await timeStartToReady(tsxLoader));
  starts.sort((a, b) => a - b);
  const medianStart = starts[Math.floor(starts.length / 2)]!;
  console.log(
    `process start -> ready (sandbox banner or "${READY_MARKERS[1]}"): ${starts.map(ms).join(', ')}; median ${ms(medianStart)}`,
  );

  const mixLabel = used.map((q) => q.label).join('+');
  return [
    { bench: 'commands', metric: `first response p50 (${mixLabel}, ${RATE_PER_SECOND}/s)`, value: ms(first.p50) },
    {
      bench: 'commands',
      metric: `first response p99 (${mixLabel}, ${RATE_PER_SECOND}/s)`,
      value: ms(first.p99),
      goal: '< 100 ms',
    },
    { bench: 'commands', metric: 'final reply p50', value: ms(final.p50) },
    { bench: 'commands', metric: 'final reply p99', value: ms(final.p99) },
    {
      bench: 'commands',
      metric: 'interactions sent/s',
      value: (samples.length / sendSeconds).toFixed(0),
      goal: `${RATE_PER_SECOND}`,
    },
    {
      bench: 'commands',
      metric: `not acknowledged within ${ACK_DEADLINE_MS / 1000} s`,
      value: String(unacknowledged),
      goal: '0',
    },
    { bench: 'commands', metric: 'process start -> ready (median of 3)', value: ms(medianStart) },
  ];
}
