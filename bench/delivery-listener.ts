// How many signed notifications per second igcord's webhook route accepts (415/413/401/400 checks, HMAC-SHA1,
// zod, an in-memory sink) compared with a bare node:http server that only answers 200, both under the same load:
// N keep-alive clients on loopback for a few seconds. The load runs in a worker thread so that the client and
// the server under test do not share one event loop. The two servers are measured in alternating rounds and the
// median of the rounds' ratios is reported, so a burst of other work on the shared machine during one
// measurement does not decide the figure. The goal is a ratio of at least 0.5.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { silentLogger } from '../src/log.js';
import { startHttpServer } from '../src/http/server.js';
import { createWebhookReceiver, type InstagramUpdate } from '../src/http/webhook-receiver.js';
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
      headers: { 'content-type': 'application/json', 'x-hub-signature': createHmac('sha1', SECRET).update(body).digest('hex') },
    };
  });
}

function perSecond(r: LoadResult): number {
  return r.ok / r.seconds;
}

function describe(name: string, r: LoadResult): string {
  return `${name}: ${perSecond(r).toFixed(0)}/s (${r.ok} ok, ${r.other} other status, ${r.errors} errors in ${r.seconds.toFixed(1)} s), latency p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms`;
}

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
  console.log(`sink recorded ${recorded.length} notifications (warm-ups included); receiver stats ${JSON.stringify(receiver.stats)}`);

  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  console.log(`ratio webhook / bare, median of ${ROUNDS} rounds: ${median.ratio.toFixed(2)} (goal >= 0.5)`);
  return [
    { bench: 'delivery-listener', metric: 'webhook accepted/s (median round)', value: perSecond(median.webhook).toFixed(0) },
    { bench: 'delivery-listener', metric: 'webhook p99 latency (median round)', value: `${median.webhook.p99.toFixed(2)} ms`, goal: '< 2000 ms' },
    { bench: 'delivery-listener', metric: 'bare node:http 200/s (median round)', value: perSecond(median.baseline).toFixed(0) },
    { bench: 'delivery-listener', metric: `webhook / bare ratio (median of ${ROUNDS})`, value: median.ratio.toFixed(2), goal: '>= 0.5' },
  ];
}
