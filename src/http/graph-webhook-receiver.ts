// The Graph provider's `/webhooks/instagram` (reference §1.7, docs/decisions/0024). GET answers the
// `hub.challenge` handshake. POST is a fixed pipeline with one status per failure, in this order: content type
// (415) → size while streaming (413) → X-Hub-Signature-256 over the raw bytes under the Instagram app's or the
// Meta app's secret (401) → JSON (400) → envelope and event shape (400) → durable record of each comments /
// mentions event, deduplicated (Meta redelivers the same change for 36 h), and a dirty mark of its account's
// source so the engine polls it early (503 if either fails or outlasts the record timeout: Meta redelivers on any
// non-2xx) → 200. A redelivered event is acknowledged and records nothing new; its source is marked again, which
// the engine coalesces with a mark still unread.
import { validate, ValidationError } from '../util/validate.js';
import { verifyGraphSignature } from '../providers/graph/webhook-signature.js';
import {
  graphWebhookEnvelopeSchema,
  graphWebhookEvents,
  type ReadEnvelope,
} from '../providers/graph/webhook-payload.js';
import { sourceKey, type WebhookEventStore } from '../storage/index.js';
import { HttpError, json, type HttpResponse } from './http-response.js';
import { readBody } from './read-body.js';
import { recordWithin } from './record-within.js';
import { route, type RequestContext, type Route } from './router.js';
import { hubChallenge, isJson } from './webhook-handshake.js';
import { WEBHOOK_PATH } from './webhook-receiver.js';

/** Where the sources named by recorded events go: marked dirty, durably, so the engine polls them early. */
export interface SourceHints {
  /** Resolves, once stored, with the sources marked now (a source already marked and unread is not). */
  hint(sourceKeys: readonly string[], signal: AbortSignal): Promise<readonly string[]>;
}

/** Counters of the POST route, read by the metrics endpoint. `rejected` is keyed by HTTP status. */
export interface GraphWebhookStats {
  /** Deliveries (POSTs) acknowledged with 200. */
  accepted: number;
  /** Events recorded for the first time. */
  recorded: number;
  /** Events already recorded (Meta's redeliveries). */
  duplicates: number;
  /** Changes of fields igcord does not record. */
  ignored: number;
  /** Sources marked dirty for an early poll. */
  hinted: number;
  rejected: Record<number, number>;
}

export interface GraphWebhookReceiverOptions {
  /** The app secrets a delivery may be signed with: the Instagram app's and, when configured, the Meta app's. */
  secrets: readonly string[];
  verifyToken: string;
  events: Pick<WebhookEventStore, 'record'>;
  hints: SourceHints;
  /** Default 1 MiB: Meta batches up to 1000 changes of a few hundred bytes each. */
  maxBodyBytes?: number | undefined;
  /** The record must finish within this or the POST is answered 503. Default 5000. */
  recordTimeoutMs?: number | undefined;
  /** Default `/webhooks/instagram`. */
  path?: string | undefined;
}

export interface GraphWebhookReceiver {
  routes: Route[];
  stats: GraphWebhookStats;
}

export function createGraphWebhookReceiver(options: GraphWebhookReceiverOptions): GraphWebhookReceiver {
  const secrets = options.secrets.filter((s) => s !== '');
  if (secrets.length === 0) throw new TypeError('the Graph webhook receiver needs at least one app secret');
  const { events, hints } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const recordTimeoutMs = options.recordTimeoutMs ?? 5000;
  const path = options.path ?? WEBHOOK_PATH;
  const stats: GraphWebhookStats = { accepted: 0, recorded: 0, duplicates: 0, ignored: 0, hinted: 0, rejected: {} };

  async function receive(ctx: RequestContext): Promise<HttpResponse> {
    try {
      const read = await check(ctx);
      const recorded = await recordWithin(
        async (signal) => {
          const fresh = await events.record(read.events, { signal });
          signal.throwIfAborted();
          // The account's posts source (activity there), and the comments or mentions feed the event is for.
          const keys = [
            ...new Set(
              read.events.flatMap((e) => [
                sourceKey({ kind: 'account', instagramUserId: e.accountId }),
                sourceKey({ kind: e.field, instagramUserId: e.accountId }),
              ]),
            ),
          ];
          const marked = keys.length > 0 ? await hints.hint(keys, signal) : [];
          if (marked.length > 0) ctx.log.debug({ sources: marked }, 'sources marked for an early poll');
          stats.hinted += marked.length;
          return fresh.length;
        },
        recordTimeoutMs,
        ctx.log,
        { events: read.events.length },
      );
      stats.accepted += 1;
      stats.recorded += recorded;
      stats.duplicates += read.events.length - recorded;
      stats.ignored += read.ignored;
      ctx.log.info({ events: read.events.length, recorded, ignored: read.ignored }, 'Graph webhook delivery recorded');
      return json(200, { ok: true });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      stats.rejected[status] = (stats.rejected[status] ?? 0) + 1;
      throw err;
    }
  }

  /** Everything before the record: each step refuses with its own status, and none records anything. */
  async function check({ req, log }: RequestContext): Promise<ReadEnvelope> {
    if (!isJson(req.headers['content-type'])) {
      throw new HttpError(415, 'unsupported_media_type', 'the body must be application/json');
    }
    const raw = await readBody(req, maxBodyBytes);
    const header = req.headers['x-hub-signature-256'];
    if (!verifyGraphSignature(raw, header, secrets)) {
      log.warn(
        { bytes: raw.length, signed: header !== undefined },
        'Graph webhook refused: bad or missing X-Hub-Signature-256',
      );
      throw new HttpError(401, 'bad_signature', 'X-Hub-Signature-256 is missing or does not match the body');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
    }
    try {
      return graphWebhookEvents(validate(graphWebhookEnvelopeSchema, body, 'Graph webhook delivery'));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      log.warn(
        { issues: err.issues.length },
        'Graph webhook refused: not an envelope of comments and mentions igcord can read',
      );
      throw new HttpError(400, 'invalid_notification', err.message);
    }
  }

  return {
    routes: [route('GET', path, hubChallenge(options.verifyToken)), route('POST', path, receive)],
    stats,
  };
}
