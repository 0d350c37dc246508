// igcord's entry points run as a person runs them: a child process with its own working directory and only the
// environment the test gives it. A test waits for the line it expects (never for a fixed time) or for the exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** The repository root, whatever the test's working directory. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** `--import <tsx>`: how the TypeScript entry points run from source, as `npm start` runs them. */
export const TSX_IMPORT = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Sends the signal to the child, or to its whole group if it has one. */
  signal(signal: NodeJS.Signals): void;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once it matches; rejects if the process exits first (with what it printed). */
  waitForStdout(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<Exit>;
}

export interface ChildOptions {
  cwd: string;
  /** The whole environment of the child: nothing of the test runner's leaks in but PATH and HOME. */
  env?: Record<string, string>;
  /** Killed with SIGKILL after this long, so a hung child fails the test instead of holding up the run. */
  killAfterMs?: number;
  /**
   * A process group of its own, signalled as a whole like the foreground job of a terminal (Ctrl-C) or a service
   * under systemd: needed for `npm run …`, whose shell does not pass a signal sent to npm alone on to the script.
   */
  group?: boolean;
}

export function startChild(command: string, args: string[], options: ChildOptions): Child {
  const proc = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.group && proc.pid !== undefined) process.kill(-proc.pid, name);
      else proc.kill(name);
    } catch {
      // Already gone.
    }
  };
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const listener of listeners) listener();
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killer = setTimeout(() => signal('SIGKILL'), options.killAfterMs ?? 60_000);
  const exited = new Promise<Exit>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(killer);
      for (const listener of listeners) listener();
      resolve({ code, signal, stdout, stderr });
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    proc,
    signal,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForStdout(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stdout.match(pattern);
          if (match) {
            listeners.delete(check);
            resolve(match);
          } else if (done || proc.exitCode !== null || proc.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`exited before printing ${pattern}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs a command to its end. */
export function runChild(command: string, args: string[], options: ChildOptions): Promise<Exit> {
  const child = startChild(command, args, options);
  child.proc.stdin.end();
  return child.exited;
}

/** Node's own stack-trace lines (`    at f (file:1:2)`): a person-facing error must have none. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
