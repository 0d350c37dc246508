// Starting igcord with a bad environment, as `npm start` does: a child process that must name every problem on
// stderr, exit non-zero, and print no secret value — whether the environment or `.env` holds the problem.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

function start(
  env: Record<string, string>,
  dotEnv?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // A directory of its own, so no developer's .env is read.
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-start-'));
  if (dotEnv !== undefined) writeFileSync(join(cwd, '.env'), dotEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, main], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('starting igcord', () => {
  it('with half of the credentials, names each missing variable and exits non-zero without printing a secret', async () => {
    const secret = 'fedcba9876543210fedcba9876543210';
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bot-token-never-printed';
    const result = await start({ DISCORD_TOKEN: token, INSTAGRAM_CLIENT_SECRET: secret });
    expect(result.code).toBe(1);
    for (const name of [
      'DISCORD_APPLICATION_ID',
      'INSTAGRAM_CLIENT_ID',
      'PUBLIC_URL',
      'WEBHOOK_VERIFY_TOKEN',
      'TOKEN_ENCRYPTION_KEY',
    ]) {
      expect(result.stderr).toContain(`${name}: missing`);
    }
    expect(result.stderr + result.stdout).not.toContain(secret);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('with malformed values, lists every one at once and echoes none of them', async () => {
    const badSecret = 'this-is-not-a-hex-secret-0123456789';
    const badKey = 'k1:dG9vLXNob3J0LWtleQ==';
    const result = await start({
      INSTAGRAM_CLIENT_SECRET: badSecret,
      TOKEN_ENCRYPTION_KEY: badKey,
      HTTP_PORT: 'eighty',
      LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(1);
    for (const name of [
      'INSTAGRAM_CLIENT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'HTTP_PORT',
      'LOG_LEVEL',
      'DISCORD_TOKEN',
      'INSTAGRAM_CLIENT_ID',
    ]) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stderr + result.stdout).not.toContain(badSecret);
    expect(result.stderr + result.stdout).not.toContain('dG9vLXNob3J0LWtleQ');
  });

  it('reads .env from its working directory, where the real environment wins unless its value is blank', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.dotenv-token-never-printed';
    const dotEnv = [`DISCORD_TOKEN=${token}`, 'HTTP_PORT=eighty', 'LOG_LEVEL=loud', 'DISCORD_APPLICATION_ID=', ''].join(
      '\n',
    );
    // LOG_LEVEL is set for real, so the file's bad one is not read; HTTP_PORT is blank, which counts as unset.
    const result = await start({ LOG_LEVEL: 'info', HTTP_PORT: '' }, dotEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  - HTTP_PORT: expected a whole number from 0 to 65535');
    expect(result.stderr).toContain('  - DISCORD_APPLICATION_ID: missing;');
    expect(result.stderr).not.toContain('LOG_LEVEL');
    expect(result.stderr + result.stdout).not.toContain(token);
    expect(result.stderr + result.stdout).not.toContain('eighty');
  });
});
