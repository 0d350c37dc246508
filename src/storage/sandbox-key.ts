// The token encryption key of the sandbox: when no TOKEN_ENCRYPTION_KEY is configured (only allowed without live
// credentials, see src/config.ts), igcord makes one on first start and keeps it next to the SQLite file, readable
// by the owner only, so tokens stored in one sandbox session still decrypt in the next.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir } from '../util/private-files.js';
import { validate } from '../util/validate.js';
import type { EncryptionKey } from './token-cipher.js';

export const SANDBOX_KEY_FILE = 'token-encryption.key';

const keyFile = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  key: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, { error: 'expected base64 of 32 bytes' }),
});

/** Reads `<dataDir>/token-encryption.key`, creating it (mode 0600, its directory made or tightened to 0700) when absent. */
export async function loadOrCreateSandboxKey(dataDir: string): Promise<EncryptionKey> {
  const path = join(dataDir, SANDBOX_KEY_FILE);
  ensurePrivateDir(dataDir);
  const made = {
    version: 1 as const,
    id: `sbx${Date.now().toString(36)}`.slice(0, 16),
    key: randomBytes(32).toString('base64'),
  };
  try {
    // `wx` fails if the file exists, so two processes starting at once cannot overwrite each other's key.
    await writeFile(path, `${JSON.stringify(made)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A file copied in with looser permissions is tightened: it holds the key to every stored token.
  await chmod(path, 0o600);
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = validate(keyFile, json, `sandbox encryption key file ${path}`);
  return { id: parsed.id, key: Buffer.from(parsed.key, 'base64') };
}
