// A load balancer in front of igcord's edge processes, as an operator puts one: one public URL, and each request
// (an Instagram notification, a Discord interaction) forwarded whole to the next edge in turn. Real sockets both
// ways; it counts what each edge was sent, so a test can show that the work really was spread.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  url: string;
  /** Adds an edge (its base URL) to the rotation. */
  add(target: string): void;
  /** How many requests whose path starts with `prefix` went to each edge, by base URL. */
  sent(prefix: string): Map<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobin(): Promise<RoundRobin> {
  const targets: string[] = [];
  const log: Array<{ target: string; path: string }> = [];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (targets.length === 0) {
        res.writeHead(502).end('no edge');
        return;
      }
      const target = targets[next++ % targets.length]!;
      log.push({ target, path: req.url ?? '' });
      const headers: IncomingHttpHeaders = { ...req.headers, host: new URL(target).host };
      const upstream = request(`${target}${req.url ?? '/'}`, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502);
        res.end(`edge unreachable: ${error.message}`);
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    add: (target) => void targets.push(target),
    sent(prefix) {
      const counts = new Map<string, number>();
      for (const e of log) if (e.path.startsWith(prefix)) counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
