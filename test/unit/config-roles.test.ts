// IGCORD_ROLE: `all` (one process, today's igcord) by default with any storage; `edge` and `worker` run beside
// other processes, so they need REDIS_URL and a shared storage (Redis or PostgreSQL), and an edge takes
// interactions over HTTP. Each refusal names the variable and why, never a value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const LIVE = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.discord-bot-token-secret',
  DISCORD_APPLICATION_ID: '123456789012345678',
  DISCORD_CLIENT_SECRET: 'discord-oauth2-client-secret_0123',
  INSTAGRAM_CLIENT_ID: '0123456789abcdef0123456789abcdef',
  INSTAGRAM_CLIENT_SECRET: 'fedcba9876543210fedcba9876543210',
  PUBLIC_URL: 'https://igcord.example.org/',
  WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
  TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};
const SHARED = { REDIS_URL: 'redis://127.0.0.1:6379', STORAGE_URL: 'postgres://127.0.0.1:5432/test' };
const HTTP = { DISCORD_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'a'.repeat(64) };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config: roles', () => {
  it('runs as one process (all) by default, on the default SQLite file, with budgets in memory', () => {
    const config = loadConfig(LIVE);
    expect(config.role).toBe('all');
    expect(config.storage.url).toBeUndefined();
    expect(config.limits.store).toBe('memory');
    expect(loadConfig({}).role).toBe('all');
  });

  it('refuses a worker or an edge without REDIS_URL, naming the variable and why', () => {
    for (const role of ['worker', 'edge']) {
      const env = { ...LIVE, ...HTTP, IGCORD_ROLE: role, STORAGE_URL: SHARED.STORAGE_URL };
      expect(problemsOf(env)).toEqual([
        expect.stringMatching(new RegExp(`^REDIS_URL: missing; IGCORD_ROLE=${role} .*Redis`)),
      ]);
    }
  });

  it('refuses a worker or an edge on SQLite (the default file or a sqlite:// URL): a file is one process’s', () => {
    for (const storage of [{}, { STORAGE_URL: 'sqlite:///tmp/igcord.sqlite' }]) {
      const problems = problemsOf({ ...LIVE, REDIS_URL: SHARED.REDIS_URL, ...storage, IGCORD_ROLE: 'worker' });
      expect(problems).toEqual([
        expect.stringMatching(/^STORAGE_URL: expected redis:\/\/… or postgres:\/\/… with IGCORD_ROLE=worker.*SQLite/),
      ]);
      expect(problems.join('\n')).not.toContain('/tmp/igcord.sqlite');
    }
  });

  it('refuses an edge whose interactions would come over a gateway it does not open', () => {
    expect(problemsOf({ ...LIVE, ...SHARED, IGCORD_ROLE: 'edge' })).toEqual([
      expect.stringMatching(/^DISCORD_INTERACTIONS: expected http with IGCORD_ROLE=edge/),
    ]);
  });

  it('refuses a budget kept in one process’s memory, and a role in the sandbox', () => {
    expect(problemsOf({ ...LIVE, ...SHARED, IGCORD_ROLE: 'worker', LIMITER_STORE: 'memory' })).toEqual([
      expect.stringMatching(/^LIMITER_STORE: expected redis \(or unset\) with IGCORD_ROLE=worker/),
    ]);
    expect(problemsOf({ ...SHARED, IGCORD_ROLE: 'worker' })).toEqual([
      expect.stringMatching(/^IGCORD_ROLE: expected all in the sandbox/),
    ]);
    expect(problemsOf({ ...LIVE, ...SHARED, IGCORD_ROLE: 'boss' })).toEqual([
      expect.stringMatching(/^IGCORD_ROLE: expected all, edge or worker/),
    ]);
  });

  it('accepts a worker and an edge on Redis or PostgreSQL with REDIS_URL, sharing budgets in Redis', () => {
    const worker = loadConfig({ ...LIVE, ...SHARED, IGCORD_ROLE: 'worker' });
    expect(worker).toMatchObject({ role: 'worker', limits: { store: 'redis', redisUrl: SHARED.REDIS_URL } });
    const edge = loadConfig({ ...LIVE, ...SHARED, ...HTTP, IGCORD_ROLE: 'edge', STORAGE_URL: 'redis://127.0.0.1/1' });
    expect(edge).toMatchObject({ role: 'edge', limits: { store: 'redis' }, queue: { prefix: 'igcord' } });
  });
});
