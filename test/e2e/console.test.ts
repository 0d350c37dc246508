// The sandbox console as a person uses it: `npm start`'s entry point in a child process with no credentials,
// driven through stdin and read from stdout. The banner comes first, then: the sandbox users, linking through
// the emulator's authorize page, a query on the linked account, a feed added to #instagram, media posted on the
// emulator, and the feed post printed as it arrives in the watched channel; numbered buttons and a modal on the
// way. `quit` stops igcord cleanly.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../sandbox/instagram/index.js';
import { assertNoSecretLogged, sandboxKeySecrets } from '../support/secret-scan.js';
import { WAIT_MS } from '../support/eventually.js';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

/** A console session: what it printed so far, and a wait for text to appear after a mark. */
class Session {
  output = '';
  private mark = 0;
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const w of this.waiters.splice(0)) w();
    });
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Types a line; later waits only look at what is printed from here on. */
  type(line: string): void {
    this.mark = this.output.length;
    this.child.stdin.write(`${line}\n`);
  }

  /** Resolves with the new output once it matches (generous timeout: the machine is shared). */
  async waitFor(pattern: RegExp, timeoutMs = WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.output.slice(this.mark);
      if (pattern.test(fresh)) return fresh;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${pattern}; the console printed:\n${fresh}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

describe('the sandbox console (npm start without credentials)', () => {
  let cwd: string;
  let session: Session;

  beforeAll(() => {
    // A directory of its own, so no developer's .env is read and the data starts empty.
    cwd = mkdtempSync(join(tmpdir(), 'igcord-console-'));
    const child = spawn(process.execPath, ['--import', tsx, main], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', DATA_DIR: join(cwd, 'data') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    session = new Session(child);
  });
  afterAll(async () => {
    if (session && session.child.exitCode === null) {
      session.child.kill('SIGKILL');
      await session.exited;
    }
    // The Discord fake lives in the child, so its tokens are not known here; the key and the client secret are.
    const logFile = join(cwd, 'data', 'sandbox', 'igcord.log');
    if (existsSync(logFile)) {
      const secrets = [
        ...(await sandboxKeySecrets(join(cwd, 'data', 'sandbox'))),
        { name: 'the sandbox client secret', value: SANDBOX_CLIENT.clientSecret },
      ];
      assertNoSecretLogged(readFileSync(logFile, 'utf8') + session.output, secrets, 'the sandbox log and console');
    }
  });

  it('shows the sandbox banner, where things are and how to go live', async () => {
    // Issue #7 asks for the banner within 10 s of `npm start` on an idle machine (tsx compiles the sources
    // first). The suite shares a busy machine, where that bound says more about the neighbours than about igcord,
    // so the test waits for the banner and leaves the figure to a run on an idle machine.
    const banner = await session.waitFor(/Type help for the commands/);
    expect(banner).toContain('igcord — SANDBOX');
    expect(banner).toMatch(/igcord HTTP\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toMatch(/Instagram emulator\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain('copy .env.example to .env');
    expect(banner).toContain('DISCORD_TOKEN');
    // Logs went to the file, not into the console.
    expect(banner).not.toContain('"level"');
    expect(existsSync(join(cwd, 'data', 'sandbox', 'igcord.log'))).toBe(true);
  });

  it('lists the seeded sandbox users', async () => {
    session.type('users');
    const out = await session.waitFor(/mila\.garden/);
    expect(out).toMatch(/mateo_rios — Mateo/);
  });

  it('explains a mistyped command instead of sending it', async () => {
    session.type('/media show');
    expect(await session.waitFor(/✗ .*media/)).toContain('missing required option');
  });

  it('links an Instagram account: /instagram link, then authorize as a sandbox user', async () => {
    session.type('/instagram link');
    const answer = await session.waitFor(/authorize <username>/);
    expect(answer).toMatch(/\[1\] .*→ http:\/\/127\.0\.0\.1:\d+\/link\?state=/);
    session.type('authorize mila.garden');
    const linked = await session.waitFor(
      /Linked[\s\S]*mila\.garden[\s\S]*igcord \(only you can see this\):[\s\S]*mila\.garden/,
    );
    expect(linked).toContain('Discord fake: confirmed as you');
    expect(linked).toContain('callback page (HTTP 200)');
  });

  it('answers a query on the linked account with a readable embed', async () => {
    session.type('/instagram me');
    const out = await session.waitFor(/└─+┘/);
    expect(out).toMatch(/┌─ .*@mila\.garden/);
    expect(out).toMatch(/Posts: \d+/);
  });

  it('pages with a numbered button: press 3 is Next', async () => {
    session.type('/user media');
    const first = await session.waitFor(/\[3\] Next ▶/);
    expect(first).toMatch(/post 1 of \d+/);
    expect(first).toContain('[1] ◀ Previous (disabled)');
    session.type('press 3');
    expect(await session.waitFor(/post 2 of \d+[\s\S]*\[3\] Next/)).toContain('[1] ◀ Previous');
  });

  it('fills a modal field by field: Paste a token asks for the token and shows the answer', async () => {
    session.type('/instagram link');
    await session.waitFor(/\[2\] Paste a token/);
    session.type('press 2');
    await session.waitFor(/Access token: /);
    session.type('not-a-token');
    await session.waitFor(/Scopes granted to this token \(optional\) \[basic [a-z_ ]+; Enter keeps it\]: /);
    session.type('');
    expect(await session.waitFor(/Nothing was linked/)).toMatch(/did not accept/);
  });

  it('adds a feed, posts media on the emulator and prints the feed post as it arrives in #instagram', async () => {
    session.type('/feed add-account channel:#instagram');
    expect(await session.waitFor(/Feed .* added/)).toContain('#instagram');
    session.type('watch #instagram');
    await session.waitFor(/Watching #instagram/);
    session.type('post mila.garden Fresh basil from the console');
    const post = await session.waitFor(/#instagram — new message from igcord:[\s\S]*└─+┘/, 30_000);
    expect(post).toContain('Fresh basil from the console');
    expect(post).toMatch(/┌─ .*@mila\.garden/);
  });

  it('stops igcord cleanly on quit', async () => {
    session.type('quit');
    expect(await session.exited).toBe(0);
    expect(readFileSync(join(cwd, 'data', 'sandbox', 'igcord.log'), 'utf8')).toContain('"msg":"stopped"');
  });
});
