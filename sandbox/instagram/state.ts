// Everything one emulator instance holds, built once from its options and passed explicitly to each part
// (API pipeline, OAuth pages, subscriptions, notifier, admin): no module-level state, so several emulators can
// run in one process (tests start one per file).
import { Faults } from './faults.js';
import { SlidingWindowLimits } from './limits.js';
import { RequestLog } from './request-log.js';
import { seedWorld } from './seed.js';
import { TokenStore } from './tokens.js';
import type { World } from './world.js';
import type { EmulatorSnapshot } from './snapshot-schema.js';

export interface EmulatorClientApp {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Enforce `sig` (reference §5.1) → 403 top-level bodies. */
  signedRequests?: boolean;
  /** Reject response_type=token. */
  disableImplicit?: boolean;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  seed?: string | number;
  mode?: 'sandbox' | 'live';
  windowMs?: number;
  globalLimit?: number;
  writeLimit?: number;
  clients?: EmulatorClientApp[];
  notificationTimeoutMs?: number;
  notificationRetries?: number;
  now?: () => number;
  /** A world to start from instead of the seeded one (from `emulator.snapshot()`, checked with parseSnapshot). */
  restore?: EmulatorSnapshot;
}

/** The app every emulator knows unless told otherwise; fixed so that configuration can name it. */
export const SANDBOX_CLIENT: { clientId: string; clientSecret: string; redirectUris: string[] } = {
  clientId: '5f1c2a9d8e7b4c3fa0d6e1b2c3d4e5f6',
  clientSecret: '9a8b7c6d5e4f30211203f4e5d6c7b8a9',
  redirectUris: ['http://127.0.0.1:3000/oauth/callback', 'http://localhost:3000/oauth/callback'],
};

export interface Subscription {
  id: string;
  clientId: string;
  object: 'user';
  aspect: 'media';
  callbackUrl: string;
}

export interface NotificationLogEntry {
  time: number;
  subscriptionId: string;
  callbackUrl: string;
  body: unknown;
  status?: number;
  error?: string;
  dropped?: boolean;
  attempts: number;
}

/** An authorization code waiting to be exchanged (single use, 10 minutes). */
export interface PendingCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

export interface EmulatorState {
  world: World;
  tokens: TokenStore;
  limits: SlidingWindowLimits;
  faults: Faults;
  requests: RequestLog;
  clients: Map<string, EmulatorClientApp>;
  subscriptions: Subscription[];
  subscriptionsCreated: number;
  oauthCodes: Map<string, PendingCode>;
  notifications: NotificationLogEntry[];
  settings: {
    seed: string | number;
    mode: 'sandbox' | 'live';
    notificationTimeoutMs: number;
    notificationRetries: number;
  };
  now: () => number;
  /** The server's base URL, set once listening (used for next_url). */
  baseUrl: string;
  /** Aborts outgoing requests (challenges, notifications) when the emulator closes. */
  closing: AbortController;
}

const BUDGETS = { sandbox: { global: 500, write: 30 }, live: { global: 5000, write: 60 } } as const;

export function createState(options: EmulatorOptions): EmulatorState {
  const mode = options.mode ?? 'sandbox';
  const seed = options.seed ?? 'igcord';
  const clients = options.clients ?? [SANDBOX_CLIENT];
  const now = options.now ?? Date.now;
  return {
    world: seedWorld(seed),
    tokens: new TokenStore(),
    // The window is measured on the real clock: `now` only dates new media.
    limits: new SlidingWindowLimits({
      windowMs: options.windowMs ?? 3_600_000,
      global: options.globalLimit ?? BUDGETS[mode].global,
      write: options.writeLimit ?? BUDGETS[mode].write,
    }),
    faults: new Faults(),
    requests: new RequestLog(),
    clients: new Map(clients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris] }])),
    subscriptions: [],
    subscriptionsCreated: 0,
    oauthCodes: new Map(),
    notifications: [],
    settings: {
      seed,
      mode,
      notificationTimeoutMs: options.notificationTimeoutMs ?? 2000,
      notificationRetries: options.notificationRetries ?? 0,
    },
    now,
    baseUrl: '',
    closing: new AbortController(),
  };
}
