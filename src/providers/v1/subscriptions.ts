// The real-time subscriptions API (reference §6): create / list / delete with the app's client_id and
// client_secret (budget key `app`), and the two checks igcord's webhook route needs: answering the hub challenge
// and verifying `X-Hub-Signature` (lowercase hex HMAC-SHA1 of the raw body keyed with the client secret, no
// `sha1=` prefix) in constant time before anything is parsed.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { validate } from '../../util/validate.js';
import { callApi, type ApiContext, type CallOptions, type Result } from './api-call.js';
import { ackSchema, subscriptionSchema, type Subscription } from './schemas.js';

export interface CreateSubscriptionInput {
  /** Must start with http:// or https:// and answer GET (challenge) and POST (notifications). */
  callbackUrl: string;
  verifyToken?: string | undefined;
  /** Late API: only `user` is accepted (§6.1). */
  object?: 'user' | 'tag' | 'location' | 'geography' | undefined;
  objectId?: string | undefined;
}

/** Exactly one selector, as the API requires: a subscription id, an object type, or `all`. */
export type RemoveSubscriptionInput = { id: string } | { object: 'all' | 'user' | 'tag' | 'location' | 'geography' };

function appParams(ctx: ApiContext) {
  return [
    ['client_id', ctx.clientId],
    ['client_secret', ctx.clientSecret],
  ] as const;
}

/** POST /subscriptions: Instagram calls the callback with the challenge before it answers. */
export function createSubscription(
  ctx: ApiContext,
  input: CreateSubscriptionInput,
  options?: CallOptions,
): Promise<Result<Subscription>> {
  return callApi(
    ctx,
    {
      key: 'app',
      method: 'POST',
      path: '/subscriptions',
      params: [
        ...appParams(ctx),
        ['object', input.object ?? 'user'],
        ['aspect', 'media'],
        ['object_id', input.objectId],
        ['callback_url', input.callbackUrl],
        ['verify_token', input.verifyToken],
      ],
      options,
    },
    (r) => ({ data: validate(subscriptionSchema, r.data, 'created subscription'), rateLimit: r.rateLimit }),
  );
}

/** GET /subscriptions: the app's subscriptions. */
export function listSubscriptions(ctx: ApiContext, options?: CallOptions): Promise<Result<Subscription[]>> {
  return callApi(ctx, { key: 'app', method: 'GET', path: '/subscriptions', params: appParams(ctx), options }, (r) => ({
    data: validate(subscriptionSchema.array(), r.data, 'subscription list'),
    rateLimit: r.rateLimit,
  }));
}

/** DELETE /subscriptions with one selector; the API acknowledges with `data: null`. */
export function removeSubscriptions(
  ctx: ApiContext,
  selector: RemoveSubscriptionInput,
  options?: CallOptions,
): Promise<Result<null>> {
  const select = 'id' in selector ? (['id', selector.id] as const) : (['object', selector.object] as const);
  return callApi(
    ctx,
    { key: 'app', method: 'DELETE', path: '/subscriptions', params: [...appParams(ctx), select], options },
    (r) => ({ data: validate(ackSchema, r.data, 'subscription delete'), rateLimit: r.rateLimit }),
  );
}

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/**
 * True only when `signatureHeader` is the hex HMAC-SHA1 of exactly these bytes under `clientSecret` (surrounding
 * whitespace and upper-case hex tolerated, a `sha1=` prefix refused). A missing, empty or malformed header is
 * false, never an exception; both sides are 20 bytes by then, so the comparison takes constant time. An empty
 * secret throws: anyone could sign with it.
 */
export function verifyNotificationSignature(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  clientSecret: string,
): boolean {
  if (clientSecret === '') throw new TypeError('verifying a notification needs the client secret; it was empty');
  if (typeof signatureHeader !== 'string') return false;
  const candidate = signatureHeader.trim();
  if (!SHA1_HEX.test(candidate)) return false;
  const expected = createHmac('sha1', clientSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
}

/** The X-Hub-Signature value Instagram sends for a body (for igcord's own tests and tools). */
export function signNotification(rawBody: Buffer | string, clientSecret: string): string {
  return createHmac('sha1', clientSecret).update(rawBody).digest('hex');
}

/**
 * Constant-time check of the `hub.verify_token` Instagram echoes: both sides are hashed first, so the time taken
 * says nothing about the token's length either.
 */
export function verifyTokenMatches(sent: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * The answer to Instagram's `GET callback?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`: the challenge
 * to echo when the mode and verify token are right, undefined when the request must be refused.
 */
export function answerChallenge(query: URLSearchParams, verifyToken: string): string | undefined {
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || challenge === null || challenge === '') return undefined;
  return verifyTokenMatches(query.get('hub.verify_token') ?? '', verifyToken) ? challenge : undefined;
}
