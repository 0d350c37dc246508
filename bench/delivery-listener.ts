// How many signed notifications per second igcord's webhook route accepts (415/413/401/400 checks, HMAC-SHA1,
// zod, an in-memory sink) compared with a bare node:http server that only answers 200, both under the same load:
// N keep-alive clients on loopback for a few seconds. The load runs in a worker thread so that the client and
// the server under test do not share one event loop. The two servers are measured in alternating rounds and the
// median of the rounds' ratios is reported, so a burst of other work on the shared machine during one
// measurement does not decide the figure. The goal is a ratio of at least 0.5.
// Then the time to acknowledge a full batch: the largest notification that fits in the 64 KiB body limit, one
// update per account (so one dirty mark per update), posted to the real route whose sink is igcord's own over
// SQLite storage, each round on fresh storage. The goal is well inside the 1.5 s record timeout.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { REST } from 'discord.js';
import { silentLogger } from '../src/log.js';
import { startHttpServer } from '../src/http/server.js';
import { createWebhookReceiver, type InstagramUpdate } from '../src/http/webhook-receiver.js';
import { createDeliveryEngine, dirtySourceSink } from '../src/feeds/index.js';
import { createDiscordPayerStanding } from '../src/discord/feed-posting/payer-standing.js';
import { createDiscordFeedPoster } from '../src/discord/feed-posting/discord-feed-poster.js';
import { createV1FeedReader } from '../src/providers/v1/feed-reader.js';
import { createInstagramClient } from '../src/providers/v1/client.js';
import { createLimiter } from '../src/limiter/index.js';
import { openStorage } from '../src/storage/index.js';
import type { BenchRow } from './index.js';

const CLIENTS = 16;
const WARMUP_MS = 500;
const DURATION_MS = 3000;
const ROUNDS = 3;
const SECRET = '0123456789abcdef0123456789abcdef';

interface LoadResult {
  ok: number;
  other: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

// Plain JavaScript, evaluated in a worker: keep-alive agent, CLIENTS loops each sending one request after another.
const LOAD = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, requests, clients, warmupMs, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const target = new URL(url);
let measuring = false, stop = false, ok = 0, other = 0, errors = 0, next = 0;
const latencies = [];
function send(r) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: r.headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (measuring) { if (res.statusCode === 200) ok++; else other++; latencies.push(performance.now() - started); }
        resolve();
      });
    });
    req.on('error', () => { if (measuring) errors++; resolve(); });
    req.end(r.body);
  });
}
async function client() { while (!stop) { const r = requests[next++ % requests.length]; await send(r); } }
const loops = Array.from({ length: clients }, client);
setTimeout(() => {
  measuring = true;
  const began = performance.now();
  setTimeout(async () => {
    measuring = false; stop = true;
    const seconds = (performance.now() - began) / 1000;
    await Promise.all(loops);
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN;
    parentPort.postMessage({ ok, other, errors, seconds, p50: at(0.5), p99: at(0.99) });
  }, durationMs);
}, warmupMs);
`;

function runLoad(url: string, requests: { headers: Record<string, string>; body: string }[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, {
      eval: true,
      workerData: { url, requests, clients: CLIENTS, warmupMs: WARMUP_MS, durationMs: DURATION_MS },
    });
    worker.once('message', (m: LoadResult) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

/** 1000 distinct one-update notifications, each signed like Instagram signs them. */
function signedNotifications(): { headers: Record<string, string>; body: string }[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const body = JSON.stringify([
      {
        changed_aspect: 'media',
        object: 'user',
        object_id: String(190277687 + (i % 50)),
        time: 1477869300 + i,
        subscription_id: 3953547,
        data: { media_id: `${1372789645779973559n + BigInt(i)}_${190277687 + (i % 50)}` },
      },
    ]);
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature': createHmac('sha1', SECRET).update(body).digest('hex'),
      },
    };
  });
}

function perSecond(r: LoadResult): number {
  return r.ok / r.seconds;
}

function describe(name: string, r: LoadResult): string {
  return `${name}: ${perSecond(r).toFixed(0)}/s (${r.ok} ok, ${r.other} other status, ${r.errors} errors in ${r.seconds.toFixed(1)} s), latency p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms`;
}

/** As many one-account updates as fit in `maxBytes`, short ids and no `data`, so the most dirty marks per batch. */
function fullBatch(maxBytes = 64 * 1024): { body: string; updates: number } {
  const updates: string[] = [];
  let bytes = 2;
  for (let i = 1; ; i += 1) {
    const update = JSON.stringify({
      subscription_id: 1,
      object: 'user',
      object_id: String(i),
      changed_aspect: 'media',
      time: 1,
    });
    const added = update.length + (updates.length > 0 ? 1 : 0);
    if (bytes + added > maxBytes) break;
    bytes += added;
    updates.push(update);
  }
  return { body: `[${updates.join(',')}]`, updates: updates.length };
}

/** Posts one full batch to a fresh igcord route and sink over fresh SQLite storage; ms until the answer, and its status. */
async function acknowledgeFullBatch(body: string): Promise<{ ms: number; status: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'igcord-bench-'));
  const log = silentLogger();
  const storage = await openStorage({
    url: undefined,
    dataDir,
    keys: { current: { id: 'bench', key: Buffer.alloc(32, 7) } },
    log,
  });
  const limiter = createLimiter({
    windowMs: 3_600_000,
    global: 500,
    write: 30,
    deadlines: { interactive: 1000, delivery: 1000, background: 1000 },
  });
  // The runs the marks ask for are put off past the measurement: only the acknowledgement is timed.
  const engine = createDeliveryEngine({
    storage,
    reader: createV1FeedReader(
      createInstagramClient({
        apiUrl: 'http://127.0.0.1:9',
        clientId: 'bench',
        clientSecret: SECRET,
        redirectUri: 'http://127.0.0.1:9/cb',
        timeoutMs: 1000,
        signedRequests: false,
      }),
    ),
    limiter,
    poster: createDiscordFeedPoster({ rest: new REST(), log }),
    payers: createDiscordPayerStanding(new REST()),
    windowMs: 3_600_000,
    log,
    tuning: { debounceMs: 600_000 },
  });
  const receiver = createWebhookReceiver({
    clientSecret: SECRET,
    verifyToken: 'bench-verify-token',
    sink: dirtySourceSink(engine),
  });
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, log, routes: receiver.routes });
  try {
    const signature = createHmac('sha1', SECRET).update(body).digest('hex');
    const started = performance.now();
    const response = await fetch(`${server.url}/webhooks/instagram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
      body,
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } finally {
    await server.close();
    await engine.close();
    await limiter.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const FULL_BATCH_ROUNDS = 5;

export default async function deliveryListener(): Promise<BenchRow[]> {
  const requests = signedNotifications();

  const recorded: InstagramUpdate[][] = [];
  const receiver = createWebhookReceiver({
    clientSecret: SECRET,
    verifyToken: 'bench-verify-token',
    sink: { record: async (updates) => void recorded.push(updates) },
  });
  const igcord = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLogger(), routes: receiver.routes });
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const rounds: { webhook: LoadResult; baseline: LoadResult; ratio: number }[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const webhook = await runLoad(`${igcord.url}/webhooks/instagram`, requests);
    const baseline = await runLoad(bareUrl, requests);
    const ratio = perSecond(webhook) / perSecond(baseline);
    rounds.push({ webhook, baseline, ratio });
    console.log(`round ${round}:`);
    console.log(`  ${describe(`igcord webhook route, ${CLIENTS} keep-alive clients`, webhook)}`);
    console.log(`  ${describe(`bare node:http 200, ${CLIENTS} keep-alive clients`, baseline)}`);
    console.log(`  ratio ${ratio.toFixed(2)}`);
  }
  await igcord.close();
  bare.closeAllConnections();
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  console.log(
    `sink recorded ${recorded.length} notifications (warm-ups included); receiver stats ${JSON.stringify(receiver.stats)}`,
  );

  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  console.log(`ratio webhook / bare, median of ${ROUNDS} rounds: ${median.ratio.toFixed(2)} (goal >= 0.5)`);

  const batch = fullBatch();
  const acks: { ms: number; status: number }[] = [];
  for (let round = 1; round <= FULL_BATCH_ROUNDS; round += 1) {
    const ack = await acknowledgeFullBatch(batch.body);
    acks.push(ack);
    console.log(
      `full 64 KiB batch (${batch.updates} updates, one source each), SQLite, round ${round}: ${ack.status} after ${ack.ms.toFixed(1)} ms`,
    );
  }
  const byTime = [...acks].sort((a, b) => a.ms - b.ms);
  const ackMedian = byTime[Math.floor(byTime.length / 2)]!;
  const statuses = [...new Set(acks.map((a) => a.status))].join('/');
  return [
    {
      bench: 'delivery-listener',
      metric: 'webhook accepted/s (median round)',
      value: perSecond(median.webhook).toFixed(0),
    },
    {
      bench: 'delivery-listener',
      metric: 'webhook p99 latency (median round)',
      value: `${median.webhook.p99.toFixed(2)} ms`,
      goal: '< 2000 ms',
    },
    {
      bench: 'delivery-listener',
      metric: 'bare node:http 200/s (median round)',
      value: perSecond(median.baseline).toFixed(0),
    },
    {
      bench: 'delivery-listener',
      metric: `webhook / bare ratio (median of ${ROUNDS})`,
      value: median.ratio.toFixed(2),
      goal: '>= 0.5',
    },
    {
      bench: 'delivery-listener',
      metric: `full 64 KiB batch (${batch.updates} sources) acknowledged, SQLite (median of ${FULL_BATCH_ROUNDS}, max ${byTime.at(-1)!.ms.toFixed(0)} ms; ${statuses})`,
      value: `${ackMedian.ms.toFixed(1)} ms`,
      goal: '200 in < 1500 ms',
    },
  ];
}
