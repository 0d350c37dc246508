// The real-time subscriptions API (reference §6): app-level calls authenticated with client_id + client_secret.
// Create performs the synchronous hub.challenge GET against the callback before answering; only object=user,
// aspect=media exists in the late API. List and delete (by id, object=all or object=user) are per app.
import { randomBytes } from 'node:crypto';
import { ApiError, TopLevelError, invalidParameters } from './api-error.js';
import type { Json } from './json.js';
import { checkSig } from './signing.js';
import type { EmulatorState, Subscription } from './state.js';

const subscriptionError = (message: string) => new ApiError(400, 'APISubscriptionError', message);

/** Subscription ids count up from a realistic-looking number. */
const FIRST_SUBSCRIPTION_ID = 20472636;

function render(s: Subscription): { [key: string]: Json } {
  return {
    object: s.object,
    object_id: null,
    aspect: s.aspect,
    callback_url: s.callbackUrl,
    type: 'subscription',
    id: s.id,
  };
}

export async function handleSubscriptions(
  state: EmulatorState,
  method: string,
  params: URLSearchParams,
  signedPath: string,
): Promise<{ data: Json; clientId?: string }> {
  const clientId = params.get('client_id');
  if (!clientId) throw new ApiError(400, 'OAuthParameterException', 'Missing client_id or access_token URL parameter.');
  const app = state.clients.get(clientId);
  if (!app) {
    throw new ApiError(
      400,
      'OAuthClientException',
      'The client_id provided is invalid and does not match a valid application.',
    );
  }
  const secret = params.get('client_secret');
  if (!secret) throw new ApiError(400, 'OAuthClientException', 'Missing client_secret URL parameter');
  if (secret !== app.clientSecret) throw subscriptionError('Invalid "client_id" and/or "client_secret".');
  if (app.signedRequests) {
    const sig = checkSig(signedPath, params, app.clientSecret);
    if (!sig.ok) throw new TopLevelError(403, 'OAuthForbiddenException', sig.message);
  }
  const own = () => state.subscriptions.filter((s) => s.clientId === clientId);

  if (method === 'GET') return { data: own().map(render), clientId };

  if (method === 'DELETE') {
    const id = params.get('id');
    const object = params.get('object');
    if (id) state.subscriptions = state.subscriptions.filter((s) => !(s.clientId === clientId && s.id === id));
    else if (object === 'all' || object === 'user') {
      state.subscriptions = state.subscriptions.filter(
        (s) => !(s.clientId === clientId && (object === 'all' || s.object === object)),
      );
    } else if (object) throw subscriptionError(`Invalid object type "${object}".`);
    else throw invalidParameters('Missing required parameter: id or object');
    return { data: null, clientId };
  }

  if (method !== 'POST') throw invalidParameters(`Unsupported method ${method}`);
  const object = params.get('object');
  const aspect = params.get('aspect');
  const callbackUrl = params.get('callback_url') ?? '';
  // Tag, location and geography subscriptions were removed in 2015–2016; only user/media remains.
  if (object !== 'user')
    throw subscriptionError(`Invalid object type "${object ?? ''}". Only "user" subscriptions are supported.`);
  if (aspect !== 'media') throw subscriptionError(`Invalid aspect "${aspect ?? ''}". Only "media" is supported.`);
  if (!/^https?:\/\//.test(callbackUrl)) {
    throw subscriptionError('Invalid format for "callback_url". URL must start with "http://" or "https://"');
  }
  await verifyCallback(state, callbackUrl, params.get('verify_token') ?? '');
  const subscription: Subscription = {
    // Ids never repeat, even after deletions.
    id: String(FIRST_SUBSCRIPTION_ID + state.subscriptionsCreated++),
    clientId,
    object: 'user',
    aspect: 'media',
    callbackUrl,
  };
  state.subscriptions.push(subscription);
  return { data: render(subscription), clientId };
}

async function verifyCallback(state: EmulatorState, callbackUrl: string, verifyToken: string): Promise<void> {
  const challenge = randomBytes(16).toString('hex');
  let target: URL;
  try {
    target = new URL(callbackUrl);
  } catch {
    throw subscriptionError('Invalid format for "callback_url". URL must start with "http://" or "https://"');
  }
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  let status: number;
  let body: string;
  try {
    const response = await fetch(target, {
      signal: AbortSignal.any([AbortSignal.timeout(state.settings.notificationTimeoutMs), state.closing.signal]),
      redirect: 'manual',
    });
    status = response.status;
    body = await response.text();
  } catch {
    throw subscriptionError(`Unable to reach callback URL "${callbackUrl}".`);
  }
  if (status !== 200 || body !== challenge) throw subscriptionError('Challenge verification failed.');
}
