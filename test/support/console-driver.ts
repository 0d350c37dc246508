// Drives the sandbox console (src/console) in this process against a whole igcord (test/support/igcord-harness):
// the real bot, the Discord fake and the Instagram emulator, with lines typed into the console's input and its
// output read back. Faster than spawning `npm start` for every scenario, and the same console code runs.
import { PassThrough, Writable } from 'node:stream';
import { startConsole, type SandboxConsole } from '../../src/console/console.js';
import { createLogger } from '../../src/log.js';
import { startTestIgcord, type TestIgcord } from './igcord-harness.js';

export interface ConsoleDriver {
  igcord: TestIgcord;
  console: SandboxConsole;
  /** Everything the console printed so far. */
  output(): string;
  /** Every line the console itself logged (its log goes to igcord's file in the sandbox). */
  consoleLogs(): string;
  /** Types a line; later waits only look at what is printed from here on. */
  type(line: string): void;
  /** Resolves with the output printed since the last typed line once it matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Ends the input and stops igcord (idempotent). */
  close(): Promise<void>;
}

export async function startConsoleDriver(env: Record<string, string> = {}): Promise<ConsoleDriver> {
  const igcord = await startTestIgcord(env);
  const sandbox = igcord.app.sandbox!;
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  let mark = 0;
  const waiters: Array<() => void> = [];
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    for (const w of waiters.splice(0)) w();
  });
  const logLines: string[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, callback) {
        logLines.push(String(chunk));
        callback();
      },
    }),
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      input.end();
      await igcord.close();
    })());
  const sandboxConsole = startConsole({
    sandbox,
    definitions: igcord.app.bot.commands.definitions,
    input,
    output,
    log,
    onQuit: () => void close(),
    answerTimeoutMs: 20_000,
  });
  return {
    igcord,
    console: sandboxConsole,
    output: () => printed,
    consoleLogs: () => logLines.join(''),
    type(line) {
      mark = printed.length;
      input.write(`${line}\n`);
    },
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const fresh = printed.slice(mark);
        if (pattern.test(fresh)) return fresh;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${pattern}; the console printed:\n${fresh}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 500));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close,
  };
}
