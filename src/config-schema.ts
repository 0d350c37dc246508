// igcord's environment as one zod schema: every variable igcord reads, with its default, bounds and the message
// a bad value gets, and the constants the variables are checked against. src/config.ts reads the environment
// through it and turns the result into a Config; messages never echo a value, so a mistyped secret cannot end up
// in a terminal or a log. `.env.example` documents every variable.
import { z } from 'zod';
import type { EncryptionKey } from './storage/index.js';

export type InstagramMode = 'sandbox' | 'live';

/** Budgets of the Instagram Platform API per access token and sliding hour (reference §3.2). */
export const INSTAGRAM_LIMITS: Record<InstagramMode, { global: number; write: number }> = {
  sandbox: { global: 500, write: 30 },
  live: { global: 5000, write: 60 },
};

/** The Graph API version igcord is written and tested against (reference §1). */
export const GRAPH_VERSION = 'v25.0';

/** What an app id and secret look like, by provider: v1 clients have 32 hex digits each, Meta apps a numeric id. */
export const APP_CREDENTIAL_FORMATS = {
  v1: {
    INSTAGRAM_CLIENT_ID: { pattern: /^[0-9a-f]{32}$/i, expected: 'expected the 32-hex-digit client id' },
    INSTAGRAM_CLIENT_SECRET: { pattern: /^[0-9a-f]{32}$/i, expected: 'expected the 32-hex-digit client secret' },
  },
  graph: {
    INSTAGRAM_CLIENT_ID: {
      pattern: /^\d{5,20}$/,
      expected: 'expected the numeric app id of your Meta app (App settings → Basic), as INSTAGRAM_PROVIDER=graph',
    },
    INSTAGRAM_CLIENT_SECRET: {
      pattern: /^[0-9a-f]{32}$/i,
      expected: 'expected the 32-hex-digit app secret of your Meta app',
    },
    GRAPH_WEBHOOK_SECRET: {
      pattern: /^[0-9a-f]{32}$/i,
      expected: 'expected the 32-hex-digit app secret of the other app (Instagram app or Meta app)',
    },
  },
} as const;

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
  'GRAPH_WEBHOOK_SECRET',
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
export type { EncryptionKey };
export const KEY_FORMAT = 'expected <key id>:<base64 of 32 bytes>, e.g. 2026a:$(openssl rand -base64 32)';
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

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const environmentSchema = z.object({
  // Which part of igcord this process runs (docs/decisions/0020): everything in one process, or, past one process,
  // the HTTP edge (webhooks, linking, interactions) or a delivery worker (src/config-roles.ts checks what each needs).
  IGCORD_ROLE: z.preprocess(
    blankToUndefined,
    z.enum(['all', 'edge', 'worker'], { error: 'expected all, edge or worker' }).default('all'),
  ),
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
    z
      .string()
      .min(16, { error: 'expected at least 16 characters (a random token)' })
      .regex(/^[\x21-\x7e]+$/, { error: 'expected printable characters without spaces' })
      .optional(),
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
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(encryptionKey)),
  ),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DISCORD_DEV_GUILD_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(blankToUndefined, httpUrl('Discord REST base, without /v10').optional()),
  // Linking proves the browser's Discord user with OAuth2 `identify` (docs/decisions/0006).
  DISCORD_CLIENT_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,128}$/, { error: 'expected the OAuth2 client secret (letters, digits, - and _)' })
      .optional(),
  ),
  DISCORD_OAUTH_URL: z.preprocess(
    blankToUndefined,
    httpUrl("Discord's web address, where its OAuth2 authorize page is").default('https://discord.com'),
  ),
  // Where interactions arrive: the gateway, or POST /interactions once PUBLIC_URL/interactions is the app's
  // Interactions Endpoint URL (docs/decisions/0017). HTTP needs the app's public key to check Discord's signatures.
  DISCORD_INTERACTIONS: z.preprocess(
    blankToUndefined,
    z.enum(['gateway', 'http'], { error: 'expected gateway or http' }).default('gateway'),
  ),
  DISCORD_PUBLIC_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{64}$/i, {
        error: 'expected the 64-hex-character public key from the developer portal (General Information)',
      })
      .optional(),
  ),

  // Discord state that outlives one request and Discord's global request limit: this process's memory, or Redis
  // shared by every igcord process of the bot (docs/decisions/0022). Unset: redis when REDIS_URL is set.
  DISCORD_STATE_STORE: z.preprocess(
    blankToUndefined,
    z.enum(['memory', 'redis'], { error: 'expected memory or redis' }).optional(),
  ),
  // Discord's global limit for the bot, requests per second across every process (Discord: 50 unless raised).
  DISCORD_GLOBAL_RATE_LIMIT: integer(50, 1, 100_000),

  // Which Instagram API igcord speaks: the Platform API v1, or today's Graph API (src/providers/graph/).
  INSTAGRAM_PROVIDER: z.preprocess(
    blankToUndefined,
    z.enum(['v1', 'graph'], { error: 'expected v1 or graph' }).default('v1'),
  ),
  // The app id and secret are checked in config.ts: their format depends on the provider (v1: 32 hex digits;
  // Graph: a numeric app id).
  INSTAGRAM_CLIENT_ID: optionalString,
  INSTAGRAM_CLIENT_SECRET: optionalString,
  // Graph webhooks may be signed with the Instagram app's or the Meta app's secret (reference §1.7): the one of
  // the two that INSTAGRAM_CLIENT_SECRET is not, so both are accepted (format checked in config.ts).
  GRAPH_WEBHOOK_SECRET: optionalString,
  // api.instagram.com: v1's API host, and Instagram Login's code exchange on Graph.
  INSTAGRAM_API_URL: z.preprocess(
    blankToUndefined,
    httpUrl('Instagram API host, without /v1').default('https://api.instagram.com'),
  ),
  INSTAGRAM_GRAPH_LOGIN: z.preprocess(
    blankToUndefined,
    z.enum(['instagram', 'facebook'], { error: 'expected instagram or facebook' }).default('instagram'),
  ),
  INSTAGRAM_GRAPH_VERSION: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^v\d+\.\d+$/, { error: 'expected a Graph API version such as v25.0' })
      .default(GRAPH_VERSION),
  ),
  INSTAGRAM_GRAPH_URL: z.preprocess(
    blankToUndefined,
    httpUrl("Instagram Login's Graph host").default('https://graph.instagram.com'),
  ),
  INSTAGRAM_WWW_URL: z.preprocess(
    blankToUndefined,
    httpUrl("Instagram's web host, where its sign-in page is").default('https://www.instagram.com'),
  ),
  FACEBOOK_GRAPH_URL: z.preprocess(
    blankToUndefined,
    httpUrl("Facebook Login's Graph host").default('https://graph.facebook.com'),
  ),
  FACEBOOK_WWW_URL: z.preprocess(
    blankToUndefined,
    httpUrl("Facebook's web host, where its login dialog is").default('https://www.facebook.com'),
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
      .pipe(
        z.array(
          z.enum(DEFAULT_SCOPES as [string, ...string[]], {
            error: `expected scopes among ${DEFAULT_SCOPES.join(' ')}`,
          }),
        ),
      ),
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
  LIMITER_STORE: z.preprocess(
    blankToUndefined,
    z.enum(['memory', 'redis'], { error: 'expected memory or redis' }).default('memory'),
  ),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^rediss?:\/\//, { error: 'expected redis://… or rediss://…' })
      .optional(),
  ),
  // The prefix of the delivery job queue's keys in REDIS_URL (src/feeds/queue/), so several installs share one Redis.
  QUEUE_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'expected 1 to 40 letters, digits, - or _' })
      .default('igcord'),
  ),
  // How long a source job whose worker stopped (killed, frozen) waits before another worker takes it over: the
  // job's lock duration and how often workers look for stalled jobs (BullMQ's lockDuration and stalledInterval).
  QUEUE_STALLED_MS: integer(30_000, 1_000, 600_000),
  // Per-member limits on linking, which spends the `app` budget every member shares (src/limiter/attempt-limit.ts).
  LINK_PROMPT_LIMIT: integer(10, 1, 1_000),
  LINK_PASTE_LIMIT: integer(5, 1, 1_000),
  LINK_ATTEMPT_WINDOW_MS: integer(600_000, 1_000, 86_400_000),

  // Feed delivery pacing (src/feeds/delivery-tuning.ts DeliveryTuning); the defaults are the engine's own.
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
