// igcord's configuration: the environment, checked once at start by one zod schema. A bad environment is
// reported all at once — every missing or malformed variable with what is expected — and never echoes a value,
// so a mistyped secret cannot end up in a terminal or a log. `.env.example` documents every variable.
import { z } from 'zod';

export type InstagramMode = 'sandbox' | 'live';

/** Budgets of the Instagram Platform API per access token and sliding hour (reference §3.2). */
export const INSTAGRAM_LIMITS: Record<InstagramMode, { global: number; write: number }> = {
  sandbox: { global: 500, write: 30 },
  live: { global: 5000, write: 60 },
};

export const DEFAULT_SCOPES = ['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes'];

/** The four credentials whose presence decides between the local sandbox and the real services. */
export const CREDENTIAL_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'INSTAGRAM_CLIENT_ID',
  'INSTAGRAM_CLIENT_SECRET',
] as const;

/** Variables that must be set as well when igcord runs against the real services. */
export const LIVE_REQUIRED_VARIABLES = [
  ...CREDENTIAL_VARIABLES,
  'DISCORD_CLIENT_SECRET',
  'PUBLIC_URL',
  'WEBHOOK_VERIFY_TOKEN',
  'TOKEN_ENCRYPTION_KEY',
] as const;

/** Environment variables whose values are secrets: never printed, never logged. */
export const SECRET_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_SECRET',
  'INSTAGRAM_CLIENT_SECRET',
  'WEBHOOK_VERIFY_TOKEN',
  'TOKEN_ENCRYPTION_KEY',
  'TOKEN_ENCRYPTION_KEYS_PREVIOUS',
] as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const boolean = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
      .optional()
      .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes')),
  );

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `expected a whole number from ${min} to ${max}` })
      .int({ error: `expected a whole number from ${min} to ${max}` })
      .min(min, { error: `expected a whole number from ${min} to ${max}` })
      .max(max, { error: `expected a whole number from ${min} to ${max}` })
      .default(fallback),
  );

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: `expected an http:// or https:// URL (${what})`,
    })
    .transform((v) => v.replace(/\/+$/, ''));

const snowflake = z.string().regex(/^\d{17,20}$/, { error: 'expected a Discord id (17 to 20 digits)' });

/** `<key id>:<base64 of 32 random bytes>`, the key id a short name such as the date it was made. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}
const KEY_FORMAT = 'expected <key id>:<base64 of 32 bytes>, e.g. 2026a:$(openssl rand -base64 32)';
const encryptionKey = z.string().transform((raw, ctx): EncryptionKey => {
  const separator = raw.indexOf(':');
  const id = separator > 0 ? raw.slice(0, separator).trim() : '';
  const encoded = separator > 0 ? raw.slice(separator + 1).trim() : '';
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32 || key.toString('base64') !== encoded) {
    ctx.addIssue({ code: 'custom', message: KEY_FORMAT });
    return z.NEVER;
  }
  return { id, key };
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z.object({
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(LOG_LEVELS).default('info')),
  // Default by mode (see loadConfig): 0.0.0.0 live, 127.0.0.1 for the sandbox.
  HTTP_HOST: z.preprocess(blankToUndefined, z.string().optional()),
  HTTP_PORT: integer(3000, 0, 65535),
  PUBLIC_URL: z.preprocess(blankToUndefined, httpUrl('where Discord users and Instagram reach igcord').optional()),
  // Slow-client and flood bounds of the HTTP server (src/http/server.ts).
  HTTP_HEADERS_TIMEOUT_MS: integer(10_000, 100, 120_000),
  HTTP_REQUEST_TIMEOUT_MS: integer(30_000, 100, 600_000),
  HTTP_MAX_CONNECTIONS: integer(500, 1, 100_000),
  // When set, GET /metrics needs `Authorization: Bearer <token>` (src/ops/routes.ts).
  METRICS_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().min(16, { error: 'expected at least 16 characters (a random token)' }).regex(/^[\x21-\x7e]+$/, { error: 'expected printable characters without spaces' }).optional(),
  ),
  STORAGE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\//, {
        error: 'expected sqlite://<file>, redis://… or postgres://…',
      })
      .optional(),
  ),
  TOKEN_ENCRYPTION_KEY: z.preprocess(blankToUndefined, encryptionKey.optional()),
  TOKEN_ENCRYPTION_KEYS_PREVIOUS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(encryptionKey)),
  ),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DISCORD_DEV_GUILD_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(blankToUndefined, httpUrl('Discord REST base, without /v10').optional()),
  // Linking proves the browser's Discord user with OAuth2 `identify` (docs/decisions/0006).
  DISCORD_CLIENT_SECRET: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^[A-Za-z0-9_-]{16,128}$/, { error: 'expected the OAuth2 client secret (letters, digits, - and _)' }).optional(),
  ),
  DISCORD_OAUTH_URL: z.preprocess(blankToUndefined, httpUrl("Discord's web address, where its OAuth2 authorize page is").default('https://discord.com')),

  INSTAGRAM_CLIENT_ID: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[0-9a-f]{32}$/i, { error: 'expected the 32-hex-digit client id' }).optional(),
  ),
  INSTAGRAM_CLIENT_SECRET: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[0-9a-f]{32}$/i, { error: 'expected the 32-hex-digit client secret' }).optional(),
  ),
  INSTAGRAM_API_URL: z.preprocess(
    blankToUndefined,
    httpUrl('Instagram API host, without /v1').default('https://api.instagram.com'),
  ),
  INSTAGRAM_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['sandbox', 'live'], { error: 'expected sandbox or live' }).default('sandbox'),
  ),
  INSTAGRAM_SIGNED_REQUESTS: boolean(false),
  INSTAGRAM_TIMEOUT_MS: integer(10_000, 100, 120_000),
  INSTAGRAM_SCOPES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? DEFAULT_SCOPES : v.split(/[\s,+]+/).filter(Boolean)))
      .pipe(z.array(z.enum(DEFAULT_SCOPES as [string, ...string[]], { error: `expected scopes among ${DEFAULT_SCOPES.join(' ')}` }))),
  ),
  WEBHOOK_VERIFY_TOKEN: optionalString,
  SUBSCRIPTIONS_SYNC: boolean(true),

  RATE_LIMIT_WINDOW_MS: integer(3_600_000, 1_000, 86_400_000),
  RATE_LIMIT_GLOBAL: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).optional()),
  RATE_LIMIT_WRITE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional()),
  INTERACTIVE_DEADLINE_MS: integer(4_000, 100, 60_000),
  DELIVERY_DEADLINE_MS: integer(120_000, 1_000, 3_600_000),
  BACKGROUND_DEADLINE_MS: integer(600_000, 1_000, 86_400_000),
  // Where the limiter keeps its windows: this process's memory, or Redis shared by every process using the same
  // tokens (src/limiter/redis-budget-store.ts, docs/decisions/0016).
  LIMITER_STORE: z.preprocess(blankToUndefined, z.enum(['memory', 'redis'], { error: 'expected memory or redis' }).default('memory')),
  REDIS_URL: z.preprocess(blankToUndefined, z.string().trim().regex(/^rediss?:\/\//, { error: 'expected redis://… or rediss://…' }).optional()),
  // Per-member limits on linking, which spends the `app` budget every member shares (src/limiter/attempt-limit.ts).
  LINK_PROMPT_LIMIT: integer(10, 1, 1_000),
  LINK_PASTE_LIMIT: integer(5, 1, 1_000),
  LINK_ATTEMPT_WINDOW_MS: integer(600_000, 1_000, 86_400_000),

  // Feed delivery pacing (src/feeds/delivery-engine.ts DeliveryTuning); the defaults are the engine's own.
  FEEDS_MIN_POLL_MS: integer(60_000, 5_000, 3_600_000),
  FEEDS_MAX_POLL_MS: integer(3_600_000, 60_000, 86_400_000),
  FEEDS_CONCURRENCY: integer(16, 1, 256),

  // The instance lock (src/storage/instance-lock.ts): renewal interval, and the age at which a lease is abandoned.
  INSTANCE_LOCK_HEARTBEAT_MS: integer(5_000, 100, 60_000),
  INSTANCE_LOCK_STALE_MS: integer(20_000, 500, 600_000),
  // Paged answers (src/discord/pagination.ts): how many stay pageable at once, and for how long without a press.
  PAGE_SESSIONS_MAX: integer(1_000, 1, 100_000),
  PAGE_TIMEOUT_MS: integer(300_000, 1_000, 840_000),

  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 100, 120_000),
});

/** Every variable igcord reads; `.env.example` documents each one (a test keeps the two in step). */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape);

export interface Config {
  /** `sandbox`: no credentials, the local emulators stand in for Discord and Instagram. */
  mode: 'sandbox' | 'live';
  logLevel: (typeof LOG_LEVELS)[number];
  dataDir: string;
  shutdownTimeoutMs: number;
  http: {
    host: string;
    port: number;
    publicUrl: string | undefined;
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    maxConnections: number;
    /** Bearer token GET /metrics requires; undefined leaves /metrics open. */
    metricsToken: string | undefined;
  };
  storage: { url: string | undefined; encryptionKey: EncryptionKey | undefined; previousKeys: EncryptionKey[] };
  discord: {
    token: string | undefined;
    applicationId: string | undefined;
    devGuildId: string | undefined;
    apiUrl: string | undefined;
    /** OAuth2 client secret of the application (the client id is the application id). */
    clientSecret: string | undefined;
    /** Discord's web base: `${oauthUrl}/oauth2/authorize`. */
    oauthUrl: string;
  };
  instagram: {
    clientId: string | undefined;
    clientSecret: string | undefined;
    apiUrl: string;
    mode: InstagramMode;
    signedRequests: boolean;
    timeoutMs: number;
    scopes: string[];
    webhookVerifyToken: string | undefined;
    syncSubscriptions: boolean;
  };
  limits: {
    windowMs: number;
    global: number;
    write: number;
    deadlines: { interactive: number; delivery: number; background: number };
    /** `redis`: the windows are shared with every process using `redisUrl`. */
    store: 'memory' | 'redis';
    redisUrl: string | undefined;
  };
  /** Link prompts and pasted tokens one Discord member may make in any window of `windowMs`. */
  linking: { promptLimit: number; pasteLimit: number; windowMs: number };
  /** Feed delivery pacing: the bounds of one source's budget-paced poll interval and source runs at once. */
  feeds: { minPollMs: number; maxPollMs: number; concurrency: number };
  /** One igcord per storage and bot token: how often the lock is renewed, and when an unrenewed one is abandoned. */
  instanceLock: { heartbeatMs: number; staleMs: number };
  /** Paged answers: the most kept at once (the least recently pressed expires first) and their idle timeout. */
  pages: { maxSessions: number; timeoutMs: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly problems: string[],
    /** Who refuses: `igcord cannot start`, or a script's own name. */
    subject = 'igcord cannot start',
  ) {
    super(`${subject}; fix these environment variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export type RequiredVariable = (typeof LIVE_REQUIRED_VARIABLES)[number];

export interface LoadConfigOptions {
  /**
   * The variables this entry point cannot do without. Default: every LIVE_REQUIRED_VARIABLES in live mode, none
   * in the sandbox. A script that needs only its own few (deploy-commands: the bot token and application id)
   * names them, so it runs on a half-filled .env while the format of every variable set is still checked.
   */
  required?: readonly RequiredVariable[];
  /** Passed to ConfigError. */
  subject?: string;
}

/**
 * Reads the configuration from an environment. Throws one ConfigError naming every problem. The messages name
 * variables and what they expect; they never contain a value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    }
  }

  const present = (name: string) => typeof env[name] === 'string' && env[name]!.trim() !== '';
  const anyCredential = CREDENTIAL_VARIABLES.some(present);
  const mode = anyCredential ? 'live' : 'sandbox';
  for (const name of options.required ?? (mode === 'live' ? LIVE_REQUIRED_VARIABLES : [])) {
    if (!present(name)) problems.push(`${name}: missing; ${describeRequired(name)}`);
  }
  if (parsed.success && parsed.data.FEEDS_MIN_POLL_MS > parsed.data.FEEDS_MAX_POLL_MS) {
    problems.push('FEEDS_MIN_POLL_MS: expected at most FEEDS_MAX_POLL_MS (the shortest poll interval cannot exceed the longest)');
  }
  if (parsed.success && parsed.data.LIMITER_STORE === 'redis' && parsed.data.REDIS_URL === undefined) {
    problems.push('REDIS_URL: expected redis://… when LIMITER_STORE=redis (where processes share their budgets)');
  }
  if (parsed.success && parsed.data.INSTANCE_LOCK_STALE_MS < 2 * parsed.data.INSTANCE_LOCK_HEARTBEAT_MS) {
    problems.push('INSTANCE_LOCK_STALE_MS: expected at least twice INSTANCE_LOCK_HEARTBEAT_MS (one late heartbeat must not give the lock away)');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(dedupe(problems), options.subject);

  const e = parsed.data;
  const limits = INSTAGRAM_LIMITS[e.INSTAGRAM_MODE];
  return {
    mode,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    http: {
      // The sandbox's bot token, app secret and sandbox accounts are for this machine only: loopback unless asked.
      host: e.HTTP_HOST ?? (mode === 'sandbox' ? '127.0.0.1' : '0.0.0.0'),
      port: e.HTTP_PORT,
      publicUrl: e.PUBLIC_URL,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      metricsToken: e.METRICS_TOKEN,
    },
    storage: { url: e.STORAGE_URL, encryptionKey: e.TOKEN_ENCRYPTION_KEY, previousKeys: e.TOKEN_ENCRYPTION_KEYS_PREVIOUS },
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      devGuildId: e.DISCORD_DEV_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      clientSecret: e.DISCORD_CLIENT_SECRET,
      oauthUrl: e.DISCORD_OAUTH_URL,
    },
    instagram: {
      clientId: e.INSTAGRAM_CLIENT_ID,
      clientSecret: e.INSTAGRAM_CLIENT_SECRET,
      apiUrl: e.INSTAGRAM_API_URL,
      mode: e.INSTAGRAM_MODE,
      signedRequests: e.INSTAGRAM_SIGNED_REQUESTS,
      timeoutMs: e.INSTAGRAM_TIMEOUT_MS,
      scopes: e.INSTAGRAM_SCOPES,
      webhookVerifyToken: e.WEBHOOK_VERIFY_TOKEN,
      syncSubscriptions: e.SUBSCRIPTIONS_SYNC,
    },
    limits: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      global: e.RATE_LIMIT_GLOBAL ?? limits.global,
      write: e.RATE_LIMIT_WRITE ?? limits.write,
      deadlines: {
        interactive: e.INTERACTIVE_DEADLINE_MS,
        delivery: e.DELIVERY_DEADLINE_MS,
        background: e.BACKGROUND_DEADLINE_MS,
      },
      store: e.LIMITER_STORE,
      redisUrl: e.REDIS_URL,
    },
    linking: { promptLimit: e.LINK_PROMPT_LIMIT, pasteLimit: e.LINK_PASTE_LIMIT, windowMs: e.LINK_ATTEMPT_WINDOW_MS },
    feeds: { minPollMs: e.FEEDS_MIN_POLL_MS, maxPollMs: e.FEEDS_MAX_POLL_MS, concurrency: e.FEEDS_CONCURRENCY },
    instanceLock: { heartbeatMs: e.INSTANCE_LOCK_HEARTBEAT_MS, staleMs: e.INSTANCE_LOCK_STALE_MS },
    pages: { maxSessions: e.PAGE_SESSIONS_MAX, timeoutMs: e.PAGE_TIMEOUT_MS },
  };
}

function describeRequired(name: RequiredVariable): string {
  switch (name) {
    case 'DISCORD_TOKEN':
      return 'the bot token from the Discord developer portal (Bot → Reset Token)';
    case 'DISCORD_APPLICATION_ID':
      return 'the application id from the Discord developer portal (General Information)';
    case 'DISCORD_CLIENT_SECRET':
      return 'the client secret from the Discord developer portal (OAuth2 → Reset Secret); linking uses it to check who opened the link';
    case 'INSTAGRAM_CLIENT_ID':
      return 'the client id of your Instagram client';
    case 'INSTAGRAM_CLIENT_SECRET':
      return 'the client secret of your Instagram client';
    case 'PUBLIC_URL':
      return 'the https:// address where Instagram and browsers reach igcord (OAuth callback, webhooks)';
    case 'WEBHOOK_VERIFY_TOKEN':
      return 'a random string Instagram echoes when igcord subscribes to notifications';
    case 'TOKEN_ENCRYPTION_KEY':
      return `the key that encrypts stored Instagram tokens, ${KEY_FORMAT}`;
  }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
