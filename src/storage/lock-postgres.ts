// The instance lock on PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) taken on a connection
// of its own, so it is held exactly as long as that session lives — a killed igcord's socket closes and the
// server releases the lock at once. The heartbeat is a `SELECT 1` on that connection, and the session sets
// `idle_session_timeout` to the stale threshold, so a holder that vanished without closing its socket (a machine
// gone, a partition) loses its session, and the lock, once it stops beating (PostgreSQL ≥ 14). Who holds the lock
// is read from pg_locks and pg_stat_activity: the holder names itself in application_name.
// https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Logger } from '../log.js';
import type { LeaseAttempt, LeaseLock, LeaseMode, LockOwner, LockTiming } from './lease.js';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
const pg = createRequire(import.meta.url)('pg') as {
  Client: new (config: { connectionString: string; application_name: string }) => PgClient;
};

/** The first key of igcord's two-key advisory locks ("igcd"), so other applications' locks cannot collide. */
const LOCK_CLASS = 0x69676364;

/** The lock `name` in the database of `url`; names are hashed into the second advisory key. */
export function postgresLock(url: string, name: string, log: Logger): LeaseLock {
  const objid = createHash('sha256').update(name).digest().readUInt32BE(0) & 0x7fffffff;
  return {
    async tryAcquire(owner: LockOwner, timing: LockTiming, mode: LeaseMode = 'exclusive'): Promise<LeaseAttempt> {
      // Edge and worker processes hold the same advisory lock in share mode: any number together, none beside an
      // exclusive holder (an `all` process), and the other way round — PostgreSQL's own lock modes.
      const suffix = mode === 'shared' ? '_shared' : '';
      // application_name is at most 63 bytes; the pid comes first so it survives truncation.
      const client = new pg.Client({
        connectionString: url,
        application_name: `igcord pid=${owner.pid} host=${owner.host}`.slice(0, 63),
      });
      let broken: Error | undefined;
      client.on('error', (error) => {
        broken = error;
        log.warn({ err: error }, 'the PostgreSQL connection holding the instance lock failed');
      });
      await client.connect();
      try {
        try {
          await client.query(`SET idle_session_timeout = ${Math.max(1, Math.round(timing.staleMs))}`);
        } catch (error) {
          log.warn(
            { err: error },
            'PostgreSQL before 14 has no idle_session_timeout: a holder that vanishes without closing its socket keeps the lock until TCP gives up',
          );
        }
        const { rows } = await client.query(`SELECT pg_try_advisory_lock${suffix}($1, $2) AS ok`, [LOCK_CLASS, objid]);
        if (rows[0]?.ok === true) {
          return {
            held: {
              async renew() {
                // A session that failed took its advisory lock with it: the lock is no longer ours.
                if (broken) return false;
                try {
                  await client.query('SELECT 1');
                  return true;
                } catch (error) {
                  if (broken) return false;
                  throw error;
                }
              },
              async release() {
                try {
                  if (!broken) await client.query(`SELECT pg_advisory_unlock${suffix}($1, $2)`, [LOCK_CLASS, objid]);
                } finally {
                  await client.end().catch(() => undefined);
                }
              },
            },
          };
        }
        const holder = await client.query(
          `SELECT a.application_name, l.mode, EXTRACT(EPOCH FROM (now() - a.state_change)) * 1000 AS idle_ms
           FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2`,
          [LOCK_CLASS, objid],
        );
        await client.end();
        const row = holder.rows[0] ?? {};
        const named = /^igcord pid=(\d+) host=(.*)$/.exec(
          typeof row.application_name === 'string' ? row.application_name : '',
        );
        const idle = row.idle_ms === null || row.idle_ms === undefined ? undefined : Number(row.idle_ms);
        return {
          holder: {
            pid: named ? Number(named[1]) : undefined,
            host: named?.[2],
            heartbeatAgeMs: idle,
            shared: row.mode === 'ShareLock',
          },
        };
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
    },
  };
}
