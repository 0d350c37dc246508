// Webhooks (reference §1.7, §4.5 item 11). App subscriptions (`object=instagram`, fields, callback, verify
// token) are made with the synchronous `hub.challenge` GET; an account receives events only once it has
// subscribed the app (`subscribed_apps`). Events are batched per app (up to 1000 entries in one POST, after a
// short gathering delay), signed over the raw bytes with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app
// secret)>` (and the older SHA-1 `X-Hub-Signature`, reference §1.7), and redelivered — same bytes — until the
// receiver answers 2xx: immediately once, then with a growing delay, for 36 h by default (configurable, short
// in tests). Nothing here is fired by new media: no webhook field announces a new post (reference §1.7). Two test
// levers stand for what Meta's side can do: a `drop` fault loses a delivery for good (as once its 36 h of retries
// are over), and `redeliver` sends a delivery's same bytes again, as Meta's retry does after an answer it lost.
import { createHmac } from 'node:crypto';
import { GraphError } from './graph-error.js';

export type WebhookField = 'comments' | 'live_comments' | 'mentions' | 'story_insights';
export const WEBHOOK_FIELDS: readonly WebhookField[] = ['comments', 'live_comments', 'mentions', 'story_insights'];
export type Login = 'instagram' | 'facebook';

export interface AppSubscription {
  appId: string;
  login: Login;
  secret: string;
  object: 'instagram';
  callbackUrl: string;
  fields: WebhookField[];
  verifyToken: string;
}

export interface WebhookOptions {
  /** How long events gather before a batch is sent, ms (50). */
  batchMs?: number;
  /** First redelivery delay after the immediate retry, ms (1000), multiplied by `retryFactor` (2) each time, capped at `retryMaxMs` (1 h). */
  retryInitialMs?: number;
  retryFactor?: number;
  retryMaxMs?: number;
  /** Stop redelivering after this long, ms (36 h). */
  retryForMs?: number;
  /** Per-attempt timeout, ms (5000). */
  timeoutMs?: number;
  /** Instagram Login entries: `changes: [{field, value}]` (default) or `field`/`value` inline, as Meta's example shows. */
  instagramEntryShape?: 'changes' | 'inline';
}

export interface DeliveryLogEntry {
  id: number;
  appId: string;
  callbackUrl: string;
  body: unknown;
  /** Each attempt's HTTP status, or the network error's text. */
  attempts: (number | string)[];
  acknowledged: boolean;
  gaveUp: boolean;
}

/** One event for an account: the value each login's payload carries (absent: that login gets no event). */
export interface WebhookEvent {
  accountId: string;
  field: WebhookField;
  value: Partial<Record<Login, unknown>>;
  /** Emulator-clock ms. */
  time: number;
}

interface Delivery {
  log: DeliveryLogEntry;
  raw: string;
  headers: Record<string, string>;
  startedAt: number;
}

export class Webhooks {
  private readonly apps = new Map<string, AppSubscription>();
  /** `${appId}:${accountId}` → fields the account subscribed with. */
  private readonly accounts = new Map<string, string[]>();
  private readonly pending = new Map<string, { sub: AppSubscription; entries: unknown[]; timer: NodeJS.Timeout }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<void>>();
  readonly log: DeliveryLogEntry[] = [];
  private readonly sent = new Map<number, Delivery>();
  private deliveries = 0;

  /** `dropped` says whether a delivery to that callback URL is lost on its way (the `drop` fault). */
  constructor(
    private readonly options: WebhookOptions,
    private readonly closing: AbortSignal,
    private readonly dropped: (callbackUrl: string) => boolean = () => false,
  ) {}

  list(appId: string): AppSubscription[] {
    return [...this.apps.values()].filter((s) => s.appId === appId);
  }

  async subscribeApp(sub: AppSubscription): Promise<void> {
    await this.handshake(sub.callbackUrl, sub.verifyToken);
    this.apps.set(`${sub.appId}:${sub.object}`, sub);
  }

  unsubscribeApp(appId: string, fields?: string[]): void {
    const sub = this.apps.get(`${appId}:instagram`);
    if (!sub) return;
    if (!fields || fields.length === 0) this.apps.delete(`${appId}:instagram`);
    else sub.fields = sub.fields.filter((f) => !fields.includes(f));
  }

  subscribeAccount(appId: string, accountId: string, fields: string[]): void {
    this.accounts.set(`${appId}:${accountId}`, fields);
  }

  unsubscribeAccount(appId: string, accountId: string): void {
    this.accounts.delete(`${appId}:${accountId}`);
  }

  accountFields(appId: string, accountId: string): string[] | undefined {
    return this.accounts.get(`${appId}:${accountId}`);
  }

  emit(event: WebhookEvent): void {
    for (const sub of this.apps.values()) {
      if (!sub.fields.includes(event.field) || !this.accounts.has(`${sub.appId}:${event.accountId}`)) continue;
      const value = event.value[sub.login];
      if (value === undefined) continue;
      const time = Math.floor(event.time / 1000);
      const entry =
        sub.login === 'instagram' && this.options.instagramEntryShape === 'inline'
          ? { id: event.accountId, time, field: event.field, value }
          : { id: event.accountId, time, changes: [{ field: event.field, value }] };
      this.enqueue(sub, entry);
    }
  }

  private enqueue(sub: AppSubscription, entry: unknown): void {
    const key = sub.appId;
    let batch = this.pending.get(key);
    if (!batch) {
      const timer = setTimeout(() => this.flush(key), this.options.batchMs ?? 50);
      batch = { sub, entries: [], timer };
      this.pending.set(key, batch);
    }
    batch.entries.push(entry);
    if (batch.entries.length >= 1000) this.flush(key);
  }

  private flush(key: string): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    clearTimeout(batch.timer);
    this.pending.delete(key);
    const body = { object: 'instagram', entry: batch.entries };
    const raw = JSON.stringify(body);
    this.deliveries += 1;
    const delivery: Delivery = {
      log: {
        id: this.deliveries,
        appId: batch.sub.appId,
        callbackUrl: batch.sub.callbackUrl,
        body,
        attempts: [],
        acknowledged: false,
        gaveUp: false,
      },
      raw,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'facebookexternalua',
        'X-Hub-Signature-256': `sha256=${createHmac('sha256', batch.sub.secret).update(raw, 'utf8').digest('hex')}`,
        'X-Hub-Signature': `sha1=${createHmac('sha1', batch.sub.secret).update(raw, 'utf8').digest('hex')}`,
      },
      startedAt: Date.now(),
    };
    this.log.push(delivery.log);
    this.sent.set(delivery.log.id, delivery);
    this.attempt(delivery);
  }

  private attempt(delivery: Delivery): void {
    if (this.closing.aborted) return;
    const run = this.send(delivery).finally(() => this.inflight.delete(run));
    this.inflight.add(run);
  }

  /** One POST of the delivery's bytes: the receiver's status, or the network error's text (undefined: closing). */
  private async post(delivery: Delivery): Promise<number | string | undefined> {
    try {
      const response = await fetch(delivery.log.callbackUrl, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.raw,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs ?? 5000), this.closing]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch (error) {
      if (this.closing.aborted) return undefined;
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }

  private async send(delivery: Delivery): Promise<void> {
    const { log } = delivery;
    if (this.dropped(log.callbackUrl)) {
      // Lost for good: the receiver never sees it, and nothing is sent again.
      log.attempts.push('dropped');
      log.gaveUp = true;
      return;
    }
    const outcome = await this.post(delivery);
    if (outcome === undefined) return;
    log.attempts.push(outcome);
    if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
      log.acknowledged = true;
      return;
    }
    // Meta: "we will retry immediately, then try a few more times with decreasing frequency over the next 36 hours".
    const failures = log.attempts.length;
    const initial = this.options.retryInitialMs ?? 1000;
    const delay =
      failures === 1
        ? 0
        : Math.min(initial * (this.options.retryFactor ?? 2) ** (failures - 2), this.options.retryMaxMs ?? 3_600_000);
    if (Date.now() + delay - delivery.startedAt > (this.options.retryForMs ?? 36 * 3_600_000)) {
      log.gaveUp = true;
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(delivery);
    }, delay);
    this.timers.add(timer);
  }

  /**
   * Sends delivery `id`'s same bytes and signature once more, now, as Meta does when it did not get (or lost) the
   * receiver's answer; resolves with the receiver's status or the network error (undefined: no such delivery).
   */
  async redeliver(id: number): Promise<number | string | undefined> {
    const delivery = this.sent.get(id);
    if (delivery === undefined || this.closing.aborted) return undefined;
    const outcome = await this.post(delivery);
    if (outcome !== undefined) delivery.log.attempts.push(outcome);
    return outcome;
  }

  /** Sends every gathered batch now (used on close and by tests that do not want to wait the batch delay). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  async close(): Promise<void> {
    for (const batch of this.pending.values()) clearTimeout(batch.timer);
    this.pending.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inflight]);
  }

  private async handshake(callbackUrl: string, verifyToken: string): Promise<void> {
    let target: URL;
    try {
      target = new URL(callbackUrl);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('scheme');
    } catch {
      throw new GraphError(100, '(#100) callback_url URL is not properly formatted');
    }
    // Meta sends an int (reference §1.7).
    const challenge = String(1_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.challenge', challenge);
    target.searchParams.set('hub.verify_token', verifyToken);
    let status: number;
    let text: string;
    try {
      const response = await fetch(target, {
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs ?? 5000), this.closing]),
      });
      status = response.status;
      text = await response.text();
    } catch {
      throw new GraphError(2200, `(#2200) callback verification failed: Couldn't connect to server`);
    }
    if (status !== 200)
      throw new GraphError(2200, `(#2200) callback verification failed: HTTP Status Code = ${status}`);
    if (text.trim() !== challenge)
      throw new GraphError(
        2200,
        "(#2200) callback verification failed: The URL couldn't be validated. Response does not match challenge",
      );
  }
}
