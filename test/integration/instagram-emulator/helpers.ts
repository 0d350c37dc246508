// Shared helpers for the emulator's tests: real HTTP with fetch against a started emulator, and a small
// receiver server for subscription callbacks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function call(url: string, init: RequestInit = {}): Promise<ApiAnswer> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function get(base: string, path: string, params: Record<string, string> = {}): Promise<ApiAnswer> {
  const query = new URLSearchParams(params).toString();
  return call(`${base}/v1${path}${query ? `?${query}` : ''}`);
}

export function post(base: string, path: string, form: Record<string, string>): Promise<ApiAnswer> {
  return call(`${base}/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function del(base: string, path: string, params: Record<string, string>): Promise<ApiAnswer> {
  return call(`${base}/v1${path}?${new URLSearchParams(params).toString()}`, { method: 'DELETE' });
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A callback receiver on an ephemeral port; `handler` decides each answer. */
export async function startReceiver(
  handler: (req: Received, res: ServerResponse) => void,
): Promise<{ url: string; received: Received[]; close(): Promise<void>; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a value (real time, short steps), failing after `ms`. */
export async function eventually<T>(check: () => T | undefined, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
