// The sandbox's memory: the Instagram emulator's and the Discord fake's worlds kept as JSON files in the sandbox
// data directory (`instagram-world.json`, `discord-world.json`, owner-only like every file igcord keeps), read
// when the sandbox starts and written when they change, so a second `npm start` finds the guild, the person, the
// linked account's tokens and the feeds' channels and webhooks where the first left them.
//
// Written at most once a second, and only when a world changed since it was read or last written (its JSON
// differs), plus once at shutdown: a crash loses at most the last second of changes. Each write goes to a temporary file renamed over
// the old one, so a crash mid-write leaves the previous world whole. A file that cannot be read back (edited,
// truncated, from an incompatible version) is set aside as `<name>.unreadable-<time>` and the sandbox starts that
// world afresh, saying so in the log.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './log.js';
import { PRIVATE_FILE_MODE, ensurePrivateDir, tightenIfPresent } from './util/private-files.js';

/** How often a changed world is written: the most a crash can lose. */
export const WORLD_SAVE_INTERVAL_MS = 1000;

export interface WorldFile<T> {
  /** File name in the sandbox data directory. */
  name: string;
  /** Checks what was read (zod in each fake's parseSnapshot); throws when it is not a world. */
  parse(value: unknown): T;
}

/** Reads a world file: undefined when there is none yet, or when it is unreadable (then set aside and logged). */
export function readWorld<T>(dir: string, file: WorldFile<T>, log: Logger): T | undefined {
  const path = join(dir, file.name);
  tightenIfPresent(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return file.parse(JSON.parse(text));
  } catch (error) {
    const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    log.warn(
      { err: error, file: path, movedTo: aside },
      'sandbox: a saved world could not be read back, so that part of the sandbox starts afresh (the old file was kept aside)',
    );
    return undefined;
  }
}

export interface WorldSaver {
  /** Writes every world that changed since its last write. */
  flush(): void;
  /** Writes what changed one last time and stops the timer (idempotent). */
  close(): void;
}

/**
 * Saves each world every WORLD_SAVE_INTERVAL_MS when its JSON changed; `take` returns the world as plain JSON,
 * `restored` is that JSON as the world stood just after it was restored from its file (undefined for a new world).
 */
export function saveWorlds(
  dir: string,
  worlds: { name: string; restored: string | undefined; take(): unknown }[],
  log: Logger,
): WorldSaver {
  ensurePrivateDir(dir);
  // A world read from its file is written again only once it changes: a second `npm start` on the same data
  // directory, refused by the instance lock after its sandbox started, so writes nothing over the running one's
  // files. A new world is written at once, so that its file exists from the start.
  const written = new Map(
    worlds.flatMap((world) => (world.restored === undefined ? [] : [[world.name, world.restored] as const])),
  );
  const flush = () => {
    for (const world of worlds) {
      try {
        const text = JSON.stringify(world.take());
        if (written.get(world.name) === text) continue;
        writePrivateFileAtomically(join(dir, world.name), text);
        written.set(world.name, text);
      } catch (error) {
        log.error({ err: error, file: world.name }, 'sandbox: could not save a world; the next change tries again');
      }
    }
  };
  flush();
  const timer = setInterval(flush, WORLD_SAVE_INTERVAL_MS);
  // The timer must not keep a stopping process alive; close() does the last write.
  timer.unref();
  let closed = false;
  return {
    flush,
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      flush();
    },
  };
}

/** Writes `text` to `path` through a 0600 temporary file renamed over it (a reader never sees half a file). */
function writePrivateFileAtomically(path: string, text: string): void {
  const temporary = `${path}.writing`;
  writeFileSync(temporary, text, { mode: PRIVATE_FILE_MODE });
  renameSync(temporary, path);
}
