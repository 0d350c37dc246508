// `npm run subscriptions -- list|sync|delete [--all]`: shows, repairs or removes igcord's Instagram real-time
// subscription (one `user`/`media` subscription at ${PUBLIC_URL}/webhooks/instagram). `sync` is what igcord does
// at start; igcord must be running and reachable at PUBLIC_URL for it, since Instagram checks the callback before
// it answers. `delete` removes igcord's subscriptions, or every subscription of the app with `--all`. Reads only
// the Instagram variables it needs, checked by zod; calls are made without the bot's limiter (one-off, app key).
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { deleteSubscriptions, describeReport, inspectSubscriptions, syncSubscription } from '../src/feeds/index.js';
import { WEBHOOK_PATH } from '../src/http/webhook-receiver.js';
import { createInstagramClient } from '../src/instagram/client.js';
import { createLogger } from '../src/log.js';
import { validate, ValidationError } from '../src/util/validate.js';

const hex32 = (what: string) => z.string({ error: `missing; ${what}` }).regex(/^[0-9a-f]{32}$/i, { error: `expected 32 hex digits (${what})` });
const environment = z.object({
  INSTAGRAM_CLIENT_ID: hex32('the client id of your Instagram client'),
  INSTAGRAM_CLIENT_SECRET: hex32('the client secret of your Instagram client'),
  INSTAGRAM_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.instagram.com'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'missing or not an http(s) URL; where Instagram reaches igcord' }),
  WEBHOOK_VERIFY_TOKEN: z.string().min(1).optional(),
  INSTAGRAM_SIGNED_REQUESTS: z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional(),
});

class UsageError extends Error {
  override readonly name = 'UsageError';
}

const USAGE = 'usage: npm run subscriptions -- list | sync | delete [--all]';
const [action, ...flags] = process.argv.slice(2);

try {
  if (action !== 'list' && action !== 'sync' && action !== 'delete') throw new UsageError(USAGE);
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validate(environment, process.env, 'the environment');
  const publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  const callbackUrl = `${publicUrl}${WEBHOOK_PATH}`;
  const instagram = createInstagramClient({
    apiUrl: env.INSTAGRAM_API_URL.replace(/\/+$/, ''),
    clientId: env.INSTAGRAM_CLIENT_ID,
    clientSecret: env.INSTAGRAM_CLIENT_SECRET,
    redirectUri: `${publicUrl}/oauth/callback`,
    timeoutMs: 10_000,
    signedRequests: ['true', '1', 'yes'].includes(env.INSTAGRAM_SIGNED_REQUESTS ?? 'false'),
    log: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
  });
  let report;
  if (action === 'list') report = await inspectSubscriptions(instagram, callbackUrl);
  else if (action === 'sync') {
    if (env.WEBHOOK_VERIFY_TOKEN === undefined) throw new UsageError('sync needs WEBHOOK_VERIFY_TOKEN, the one igcord answers the challenge with');
    report = await syncSubscription(instagram, callbackUrl, env.WEBHOOK_VERIFY_TOKEN);
  } else report = await deleteSubscriptions(instagram, callbackUrl, flags.includes('--all'));
  for (const line of describeReport(report)) console.log(line);
} catch (error) {
  if (error instanceof ValidationError || error instanceof UsageError) console.error(error.message);
  else console.error(`The subscription ${action ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

