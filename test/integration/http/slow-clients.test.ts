// Slow and greedy clients against igcord's HTTP server, over raw sockets: a client that dribbles its headers
// (slowloris) or stalls its body is cut off close to the configured timeout — not at node's 30-second check
// interval — and connections past the cap are refused while the server keeps answering once some close.
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../../../src/http/http-response.js';
import { readBody } from '../../../src/http/read-body.js';
import { route } from '../../../src/http/router.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 1500;
/**
 * The cut must come before this: far below node's 30 s check interval (what the test tells apart), with room for
 * a busy two-core machine, where timers fire seconds late.
 */
const bound = (timeoutMs: number) => timeoutMs * 1.5 + 5_000;

const opened: HttpServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function start(maxConnections?: number) {
  const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log,
    closeTimeoutMs: 500,
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    ...(maxConnections !== undefined ? { maxConnections } : {}),
    routes: [
      route('GET', '/healthz', () => json(200, { ok: true })),
      route('POST', '/echo', async ({ req }) => json(200, { bytes: (await readBody(req, 1024 * 1024)).length })),
    ],
  });
  opened.push(server);
  return server;
}

/** A raw TCP connection; resolves once connected. */
function open(server: HttpServer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

/** Resolves when the server ends the connection, with what it sent and how long after `since` that was. */
function closed(socket: Socket, since: number): Promise<{ ms: number; received: string }> {
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  return new Promise((resolve) => socket.once('close', () => resolve({ ms: performance.now() - since, received })));
}

describe('http server and slow clients', () => {
  it("cuts a client that dribbles its headers soon after the headers timeout, not at node's 30 s check", async () => {
    const server = await start();
    const socket = await open(server);
    const since = performance.now();
    const ended = closed(socket, since);
    socket.write('GET /healthz HTTP/1.1\r\nHost: igcord\r\n');
    // One header line every 100 ms, never the blank line that ends them: each write resets no timer of ours.
    const dribble = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Slow-${Math.floor(performance.now())}: a\r\n`);
    }, 100);
    const { ms, received } = await ended.finally(() => clearInterval(dribble));
    expect(ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS * 0.9);
    expect(ms).toBeLessThan(bound(HEADERS_TIMEOUT_MS));
    expect(received).not.toContain('200 OK');
  }, 20_000);

  it("cuts a client whose body stalls soon after the request timeout, not at node's 30 s check", async () => {
    const server = await start();
    const socket = await open(server);
    const since = performance.now();
    const ended = closed(socket, since);
    socket.write(
      'POST /echo HTTP/1.1\r\nHost: igcord\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n',
    );
    socket.write('x'.repeat(10));
    const { ms, received } = await ended;
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS * 0.9);
    expect(ms).toBeLessThan(bound(REQUEST_TIMEOUT_MS));
    expect(received).not.toContain('"bytes"');
  }, 20_000);

  it('still answers a client that sends its request promptly', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/echo`, { method: 'POST', body: 'x'.repeat(5000) });
    expect(await response.json()).toEqual({ bytes: 5000 });
  });

  it('refuses connections past the cap and answers /healthz again once some close', async () => {
    const server = await start(3);
    const held = [await open(server), await open(server), await open(server)];
    // Each held connection has spoken, so the server has surely accepted it before the next one arrives.
    for (const socket of held) socket.write('GET /healthz HTTP/1.1\r\nHost: igcord\r\n');

    const extra = await open(server);
    const refused = await closed(extra, performance.now());
    expect(refused.received).toBe('');

    const first = held[0]!;
    const gone = closed(first, performance.now());
    first.destroy();
    await gone;
    // The server counts the closed connection down when it sees the close; ask until it has.
    let status = 0;
    while (status !== 200) {
      status = await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } }).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  }, 20_000);
});
