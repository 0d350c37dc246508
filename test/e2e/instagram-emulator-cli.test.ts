// `npm run sandbox:instagram`, the emulator on its own: it explains itself (--help), refuses a bad command line or
// a busy port in one line without a stack trace, and every example of its README works as written — the README's
// shell blocks are run here, against the emulator started by the README's own command.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runChild, STACK_LINE, startChild, TSX_IMPORT, type Child } from '../support/child-process.js';
import { runShellBlock, shellBlocks, type CurlCall } from '../support/readme-shell.js';

const CLI = join(REPO, 'sandbox', 'instagram', 'cli.ts');
const runCli = (...args: string[]) => runChild(process.execPath, [...TSX_IMPORT, CLI, ...args], { cwd: REPO });

async function listen(port = 0): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
const portOf = (server: Server) => (server.address() as { port: number }).port;
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('npm run sandbox:instagram', () => {
  it('--help prints the usage with every option and exits 0', async () => {
    const result = await runCli('--help');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run sandbox:instagram -- \[options\]/);
    for (const option of [
      '--port',
      '--host',
      '--client-id',
      '--client-secret',
      '--redirect-uri',
      '--window-ms',
      '--mode',
      '--seed',
      '--signed-requests',
      '--help',
    ]) {
      expect(result.stdout).toContain(option);
    }
  });

  it('an unknown option is refused in one line that names it, without a stack trace, exit 2', async () => {
    const result = await runCli('--prot', '4100');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^sandbox:instagram: unknown option --prot; see --help$/),
    ]);
    expect(result.stdout).toBe('');
  });

  it('a malformed value is refused in one line that names the option, exit 2', async () => {
    const result = await runCli('--port', 'eighty');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^sandbox:instagram: --port: expected a whole number from 0 to 65535/),
    ]);
  });

  it('a busy port is refused in one line that names it, without a stack trace, exit 1', async () => {
    const holder = await listen();
    try {
      const port = portOf(holder);
      const result = await runCli('--port', String(port));
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stderr.trim().split('\n')).toEqual([
        `sandbox:instagram: port ${port} on 127.0.0.1 is already in use; choose another with --port (--port 0 picks a free one)`,
      ]);
    } finally {
      await close(holder);
    }
  });
});

describe('sandbox/instagram/README.md', () => {
  const readme = readFileSync(join(REPO, 'sandbox', 'instagram', 'README.md'), 'utf8');
  const DOCUMENTED_PORT = '4100';
  let port: string;
  let emulator: Child | undefined;
  const vars = new Map<string, string>();
  let blocks: string[];

  beforeAll(async () => {
    // The one liberty taken with the examples: the README's port, which another program may hold on this
    // machine, becomes one that was free a moment ago.
    const probe = await listen();
    port = String(portOf(probe));
    await close(probe);
    blocks = shellBlocks(readme).map((block) => block.replaceAll(DOCUMENTED_PORT, port));
  });
  afterAll(async () => {
    if (emulator && emulator.proc.exitCode === null) {
      emulator.signal('SIGKILL');
      await emulator.exited;
    }
  });

  it('shows the command that starts the emulator, and every option it lists is one the CLI takes', async () => {
    expect(blocks[0]).toContain(`npm run sandbox:instagram -- --port ${port}`);
    const documented = [...blocks[0]!.matchAll(/--[a-z-]+/g)].map((m) => m[0]).filter((o) => o !== '--port');
    expect(documented.length).toBeGreaterThan(5);
    const help = (await runCli('--help')).stdout;
    for (const option of documented) expect(help, option).toContain(option);
  });

  it('runs every example against the emulator its own command starts, each answering 2xx with what its note says', async () => {
    const calls: CurlCall[] = [];
    for (const block of blocks) {
      calls.push(
        ...(await runShellBlock(block, vars, async (words) => {
          if (words.slice(0, 3).join(' ') !== 'npm run sandbox:instagram') return false;
          emulator = startChild('npm', words.slice(1), { cwd: REPO, group: true });
          emulator.proc.stdin.end();
          await emulator.waitForStdout(
            new RegExp(`listening on http://127\\.0\\.0\\.1:${port}\\b[\\s\\S]*sandbox users:`),
          );
          return true;
        })),
      );
    }
    expect(emulator, 'the README starts the emulator').toBeDefined();
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls) {
      expect(call.status, `${call.source}\n→ ${call.body}`).toBeGreaterThanOrEqual(200);
      expect(call.status, `${call.source}\n→ ${call.body}`).toBeLessThan(300);
      // A note such as `→ {access_token, user}` or `→ {deleted: true}` names the top-level keys that come back.
      const keys = call.note?.match(/^\{([^}]*)\}/)?.[1];
      if (keys === undefined) continue;
      const body = JSON.parse(call.body) as Record<string, unknown>;
      for (const part of keys.split(',')) {
        const [key, literal] = part.split(':').map((s) => s.trim());
        expect(body, `${call.source}: ${key}`).toHaveProperty(key!);
        if (literal === 'true' || literal === 'false')
          expect(body[key!], `${call.source}: ${key}`).toBe(literal === 'true');
      }
    }
    // The revoked token is refused by the API afterwards, as the admin example promises.
    const token = vars.get('T');
    expect(token, 'the admin example keeps the token it revokes in $T').toBeDefined();
    const response = await fetch(`http://127.0.0.1:${port}/v1/users/self?access_token=${encodeURIComponent(token!)}`);
    expect(response.status).toBe(400);
  });

  it('stops the emulator cleanly on Ctrl-C, as it says', async () => {
    expect(emulator).toBeDefined();
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground job (npm, its shell, tsx, the emulator).
    emulator!.signal('SIGINT');
    const exit = await emulator!.exited;
    expect(exit.stdout).toContain('SIGINT: closing the emulator');
    expect(exit.stderr).not.toMatch(STACK_LINE);
    await expect(fetch(`http://127.0.0.1:${port}/_emulator/users`)).rejects.toThrow();
  });
});
