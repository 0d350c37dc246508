// `npm start` when its HTTP port is taken. The sandbox is someone trying igcord on their own machine, where 3000
// is often another dev server's: with HTTP_PORT unset it takes a free port and says so. A port asked for with
// HTTP_PORT, and the live port a proxy points at, are never swapped: a busy one stops igcord with one line naming it.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runChild, STACK_LINE, startChild, TSX_IMPORT } from '../support/child-process.js';

const MAIN = join(REPO, 'src', 'main.ts');
const servers: Server[] = [];

/** Holds `port` on 127.0.0.1 until the test ends; already held by another program is as good. */
async function hold(port: number): Promise<number> {
  const server = createServer();
  const held = await new Promise<number | 'busy'>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve('busy') : reject(error),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  if (held === 'busy') return port;
  servers.push(server);
  return held;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const ownDir = () => mkdtempSync(join(tmpdir(), 'igcord-port-'));

describe('npm start with its HTTP port taken', () => {
  it('in the sandbox with HTTP_PORT unset, takes a free port and says so before its banner', async () => {
    await hold(3000);
    const child = startChild(process.execPath, [...TSX_IMPORT, MAIN], { cwd: ownDir() });
    child.proc.stdin.end();
    await child.waitForStdout(/Type help for the commands/);
    const [, url, port] = child.stdout().match(/igcord HTTP +(http:\/\/127\.0\.0\.1:(\d+))/)!;
    expect(port).not.toBe('3000');
    expect(child.stdout()).toContain(
      `igcord: port 3000 is in use, so the sandbox took port ${port}; set HTTP_PORT to choose one.`,
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.signal('SIGTERM');
    const exit = await child.exited;
    expect(exit.code).toBe(0);
  });

  it('in the sandbox with HTTP_PORT set to a busy port, exits 1 with one line naming the port', async () => {
    const port = await hold(0);
    const result = await runChild(process.execPath, [...TSX_IMPORT, MAIN], {
      cwd: ownDir(),
      env: { HTTP_PORT: String(port) },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr.trim().split('\n')).toEqual([
      `igcord cannot start: port ${port} on 127.0.0.1 is already in use (HTTP_PORT=${port}); stop what uses it or set HTTP_PORT to a free port`,
    ]);
  });

  it('in live mode with HTTP_PORT unset, does not move off 3000, which the proxy points at: exits 1 naming it', async () => {
    await hold(3000);
    const result = await runChild(process.execPath, [...TSX_IMPORT, MAIN], {
      cwd: ownDir(),
      env: {
        HTTP_HOST: '127.0.0.1',
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.port-test-token',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_CLIENT_SECRET: 'port-test-client-secret',
        // Nothing answers here: igcord must stop before it reaches for Discord or Instagram.
        DISCORD_API_URL: 'http://127.0.0.1:9',
        INSTAGRAM_API_URL: 'http://127.0.0.1:9',
        INSTAGRAM_CLIENT_ID: '0123456789abcdef0123456789abcdef',
        INSTAGRAM_CLIENT_SECRET: 'fedcba9876543210fedcba9876543210',
        PUBLIC_URL: 'https://igcord.example.org',
        WEBHOOK_VERIFY_TOKEN: 'port-test-verify',
        TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr.trim().split('\n')).toEqual([
      'igcord cannot start: port 3000 on 127.0.0.1 is already in use (HTTP_PORT unset, so 3000); stop what uses it or set HTTP_PORT to a free port',
    ]);
  });
});
