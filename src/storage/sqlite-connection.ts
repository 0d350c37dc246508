// One connection to an SQLite file, with promises, on the driver igcord installs without a compiler:
// @appthreat/sqlite3, a maintained fork of node-sqlite3 whose package carries prebuilt binaries (Linux glibc and
// musl, macOS, Windows) found at load time, so `npm ci` neither downloads nor compiles anything. It is the same
// SQLite library (file format, WAL, POSIX locks released when a process dies) and the same callback API as the
// `sqlite3` package igcord used before, so files written then open unchanged. Queries run on libuv's thread pool
// and never block the event loop. docs/decisions/0013 says why this driver rather than a WebAssembly build.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Database } from '@appthreat/sqlite3';

export interface SqliteConnection {
  /** Rows of a statement (also for `… RETURNING` and pragmas). */
  all(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a statement and resolves with the number of rows it changed. */
  run(sql: string, ...params: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export interface SqliteConnectionOptions {
  /** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs: number;
}

/** Opens (creating if missing, with its directory 0700) the SQLite file `file`; `:memory:` for a private one. */
export async function openSqliteConnection(file: string, options: SqliteConnectionOptions): Promise<SqliteConnection> {
  if (file !== ':memory:') await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const db = await new Promise<Database>((resolve, reject) => {
    const opened: Database = new Database(file, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', options.busyTimeoutMs);
  let closed: Promise<void> | undefined;
  return {
    all: (sql, ...params) =>
      new Promise((resolve, reject) =>
        db.all<Record<string, unknown>>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
      ),
    run: (sql, ...params) =>
      new Promise((resolve, reject) =>
        db.run(sql, params, function (error) {
          if (error) reject(error);
          else resolve(this.changes);
        }),
      ),
    close: () =>
      (closed ??= new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))),
  };
}
