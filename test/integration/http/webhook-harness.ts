// Test harness for the HTTP area: a real igcord HTTP server on 127.0.0.1 port 0 with the webhook receiver, an
// in-memory sink whose behaviour a test can switch (record, fail, hang), captured log lines, and signing helpers
// that compute X-Hub-Signature with node's crypto independently of the code under test.
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import {
  createWebhookReceiver,
  type InstagramUpdate,
  type NotificationSink,
  type WebhookStats,
} from '../../../src/http/webhook-receiver.js';

export const CLIENT_SECRET = '0123456789abcdef0123456789abcdef';
export const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
export const VERIFY_TOKEN = 'verify-token-that-must-never-be-logged';

export function sign(body: Buffer | string, secret = CLIENT_SECRET): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

export class MemorySink implements NotificationSink {
  readonly batches: InstagramUpdate[][] = [];
  mode: 'record' | 'fail' | 'hang' = 'record';
  async record(updates: InstagramUpdate[]): Promise<void> {
    if (this.mode === 'fail') throw new Error('storage is down');
    if (this.mode === 'hang') return new Promise<void>(() => {});
    this.batches.push(updates);
  }
  reset(): void {
    this.batches.length = 0;
    this.mode = 'record';
  }
}

export interface Harness {
  server: HttpServer;
  endpoint: string;
  sink: MemorySink;
  stats: WebhookStats;
  logs: string[];
}

export async function startHarness(
  options: { maxBodyBytes?: number; recordTimeoutMs?: number } = {},
): Promise<Harness> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  const sink = new MemorySink();
  const receiver = createWebhookReceiver({
    clientSecret: CLIENT_SECRET,
    verifyToken: VERIFY_TOKEN,
    sink,
    maxBodyBytes: options.maxBodyBytes,
    recordTimeoutMs: options.recordTimeoutMs ?? 300,
  });
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log,
    routes: receiver.routes,
    closeTimeoutMs: 2000,
  });
  return { server, endpoint: `${server.url}/webhooks/instagram`, sink, stats: receiver.stats, logs };
}

/** POSTs raw bytes with the given headers through fetch and returns status, content type and body text. */
export async function post(endpoint: string, body: Buffer | string, headers: Record<string, string>) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? Buffer.from(body) : body,
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

export function signedHeaders(body: Buffer | string, secret = CLIENT_SECRET): Record<string, string> {
  return { 'content-type': 'application/json', 'x-hub-signature': sign(body, secret) };
}
