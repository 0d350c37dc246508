// The sandbox console as `npm start` runs it: src/main.ts in a child process (through tsx, as npm start does)
// with no credentials, its own working directory and data directory, typed into through stdin and read from
// stdout. A test waits for the text it expects after the line it typed, never for a fixed time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

export class ConsoleChild {
  output = '';
  private mark = 0;
  private waiters: Array<() => void> = [];
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  /**
   * Starts `npm start`'s entry point in `cwd` with `dataDir` as DATA_DIR and nothing of this process's environment
   * but PATH, plus `env` (INSTAGRAM_PROVIDER=graph, say).
   */
  constructor(cwd: string, dataDir: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--import', tsx, main], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', DATA_DIR: dataDir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const wake = () => {
      for (const w of this.waiters.splice(0)) w();
    };
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      wake();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      wake();
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        resolve(code);
        wake();
      }),
    );
  }

  /** Types a line; later waits only look at what is printed from here on. */
  type(line: string): void {
    this.mark = this.output.length;
    this.child.stdin.write(`${line}\n`);
  }

  /** What was printed since the last typed line. */
  fresh(): string {
    return this.output.slice(this.mark);
  }

  /** Resolves with the output since the last typed line once it matches; fails if the process exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.fresh();
      if (pattern.test(fresh)) return fresh;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`igcord exited before printing ${pattern}; it printed:\n${fresh}`);
      }
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

  /** Kills the process if it still runs (a failed test), and waits for it to end. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
