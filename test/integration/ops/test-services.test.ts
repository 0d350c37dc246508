// `npm test` brings up what the tests need before running them: scripts/test-services.sh checks PostgreSQL,
// Redis and Chromium and starts what is missing. Here it is pointed at ports where nothing listens, so it must
// start private servers there (an initdb'd PostgreSQL with trust auth and a `test` database, a daemonized Redis),
// which then answer real clients; its `stop` ends them. The shared servers on 5432 and 6379 are never touched.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/test-services.sh', import.meta.url));
const PG_PORT = 55432;
const REDIS_PORT = 56379;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (c: { connectionString: string }) => PgClient };

/** Runs the script with `args` on the private ports; resolves with its exit code and everything it printed. */
function runScript(servicesDir: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn('bash', [SCRIPT, ...args], {
    env: {
      ...process.env,
      IGCORD_TEST_PG_PORT: String(PG_PORT),
      IGCORD_TEST_REDIS_PORT: String(REDIS_PORT),
      IGCORD_TEST_SERVICES_DIR: servicesDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** True when something accepts a TCP connection on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('test services script', () => {
  let servicesDir: string;

  beforeAll(async () => {
    servicesDir = await mkdtemp(join(tmpdir(), 'igcord-services-'));
  });
  afterAll(async () => {
    // Whatever happened above, leave no private server behind.
    await runScript(servicesDir, 'stop');
    await rm(servicesDir, { recursive: true, force: true });
  });

  it(
    'starts a private PostgreSQL and Redis on ports where nothing listens, which answer, and stops them',
    { timeout: 120_000 },
    async () => {
      expect(await listening(PG_PORT)).toBe(false);
      expect(await listening(REDIS_PORT)).toBe(false);

      const up = await runScript(servicesDir);
      expect(up.output).toContain(`started a private PostgreSQL on 127.0.0.1:${PG_PORT}`);
      expect(up.output).toContain(`started a private Redis on 127.0.0.1:${REDIS_PORT}`);
      expect(up.code).toBe(0);

      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${PG_PORT}/test` });
      await client.connect();
      const { rows } = await client.query('SELECT current_database() AS db, 40 + 2 AS answer');
      await client.end();
      expect(rows).toEqual([{ db: 'test', answer: 42 }]);

      const redis = createClient({ url: `redis://127.0.0.1:${REDIS_PORT}` });
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
      redis.destroy();

      // A second run finds both up and starts nothing.
      const again = await runScript(servicesDir);
      expect(again.code).toBe(0);
      expect(again.output).not.toContain('started');

      const down = await runScript(servicesDir, 'stop');
      expect(down.code).toBe(0);
      expect(await listening(PG_PORT)).toBe(false);
      expect(await listening(REDIS_PORT)).toBe(false);
      // The shared servers other test runs use are still there.
      expect(await listening(5432)).toBe(true);
      expect(await listening(6379)).toBe(true);
    },
  );
});
