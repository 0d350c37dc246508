// The routes of `/webhooks/instagram` (reference §6.2, §6.4). GET answers the subscription handshake. POST is a
// fixed pipeline with one status per failure, in this order: content type (415) → size while streaming (413) →
// X-Hub-Signature over the raw bytes (401) → JSON (400) → notification shape (400) → durable record by the sink
// (503 if it fails or outlasts the record timeout) → 200. The sink only records which sources changed; fetching
// and posting media happens after the answer, because Instagram drops the connection after 2 s and does not
// redeliver. A sink still at work when the timeout answers 503 is told to stop (its signal is aborted): what it
// would write now is acknowledged to no one, and Instagram sends the notification again.
import type { Logger } from '../log.js';
import { validate, ValidationError } from '../util/validate.js';
import { verifyNotificationSignature } from '../providers/v1/subscriptions.js';
import { HttpError, json, type HttpResponse } from './http-response.js';
import { hubChallenge, isJson } from './webhook-handshake.js';
import { instagramNotificationSchema, type InstagramUpdate } from '../providers/v1/notification.js';
import { readBody } from './read-body.js';
import { route, type RequestContext, type Route } from './router.js';

export type { InstagramUpdate } from '../providers/v1/notification.js';

/**
 * Where accepted updates go. `record` resolves only once the updates are stored durably. `signal` is aborted when
 * the receiver stops waiting (the record timeout answered 503): the sink then stops at its next write.
 */
export interface NotificationSink {
  record(updates: InstagramUpdate[], signal: AbortSignal): Promise<void>;
}

/** Counters of the POST route, read by the metrics endpoint. `rejected` is keyed by HTTP status. */
export interface WebhookStats {
  /** Notifications (POSTs) acknowledged with 200. */
  accepted: number;
  /** Updates inside the accepted notifications. */
  updates: number;
  rejected: Record<number, number>;
}

export interface WebhookReceiverOptions {
  /** The Instagram client secret: the key of X-Hub-Signature. */
  clientSecret: string;
  /** The verify_token igcord sent when it created the subscription; the handshake must carry it. */
  verifyToken: string;
  sink: NotificationSink;
  /** Default 64 KiB: a notification is a few hundred bytes per update. */
  maxBodyBytes?: number | undefined;
  /** The sink must finish within this or the POST is answered 503 (Instagram gives up after 2 s). Default 1500. */
  recordTimeoutMs?: number | undefined;
  /** Default `/webhooks/instagram`. */
  path?: string | undefined;
}

export interface WebhookReceiver {
  routes: Route[];
  stats: WebhookStats;
}

export const WEBHOOK_PATH = '/webhooks/instagram';

export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  if (options.clientSecret === '') throw new TypeError('the webhook receiver needs the Instagram client secret');
  const { clientSecret, sink } = options;
  const { verifyToken } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const recordTimeoutMs = options.recordTimeoutMs ?? 1500;
  const path = options.path ?? WEBHOOK_PATH;
  const stats: WebhookStats = { accepted: 0, updates: 0, rejected: {} };

  async function receive(ctx: RequestContext): Promise<HttpResponse> {
    try {
      const updates = await check(ctx);
      await recordWithin(updates, ctx.log);
      stats.accepted += 1;
      stats.updates += updates.length;
      ctx.log.info({ updates: updates.length }, 'notification recorded');
      return json(200, { ok: true });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      stats.rejected[status] = (stats.rejected[status] ?? 0) + 1;
      throw err;
    }
  }

  /** Everything before the sink: each step refuses with its own status, and none records anything. */
  async function check({ req, log }: RequestContext): Promise<InstagramUpdate[]> {
    if (!isJson(req.headers['content-type'])) {
      throw new HttpError(415, 'unsupported_media_type', 'the body must be application/json');
    }
    const raw = await readBody(req, maxBodyBytes);
    const header = req.headers['x-hub-signature'];
    if (!verifyNotificationSignature(raw, signatureHex(header), clientSecret)) {
      log.warn(
        { bytes: raw.length, signed: header !== undefined },
        'notification refused: bad or missing X-Hub-Signature',
      );
      throw new HttpError(401, 'bad_signature', 'X-Hub-Signature is missing or does not match the body');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
    }
    try {
      return validate(instagramNotificationSchema, body, 'notification');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      log.warn({ issues: err.issues.length }, 'notification refused: not an array of updates');
      throw new HttpError(400, 'invalid_notification', err.message);
    }
  }

  /**
   * Waits for the sink, at most recordTimeoutMs; a failure or a timeout is a 503 so nothing unrecorded is
   * acknowledged. At the timeout the sink's signal is aborted, so it stops writing for an answer already given.
   */
  async function recordWithin(updates: InstagramUpdate[], log: Logger): Promise<void> {
    const giveUp = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = new Error(`the notification sink took longer than ${recordTimeoutMs} ms`);
        giveUp.abort(reason);
        reject(reason);
      }, recordTimeoutMs);
    });
    try {
      await Promise.race([sink.record(updates, giveUp.signal), timeout]);
    } catch (err) {
      log.error({ err, updates: updates.length }, 'notification not recorded; answering 503');
      throw new HttpError(503, 'not_recorded', 'the notification could not be recorded; send it again');
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    routes: [route('GET', path, hubChallenge(verifyToken)), route('POST', path, receive)],
    stats,
  };
}

/**
 * The hex digest of an X-Hub-Signature header. Instagram's Platform API sent bare hex; Meta's webhooks (and
 * proxies that follow them) send `sha1=<hex>`. Both name the same HMAC-SHA1, so the prefix is dropped here and
 * the rest must still be exactly 40 hex characters, compared in constant time by verifyNotificationSignature.
 */
function signatureHex(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const value = header.trim();
  return /^sha1=/i.test(value) ? value.slice('sha1='.length) : value;
}
