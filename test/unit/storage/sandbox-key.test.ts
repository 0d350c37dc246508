import { mkdtemp, readFile, rm, stat, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSandboxKey, SANDBOX_KEY_FILE } from '../../../src/storage/sandbox-key.js';

describe('sandbox encryption key', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('creates a 32-byte key readable by the owner only, in a new directory, and reads the same key next time', async () => {
    dir = await mkdtemp(join(tmpdir(), 'igcord-key-'));
    const dataDir = join(dir, 'data');
    const first = await loadOrCreateSandboxKey(dataDir);
    expect(first.key).toHaveLength(32);
    expect((await stat(join(dataDir, SANDBOX_KEY_FILE))).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateSandboxKey(dataDir);
    expect(second).toEqual(first);
  });

  it('tightens a key file left with loose permissions, and rejects a damaged one by name', async () => {
    dir = await mkdtemp(join(tmpdir(), 'igcord-key-'));
    await loadOrCreateSandboxKey(dir);
    const file = join(dir, SANDBOX_KEY_FILE);
    await chmod(file, 0o644);
    await loadOrCreateSandboxKey(dir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"key":"[^"]+"/, '"key":"c2hvcnQ="'));
    await expect(loadOrCreateSandboxKey(dir)).rejects.toThrow(/sandbox encryption key file .* is invalid/s);
  });
});
