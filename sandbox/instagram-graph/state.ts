// Everything one Graph emulator instance holds, built once from its options and handed to each part (OAuth,
// Graph pipeline, routes, webhooks, admin): no module-level state, so several emulators can run in one process.
import { Clock } from './clock.js';
import { Faults } from './faults.js';
import { HashtagBudget } from './hashtags.js';
import { RequestLog } from './request-log.js';
import { seedWorld } from './seed.js';
import { TokenStore } from './tokens.js';
import { UsageMeter, type UsageOptions } from './usage.js';
import { Webhooks, type WebhookOptions } from './webhooks.js';
import type { World } from './world.js';

/** The Meta app (Facebook Login) and the Instagram app (Instagram Login) of one developer; ids differ (reference §1.2). */
export interface GraphApp {
  metaAppId: string;
  metaAppSecret: string;
  instagramAppId: string;
  instagramAppSecret: string;
  redirectUris: string[];
}

/** The app every emulator knows unless told otherwise; fixed so configuration can name it. */
export const SANDBOX_GRAPH_APP: GraphApp = {
  metaAppId: '1234567890123456',
  metaAppSecret: '6f1d3c0b9a8e7d6c5b4a39281706f5e4',
  instagramAppId: '9876543210987654',
  instagramAppSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  redirectUris: ['http://127.0.0.1:3000/oauth/callback', 'http://localhost:3000/oauth/callback'],
};

export const DEFAULT_GRAPH_VERSION = 'v25.0';

export interface GraphEmulatorOptions {
  port?: number;
  host?: string;
  seed?: string | number;
  /** The clock's start, ms epoch (default: the real now). */
  now?: number;
  /** Stop the clock from ticking with real time (it still moves with setNow/advance). */
  frozenClock?: boolean;
  app?: Partial<GraphApp>;
  /** The version in `next` links and the one shown in the README; any `vNN.N` prefix is accepted. */
  version?: string;
  usage?: UsageOptions;
  webhooks?: WebhookOptions;
  /** Shape of the api.instagram.com code exchange (unverified, reference §1.2): `data` = `{data:[{…}]}` (the docs), `flat`. */
  tokenExchangeShape?: 'data' | 'flat';
  /** Whether ig_refresh_token hands back a new string (default: the same string with a new expiry; unverified). */
  refreshReturnsNewToken?: boolean;
  /** Serve business_discovery on graph.instagram.com too (unverified, reference §6 question 6); default no. */
  businessDiscoveryOnInstagramLogin?: boolean;
  /** Add a `next` link to business-discovery media paging (one report says there is none; default no). */
  discoveryNextLink?: boolean;
  /** Unique hashtags per account per 7 days (30). */
  hashtagLimit?: number;
  /** The app has the Instagram Public Content Access feature (hashtags); default yes. */
  publicContentAccess?: boolean;
}

export interface GraphState {
  app: GraphApp;
  clock: Clock;
  world: World;
  tokens: TokenStore;
  usage: UsageMeter;
  hashtags: HashtagBudget;
  webhooks: Webhooks;
  faults: Faults;
  requests: RequestLog;
  options: GraphEmulatorOptions;
  version: string;
  /** The server's base URL, set once listening (for `next` links and redirects). */
  baseUrl: string;
  closing: AbortController;
}

export function createState(options: GraphEmulatorOptions): GraphState {
  const start = options.now ?? Date.now();
  const closing = new AbortController();
  const faults = new Faults();
  return {
    app: { ...SANDBOX_GRAPH_APP, ...options.app },
    clock: new Clock(start, options.frozenClock ?? false),
    world: seedWorld(options.seed ?? 'igcord', start, 'https://scontent.cdninstagram.example'),
    tokens: new TokenStore(),
    usage: new UsageMeter(options.usage),
    hashtags: new HashtagBudget(options.hashtagLimit),
    webhooks: new Webhooks(
      options.webhooks ?? {},
      closing.signal,
      (callbackUrl) => faults.take('POST', new URL(callbackUrl).pathname, ['drop']) !== undefined,
    ),
    faults,
    requests: new RequestLog(),
    options,
    version: options.version ?? DEFAULT_GRAPH_VERSION,
    baseUrl: '',
    closing,
  };
}
