// App-level webhook subscriptions (reference §1.7): `POST /{app-id}/subscriptions` with `object=instagram`,
// `callback_url`, `fields`, `verify_token` and the app token performs the `hub.challenge` GET before answering
// `{success:true}`; GET lists them, DELETE removes them (all, or some `fields`). The app id may be the Meta
// app's or the Instagram app's (whether the latter works is unverified, so both do); events for a subscription
// are signed with that app's secret. Per-Page `subscribed_apps` (Facebook Login) lives here too.
import type { GraphContext, Json } from '../context.js';
import { GraphError, invalidParameter, unsupportedRequest } from '../graph-error.js';
import { WEBHOOK_FIELDS, type WebhookField } from '../webhooks.js';
import type { Page } from '../world.js';

export async function appSubscriptions(ctx: GraphContext, appId: string): Promise<Json> {
  const { viewer, state } = ctx;
  if (viewer.kind !== 'app' || viewer.appId !== appId) {
    throw new GraphError(15, '(#15) This method must be called with an app access_token.');
  }
  ctx.chargePlatform();
  if (ctx.method === 'GET') {
    return {
      data: state.webhooks.list(appId).map((s) => ({
        object: s.object,
        callback_url: s.callbackUrl,
        active: true,
        fields: s.fields.map((name) => ({ name, version: state.version })),
      })),
    };
  }
  const object = ctx.params.get('object');
  if (ctx.method === 'DELETE') {
    const fields = ctx.params.get('fields')?.split(',').filter(Boolean);
    state.webhooks.unsubscribeApp(appId, fields);
    return { success: true };
  }
  if (ctx.method !== 'POST') throw unsupportedRequest(ctx.method, appId);
  if (object !== 'instagram') throw invalidParameter(`Param object must be one of {instagram} - got "${object ?? ''}"`);
  const fields = (ctx.params.get('fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw invalidParameter('The parameter fields is required');
  const unknown = fields.find((f) => !(WEBHOOK_FIELDS as readonly string[]).includes(f));
  if (unknown) throw invalidParameter(`Param fields must be one of {${WEBHOOK_FIELDS.join(', ')}} - got "${unknown}"`);
  const callbackUrl = ctx.params.get('callback_url');
  if (!callbackUrl) throw invalidParameter('The parameter callback_url is required');
  await state.webhooks.subscribeApp({
    appId,
    login: viewer.login,
    secret: viewer.secret,
    object: 'instagram',
    callbackUrl,
    fields: fields as WebhookField[],
    verifyToken: ctx.params.get('verify_token') ?? '',
  });
  return { success: true };
}

/** Facebook Login's per-account subscription: the Page's `subscribed_apps`, with its Page token. */
export function pageSubscribedApps(ctx: GraphContext, page: Page): Json {
  const { viewer, state } = ctx;
  if (viewer.kind !== 'page' || viewer.page.id !== page.id)
    throw new GraphError(210, '(#210) A page access token is required to request this resource.');
  ctx.chargePlatform();
  const appId = state.app.metaAppId;
  const accountId = page.igAccountId;
  if (ctx.method === 'GET') {
    const fields = accountId ? state.webhooks.accountFields(appId, accountId) : undefined;
    return { data: fields ? [{ id: appId, name: 'igcord (emulator)', subscribed_fields: fields }] : [] };
  }
  if (ctx.method === 'DELETE') {
    if (accountId) state.webhooks.unsubscribeAccount(appId, accountId);
    return { success: true };
  }
  const fields = (ctx.params.get('subscribed_fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw invalidParameter('The parameter subscribed_fields is required');
  // Events for the Instagram account linked to the Page reach the app once the Page has subscribed it.
  if (accountId) state.webhooks.subscribeAccount(appId, accountId, fields);
  return { success: true };
}
