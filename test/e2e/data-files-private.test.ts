// The files igcord keeps on disk hold secrets (encrypted tokens and the key that decrypts them, channel-webhook
// tokens, logs): `npm start`'s entry point, run as an operator would with the usual umask 022, must create the
// data directory 0700 and every file in it 0600 (log file, SQLite file and its -wal/-shm, sandbox key), and
// tighten ones an earlier version or a copy left readable to others.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

/**
 * Starts the sandbox in `cwd` under umask 022, waits for its banner, reads the modes under `data` while it runs
 * (the SQLite -wal and -shm files exist only while the database is open), then stops it with SIGTERM.
 */
async function runSandbox(cwd: string): Promise<string[]> {
  const child = spawn('/bin/sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, '--import', tsx, main], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', DATA_DIR: join(cwd, 'data') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Type help for the commands')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`igcord exited before its banner:\n${output}`)));
  });
  const seen = modes(join(cwd, 'data'), cwd);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return seen;
}

/** Every directory and file under `root` (itself included) with its permission bits, e.g. `data/sandbox 700`. */
function modes(root: string, base: string): string[] {
  const out = [`${relative(base, root)} ${(statSync(root).mode & 0o777).toString(8)}`];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...modes(path, base));
    else out.push(`${relative(base, path)} ${(statSync(path).mode & 0o777).toString(8)}`);
  }
  return out.sort();
}

describe('igcord files on disk', () => {
  it(
    'creates the data directory 0700 and the log, SQLite and key files 0600, and tightens looser ones',
    { timeout: 90_000 },
    async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'igcord-files-'));
      const first = await runSandbox(cwd);
      for (const name of [
        'igcord.log',
        'igcord.sqlite',
        'igcord.sqlite-wal',
        'igcord.sqlite-shm',
        'token-encryption.key',
      ]) {
        expect(first).toContain(`data/sandbox/${name} 600`);
      }
      expect(first.filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
      expect(first.filter((line) => line.endsWith(' 700'))).toEqual(['data 700', 'data/sandbox 700']);

      // Files left readable to others (an older igcord, a backup restored with cp) are tightened at the next start.
      // (A clean stop removes the -wal and -shm files.)
      for (const line of first) {
        const path = join(cwd, line.split(' ')[0]!);
        if (existsSync(path)) chmodSync(path, line.endsWith(' 700') ? 0o755 : 0o644);
      }
      const second = await runSandbox(cwd);
      expect(second.filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
    },
  );
});
