// igcord's files on disk are for its own user only: the data directory holds encrypted tokens and the key that
// decrypts them, channel-webhook tokens and logs. Modes are set when a file is created (so it is never readable
// by others, whatever the umask) and tightened when an existing one is looser (an older igcord, a restored copy).
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) 0700 and sets an existing `dir` to 0700. Parents that exist are left alone. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `path` empty with mode 0600 if absent (never truncates), and sets an existing file to 0600. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Sets `path` to 0600 if it exists. */
export function tightenIfPresent(path: string): void {
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
