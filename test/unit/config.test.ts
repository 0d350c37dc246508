import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const LIVE = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.discord-bot-token-secret',
  DISCORD_APPLICATION_ID: '123456789012345678',
  DISCORD_CLIENT_SECRET: 'discord-oauth2-client-secret_0123',
  INSTAGRAM_CLIENT_ID: '0123456789abcdef0123456789abcdef',
  INSTAGRAM_CLIENT_SECRET: 'fedcba9876543210fedcba9876543210',
  PUBLIC_URL: 'https://igcord.example.org/',
  WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
  TOKEN_ENCRYPTION_KEY: KEY,
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('runs the sandbox with sandbox budgets when no credential is set', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.instagram.apiUrl).toBe('https://api.instagram.com');
    expect(config.limits).toMatchObject({ windowMs: 3_600_000, global: 500, write: 30 });
    expect(config.instagram.scopes).toContain('public_content');
  });

  it('reads a complete live environment, trimming the trailing slash of PUBLIC_URL', () => {
    const config = loadConfig({ ...LIVE, INSTAGRAM_MODE: 'live' });
    expect(config.mode).toBe('live');
    expect(config.http.publicUrl).toBe('https://igcord.example.org');
    expect(config.limits).toMatchObject({ global: 5000, write: 60 });
    expect(config.storage.encryptionKey?.id).toBe('k1');
    expect(config.storage.encryptionKey?.key.length).toBe(32);
  });

  it("requires Discord's OAuth2 client secret live, and points Discord's authorize page at discord.com by default", () => {
    const { DISCORD_CLIENT_SECRET: _omitted, ...withoutSecret } = LIVE;
    const problems = problemsOf(withoutSecret);
    expect(problems).toEqual([
      expect.stringMatching(/^DISCORD_CLIENT_SECRET: missing; the client secret from the Discord developer portal/),
    ]);
    const config = loadConfig(LIVE);
    expect(config.discord).toMatchObject({ clientSecret: LIVE.DISCORD_CLIENT_SECRET, oauthUrl: 'https://discord.com' });
    expect(loadConfig({ ...LIVE, DISCORD_OAUTH_URL: 'http://127.0.0.1:9/' }).discord.oauthUrl).toBe(
      'http://127.0.0.1:9',
    );
  });

  it('names every missing variable when only some credentials are given', () => {
    const problems = problemsOf({ DISCORD_TOKEN: LIVE.DISCORD_TOKEN });
    for (const name of [
      'DISCORD_APPLICATION_ID',
      'DISCORD_CLIENT_SECRET',
      'INSTAGRAM_CLIENT_ID',
      'INSTAGRAM_CLIENT_SECRET',
      'PUBLIC_URL',
      'WEBHOOK_VERIFY_TOKEN',
      'TOKEN_ENCRYPTION_KEY',
    ]) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
    }
    expect(problems.some((p) => p.startsWith('DISCORD_TOKEN:'))).toBe(false);
  });

  it('reports every malformed variable at once with what is expected, never echoing a value', () => {
    const env = {
      ...LIVE,
      INSTAGRAM_CLIENT_SECRET: 'not-hex-secret-value-XYZ',
      TOKEN_ENCRYPTION_KEY: 'k1:c2hvcnQta2V5LXNlY3JldA==',
      HTTP_PORT: '99999',
      INSTAGRAM_MODE: 'production',
      PUBLIC_URL: 'ftp://nope',
      INSTAGRAM_SIGNED_REQUESTS: 'maybe',
    };
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      'INSTAGRAM_CLIENT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'HTTP_PORT',
      'INSTAGRAM_MODE',
      'PUBLIC_URL',
      'INSTAGRAM_SIGNED_REQUESTS',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('32-hex-digit client secret');
    expect(message).not.toContain('not-hex-secret-value-XYZ');
    expect(message).not.toContain('c2hvcnQta2V5LXNlY3JldA');
    expect(message).not.toContain(LIVE.DISCORD_TOKEN);
  });

  it('accepts previous encryption keys for reading and rejects a malformed one', () => {
    const old = `k0:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig({ ...LIVE, TOKEN_ENCRYPTION_KEYS_PREVIOUS: old }).storage.previousKeys.map((k) => k.id)).toEqual([
      'k0',
    ]);
    expect(problemsOf({ ...LIVE, TOKEN_ENCRYPTION_KEYS_PREVIOUS: `${old},garbage` }).join('\n')).toContain(
      'TOKEN_ENCRYPTION_KEYS_PREVIOUS',
    );
  });

  it('paces feed delivery as the engine does by default, and as the operator sets it', async () => {
    const { DEFAULT_TUNING } = await import('../../src/feeds/index.js');
    expect(loadConfig({}).feeds).toEqual({
      minPollMs: DEFAULT_TUNING.minPollMs,
      maxPollMs: DEFAULT_TUNING.maxPollMs,
      concurrency: DEFAULT_TUNING.concurrency,
    });
    // 16 until the stragglers 64 showed on v1's notified posts are understood (docs/decisions/0035).
    expect(DEFAULT_TUNING.concurrency).toBe(16);
    expect(loadConfig({ FEEDS_MIN_POLL_MS: '5000', FEEDS_MAX_POLL_MS: '60000', FEEDS_CONCURRENCY: '1' }).feeds).toEqual(
      { minPollMs: 5_000, maxPollMs: 60_000, concurrency: 1 },
    );
    expect(
      loadConfig({ FEEDS_MIN_POLL_MS: '3600000', FEEDS_MAX_POLL_MS: '86400000', FEEDS_CONCURRENCY: '256' }).feeds,
    ).toEqual({ minPollMs: 3_600_000, maxPollMs: 86_400_000, concurrency: 256 });
  });

  it.each([
    ['FEEDS_MIN_POLL_MS', '4999', 'from 5000 to 3600000'],
    ['FEEDS_MIN_POLL_MS', '3600001', 'from 5000 to 3600000'],
    ['FEEDS_MIN_POLL_MS', 'soon', 'from 5000 to 3600000'],
    ['FEEDS_MAX_POLL_MS', '59999', 'from 60000 to 86400000'],
    ['FEEDS_MAX_POLL_MS', '86400001', 'from 60000 to 86400000'],
    ['FEEDS_CONCURRENCY', '0', 'from 1 to 256'],
    ['FEEDS_CONCURRENCY', '257', 'from 1 to 256'],
    ['FEEDS_CONCURRENCY', '2.5', 'from 1 to 256'],
  ])('refuses %s=%s naming the variable and its bounds', (name, value, bounds) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: expected a whole number ${bounds}$`));
  });

  it('refuses a shortest poll interval above the longest, naming both variables', () => {
    const problems = problemsOf({ FEEDS_MIN_POLL_MS: '600000', FEEDS_MAX_POLL_MS: '300000' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^FEEDS_MIN_POLL_MS: .*FEEDS_MAX_POLL_MS/);
    expect(loadConfig({ FEEDS_MIN_POLL_MS: '300000', FEEDS_MAX_POLL_MS: '300000' }).feeds.minPollMs).toBe(300_000);
  });

  it('renews the instance lock every 5 s and abandons it after 20 s by default, and as the operator sets it', () => {
    expect(loadConfig({}).instanceLock).toEqual({ heartbeatMs: 5_000, staleMs: 20_000 });
    expect(loadConfig({ INSTANCE_LOCK_HEARTBEAT_MS: '200', INSTANCE_LOCK_STALE_MS: '1000' }).instanceLock).toEqual({
      heartbeatMs: 200,
      staleMs: 1_000,
    });
    expect(problemsOf({ INSTANCE_LOCK_HEARTBEAT_MS: '99' })).toEqual([
      'INSTANCE_LOCK_HEARTBEAT_MS: expected a whole number from 100 to 60000',
    ]);
    expect(problemsOf({ INSTANCE_LOCK_STALE_MS: 'never' })).toEqual([
      'INSTANCE_LOCK_STALE_MS: expected a whole number from 500 to 600000',
    ]);
  });

  it('refuses an instance lock stale threshold under two heartbeats, naming both variables', () => {
    const problems = problemsOf({ INSTANCE_LOCK_HEARTBEAT_MS: '1000', INSTANCE_LOCK_STALE_MS: '1999' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^INSTANCE_LOCK_STALE_MS: .*INSTANCE_LOCK_HEARTBEAT_MS/);
    expect(
      loadConfig({ INSTANCE_LOCK_HEARTBEAT_MS: '1000', INSTANCE_LOCK_STALE_MS: '2000' }).instanceLock.staleMs,
    ).toBe(2_000);
  });

  it('protects /metrics only when METRICS_TOKEN is set, and refuses a short or spaced token without echoing it', () => {
    expect(loadConfig({}).http.metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a1b2c3d4e5f6a7b8c9' }).http.metricsToken).toBe('a1b2c3d4e5f6a7b8c9');
    for (const bad of ['short-token', 'has a space in the middle']) {
      const problems = problemsOf({ METRICS_TOKEN: bad });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^METRICS_TOKEN: /);
      expect(problems[0]).not.toContain(bad);
    }
  });

  it('bounds slow clients and connections by default, and as the operator sets it', () => {
    expect(loadConfig({}).http).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 500,
    });
    expect(
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_MAX_CONNECTIONS: '64' }).http,
    ).toMatchObject({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
      maxConnections: 64,
    });
    expect(problemsOf({ HTTP_MAX_CONNECTIONS: '0' })[0]).toMatch(/^HTTP_MAX_CONNECTIONS: /);
  });

  it('listens on loopback in the sandbox and on every interface live, unless HTTP_HOST says otherwise', () => {
    expect(loadConfig({}).http.host).toBe('127.0.0.1');
    expect(loadConfig(LIVE).http.host).toBe('0.0.0.0');
    expect(loadConfig({ HTTP_HOST: '0.0.0.0' }).http.host).toBe('0.0.0.0');
    expect(loadConfig({ ...LIVE, HTTP_HOST: '10.0.0.5' }).http.host).toBe('10.0.0.5');
  });

  it("keeps the limiter's budgets in memory by default, shares them through Redis when asked, and refuses redis without REDIS_URL", () => {
    expect(loadConfig({}).limits).toMatchObject({ store: 'memory', redisUrl: undefined });
    expect(loadConfig({ LIMITER_STORE: 'redis', REDIS_URL: 'redis://:secret@127.0.0.1:6379' }).limits).toMatchObject({
      store: 'redis',
      redisUrl: 'redis://:secret@127.0.0.1:6379',
    });
    expect(problemsOf({ LIMITER_STORE: 'redis' })).toEqual([
      'REDIS_URL: expected redis://… when LIMITER_STORE=redis (where processes share their budgets)',
    ]);
    const problems = problemsOf({ LIMITER_STORE: 'disk', REDIS_URL: 'http://secret@host' });
    expect(problems.some((p) => p.startsWith('LIMITER_STORE:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL:'))).toBe(true);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('runs the Platform API v1 by default, and the Graph API on the real hosts with a pinned version when INSTAGRAM_PROVIDER=graph', () => {
    expect(loadConfig({}).instagram.provider).toBe('v1');
    const graph = loadConfig({ INSTAGRAM_PROVIDER: 'graph' }).instagram;
    expect(graph.provider).toBe('graph');
    expect(graph.graph).toEqual({
      login: 'instagram',
      version: 'v25.0',
      hosts: {
        instagramWww: 'https://www.instagram.com',
        instagramApi: 'https://api.instagram.com',
        instagramGraph: 'https://graph.instagram.com',
        facebookWww: 'https://www.facebook.com',
        facebookGraph: 'https://graph.facebook.com',
      },
    });
  });

  it('points every Graph host, the login and the version where the operator says, and refuses a malformed version or login', () => {
    const graph = loadConfig({
      INSTAGRAM_PROVIDER: 'graph',
      INSTAGRAM_GRAPH_LOGIN: 'facebook',
      INSTAGRAM_GRAPH_VERSION: 'v24.0',
      INSTAGRAM_API_URL: 'http://127.0.0.1:9/',
      INSTAGRAM_GRAPH_URL: 'http://127.0.0.1:9/ig-graph/',
      INSTAGRAM_WWW_URL: 'http://127.0.0.1:9/ig-www',
      FACEBOOK_GRAPH_URL: 'http://127.0.0.1:9/fb-graph',
      FACEBOOK_WWW_URL: 'http://127.0.0.1:9/fb-www',
    }).instagram.graph;
    expect(graph).toEqual({
      login: 'facebook',
      version: 'v24.0',
      hosts: {
        instagramWww: 'http://127.0.0.1:9/ig-www',
        instagramApi: 'http://127.0.0.1:9',
        instagramGraph: 'http://127.0.0.1:9/ig-graph',
        facebookWww: 'http://127.0.0.1:9/fb-www',
        facebookGraph: 'http://127.0.0.1:9/fb-graph',
      },
    });
    const problems = problemsOf({
      INSTAGRAM_PROVIDER: 'rest',
      INSTAGRAM_GRAPH_LOGIN: 'twitter',
      INSTAGRAM_GRAPH_VERSION: '25',
      FACEBOOK_GRAPH_URL: 'ftp://x',
    }).join('\n');
    for (const name of ['INSTAGRAM_PROVIDER', 'INSTAGRAM_GRAPH_LOGIN', 'INSTAGRAM_GRAPH_VERSION', 'FACEBOOK_GRAPH_URL'])
      expect(problems).toContain(name);
  });

  it('checks the app id and secret as the provider issues them: 32 hex digits for v1, a numeric app id for Graph', () => {
    const graphApp = { ...LIVE, INSTAGRAM_CLIENT_ID: '1234567890123456' };
    expect(loadConfig({ ...graphApp, INSTAGRAM_PROVIDER: 'graph' }).instagram.clientId).toBe('1234567890123456');
    expect(problemsOf(graphApp).join('\n')).toContain('INSTAGRAM_CLIENT_ID: expected the 32-hex-digit client id');
    const refused = problemsOf({ ...LIVE, INSTAGRAM_PROVIDER: 'graph' }).join('\n');
    expect(refused).toContain('INSTAGRAM_CLIENT_ID: expected the numeric app id');
    expect(refused).not.toContain(LIVE.INSTAGRAM_CLIENT_ID);
    expect(
      problemsOf({ ...graphApp, INSTAGRAM_PROVIDER: 'graph', INSTAGRAM_CLIENT_SECRET: 'not-a-secret' }).join('\n'),
    ).toContain('INSTAGRAM_CLIENT_SECRET');
  });

  it('reads GRAPH_WEBHOOK_SECRET (the secret of the other app, which may sign webhooks) as a 32-hex-digit secret', async () => {
    const graphApp = { ...LIVE, INSTAGRAM_CLIENT_ID: '1234567890123456', INSTAGRAM_PROVIDER: 'graph' };
    const secret = 'abcdefabcdefabcdefabcdefabcdef12';
    expect(loadConfig({ ...graphApp, GRAPH_WEBHOOK_SECRET: secret }).instagram.graph.webhookSecret).toBe(secret);
    expect(loadConfig(graphApp).instagram.graph.webhookSecret).toBeUndefined();
    const refused = problemsOf({ ...graphApp, GRAPH_WEBHOOK_SECRET: 'short-and-wrong' }).join('\n');
    expect(refused).toContain('GRAPH_WEBHOOK_SECRET: expected the 32-hex-digit app secret');
    expect(refused).not.toContain('short-and-wrong');
    const { SECRET_VARIABLES } = await import('../../src/config-schema.js');
    expect(SECRET_VARIABLES).toContain('GRAPH_WEBHOOK_SECRET');
  });

  it('treats blank variables as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '  ', HTTP_PORT: '', LOG_LEVEL: '' });
    expect(config.mode).toBe('sandbox');
    expect(config.http.port).toBe(3000);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables igcord reads', async () => {
    const { readFile } = await import('node:fs/promises');
    const { ENVIRONMENT_VARIABLES } = await import('../../src/config.js');
    const text = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });
});
