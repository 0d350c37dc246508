// igcord's configuration: the environment, checked once at start by one zod schema. A bad environment is
// reported all at once — every missing or malformed variable with what is expected — and never echoes a value,
// so a mistyped secret cannot end up in a terminal or a log. `.env.example` documents every variable.
// The schema itself, and the constants it checks against, are in src/config-schema.ts; this file turns a parsed
// environment into a Config and reports every problem at once.
import {
  APP_CREDENTIAL_FORMATS,
  CREDENTIAL_VARIABLES,
  INSTAGRAM_LIMITS,
  KEY_FORMAT,
  LIVE_REQUIRED_VARIABLES,
  environmentSchema,
  type EncryptionKey,
  type InstagramMode,
  type LOG_LEVELS,
} from './config-schema.js';
import { roleProblems, type IgcordRole } from './config-roles.js';

export type { IgcordRole } from './config-roles.js';
export {
  CREDENTIAL_VARIABLES,
  DEFAULT_SCOPES,
  ENVIRONMENT_VARIABLES,
  GRAPH_VERSION,
  INSTAGRAM_LIMITS,
  LIVE_REQUIRED_VARIABLES,
  SECRET_VARIABLES,
  type EncryptionKey,
  type InstagramMode,
} from './config-schema.js';

export interface Config {
  /** What this process runs: everything (`all`), the HTTP edge, or feed delivery (docs/decisions/0020). */
  role: IgcordRole;
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
    /** Where interactions arrive: over the gateway, or as signed POSTs to `${publicUrl}/interactions`. */
    interactions: 'gateway' | 'http';
    /** The application's Ed25519 public key (hex), which signs HTTP interactions; set whenever `interactions` is http in live mode. */
    publicKey: string | undefined;
    /**
     * Where Discord state that outlives one request lives, and the global request window is kept: `redis` shares
     * them with every process of the bot through `redisUrl` (docs/decisions/0022).
     */
    stateStore: 'memory' | 'redis';
    redisUrl: string | undefined;
    /** Discord's global limit for the bot: requests per second across every process. */
    globalRateLimit: number;
  };
  instagram: {
    /** Which Instagram API serves igcord: the Platform API v1 or the Graph API. */
    provider: 'v1' | 'graph';
    /** The Graph API's login, pinned version and hosts (read only when `provider` is graph). */
    graph: {
      login: 'instagram' | 'facebook';
      version: string;
      /** The other app's secret (GRAPH_WEBHOOK_SECRET): webhooks signed with it are accepted too. */
      webhookSecret: string | undefined;
      hosts: {
        instagramWww: string;
        instagramApi: string;
        instagramGraph: string;
        facebookWww: string;
        facebookGraph: string;
      };
    };
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
  /** The delivery job queue of edge and worker processes, in Redis (`limits.redisUrl`). */
  queue: { prefix: string; stalledMs: number };
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
    super(
      `${subject}; fix these environment variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
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
    problems.push(
      'FEEDS_MIN_POLL_MS: expected at most FEEDS_MAX_POLL_MS (the shortest poll interval cannot exceed the longest)',
    );
  }
  if (parsed.success && parsed.data.LIMITER_STORE === 'redis' && parsed.data.REDIS_URL === undefined) {
    problems.push('REDIS_URL: expected redis://… when LIMITER_STORE=redis (where processes share their budgets)');
  }
  if (parsed.success && parsed.data.DISCORD_STATE_STORE === 'redis' && parsed.data.REDIS_URL === undefined) {
    problems.push('REDIS_URL: expected redis://… when DISCORD_STATE_STORE=redis (where processes share Discord state)');
  }
  if (parsed.success && parsed.data.INSTANCE_LOCK_STALE_MS < 2 * parsed.data.INSTANCE_LOCK_HEARTBEAT_MS) {
    problems.push(
      'INSTANCE_LOCK_STALE_MS: expected at least twice INSTANCE_LOCK_HEARTBEAT_MS (one late heartbeat must not give the lock away)',
    );
  }
  if (
    parsed.success &&
    mode === 'live' &&
    parsed.data.DISCORD_INTERACTIONS === 'http' &&
    parsed.data.DISCORD_PUBLIC_KEY === undefined
  ) {
    problems.push(
      'DISCORD_PUBLIC_KEY: missing; with DISCORD_INTERACTIONS=http, the public key from the developer portal (General Information) checks that interactions come from Discord',
    );
  }
  if (parsed.success) problems.push(...roleProblems(parsed.data, mode, present('LIMITER_STORE')));
  // A v1 client id is 32 hex digits, a Meta app id is numeric: which one is right depends on the provider. Checked
  // from the raw environment, so these are reported together with every other problem.
  const formats = APP_CREDENTIAL_FORMATS[env.INSTAGRAM_PROVIDER?.trim() === 'graph' ? 'graph' : 'v1'];
  for (const [name, format] of Object.entries(formats)) {
    if (present(name) && !format.pattern.test(env[name]!.trim())) problems.push(`${name}: ${format.expected}`);
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(dedupe(problems), options.subject);

  const e = parsed.data;
  const limits = INSTAGRAM_LIMITS[e.INSTAGRAM_MODE];
  return {
    role: e.IGCORD_ROLE,
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
    storage: {
      url: e.STORAGE_URL,
      encryptionKey: e.TOKEN_ENCRYPTION_KEY,
      previousKeys: e.TOKEN_ENCRYPTION_KEYS_PREVIOUS,
    },
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      devGuildId: e.DISCORD_DEV_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      clientSecret: e.DISCORD_CLIENT_SECRET,
      oauthUrl: e.DISCORD_OAUTH_URL,
      interactions: e.DISCORD_INTERACTIONS,
      publicKey: e.DISCORD_PUBLIC_KEY,
      stateStore: e.DISCORD_STATE_STORE ?? (e.REDIS_URL === undefined ? 'memory' : 'redis'),
      redisUrl: e.REDIS_URL,
      globalRateLimit: e.DISCORD_GLOBAL_RATE_LIMIT,
    },
    instagram: {
      provider: e.INSTAGRAM_PROVIDER,
      graph: {
        login: e.INSTAGRAM_GRAPH_LOGIN,
        version: e.INSTAGRAM_GRAPH_VERSION,
        webhookSecret: e.GRAPH_WEBHOOK_SECRET,
        hosts: {
          instagramWww: e.INSTAGRAM_WWW_URL,
          instagramApi: e.INSTAGRAM_API_URL,
          instagramGraph: e.INSTAGRAM_GRAPH_URL,
          facebookWww: e.FACEBOOK_WWW_URL,
          facebookGraph: e.FACEBOOK_GRAPH_URL,
        },
      },
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
      // A process beside others shares its budgets: a budget in one process's memory would be spent twice.
      store: e.IGCORD_ROLE === 'all' ? e.LIMITER_STORE : 'redis',
      redisUrl: e.REDIS_URL,
    },
    linking: { promptLimit: e.LINK_PROMPT_LIMIT, pasteLimit: e.LINK_PASTE_LIMIT, windowMs: e.LINK_ATTEMPT_WINDOW_MS },
    feeds: { minPollMs: e.FEEDS_MIN_POLL_MS, maxPollMs: e.FEEDS_MAX_POLL_MS, concurrency: e.FEEDS_CONCURRENCY },
    instanceLock: { heartbeatMs: e.INSTANCE_LOCK_HEARTBEAT_MS, staleMs: e.INSTANCE_LOCK_STALE_MS },
    queue: { prefix: e.QUEUE_PREFIX, stalledMs: e.QUEUE_STALLED_MS },
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
