// The instance lock in a SQLite file: one row per lock name in `igcord_instance_lock`, holding the owner, its pid,
// host and pid namespace, and the time of its last heartbeat. SQLite's own write lock makes every step atomic
// across processes: taking over is one upsert that succeeds only if the row still names the owner that was
// judged abandoned, renewing and releasing only touch a row that names us. A holder is abandoned when its
// heartbeat is older than its stale threshold, or at once when its pid is gone on this same host (a SIGKILL).
// Used in the storage's own database file, and as a lock file for the bot token when nothing is shared.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import { StorageError } from './errors.js';
import {
  holderIsDead,
  type LeaseAttempt,
  type LeaseLock,
  type LeaseMode,
  type LockOwner,
  type LockTiming,
} from './lease.js';
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection.js';

const TABLE = 'igcord_instance_lock';

const rowSchema = z.object({
  owner: z.string(),
  pid: z.number().int().nullable(),
  host: z.string().nullable(),
  pid_ns: z.string().nullable(),
  heartbeat_at: z.number(),
  stale_ms: z.number(),
});

/** The storage's writers hold SQLite's write lock for milliseconds; waiting beats failing. */
const connect = (file: string) => openSqliteConnection(file, { busyTimeoutMs: 5_000 });

/** The lock `name` in the SQLite file `file` (created if missing). */
export function sqliteLock(file: string, name: string): LeaseLock {
  return {
    async tryAcquire(owner: LockOwner, timing: LockTiming, mode: LeaseMode = 'exclusive'): Promise<LeaseAttempt> {
      // An SQLite file is one process's storage: edge and worker processes need Redis or PostgreSQL (config refuses
      // them earlier; this holds for any other caller).
      if (mode === 'shared') throw new StorageError('an SQLite storage cannot be shared by edge and worker processes');
      const db = await connect(file);
      try {
        await db.run(
          `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER, host TEXT, pid_ns TEXT,
           heartbeat_at INTEGER NOT NULL, stale_ms INTEGER NOT NULL)`,
        );
        // Another process may slip in between the read and the upsert; the upsert then changes nothing and the
        // row is read again. Three rounds are plenty: each lost round means someone else acquired.
        for (let round = 0; round < 3; round += 1) {
          const rows = await db.all(
            `SELECT owner, pid, host, pid_ns, heartbeat_at, stale_ms FROM ${TABLE} WHERE name = ?`,
            name,
          );
          const current = rows[0] === undefined ? undefined : validate(rowSchema, rows[0], `instance lock row ${name}`);
          const now = Date.now();
          if (current) {
            const holder = {
              pid: current.pid ?? undefined,
              host: current.host ?? undefined,
              pidNamespace: current.pid_ns ?? undefined,
            };
            const stale = now - current.heartbeat_at > current.stale_ms || holderIsDead(holder, owner);
            if (!stale) {
              await db.close();
              return { holder: { pid: holder.pid, host: holder.host, heartbeatAgeMs: now - current.heartbeat_at } };
            }
          }
          const taken = await db.all(
            `INSERT INTO ${TABLE} (name, owner, pid, host, pid_ns, heartbeat_at, stale_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host,
               pid_ns = excluded.pid_ns, heartbeat_at = excluded.heartbeat_at, stale_ms = excluded.stale_ms
             WHERE ${TABLE}.owner = ?
             RETURNING owner`,
            name,
            owner.id,
            owner.pid,
            owner.host,
            owner.pidNamespace ?? null,
            now,
            timing.staleMs,
            current?.owner ?? '',
          );
          if (taken.length === 1) return { held: heldLease(db, name, owner) };
        }
        throw new Error(`the SQLite instance lock ${name} in ${file} kept changing hands`);
      } catch (error) {
        await db.close();
        throw error;
      }
    },
  };
}

function heldLease(db: SqliteConnection, name: string, owner: LockOwner) {
  return {
    async renew() {
      return (
        (await db.run(
          `UPDATE ${TABLE} SET heartbeat_at = ? WHERE name = ? AND owner = ?`,
          Date.now(),
          name,
          owner.id,
        )) === 1
      );
    },
    async release() {
      try {
        await db.run(`DELETE FROM ${TABLE} WHERE name = ? AND owner = ?`, name, owner.id);
      } finally {
        await db.close();
      }
    },
  };
}
