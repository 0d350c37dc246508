// `npm run subscriptions -- list|sync|delete [--all]`: shows, repairs or removes igcord's Instagram real-time
// subscription (one `user`/`media` subscription at ${PUBLIC_URL}/webhooks/instagram). `sync` is what igcord does
// at start; igcord must be running and reachable at PUBLIC_URL for it, since Instagram checks the callback before
// it answers. `delete` removes igcord's subscriptions, or every subscription of the app with `--all`. Its
// configuration is read as `npm start` reads it (.env, blank as unset, one list of problems; src/config-loader.ts),
// needing only the Instagram variables; calls are made without the bot's limiter (one-off, app key).
import { loadConfigOrExit } from '../src/config-loader.js';
import {
  deleteSubscriptions,
  describeReport,
  inspectSubscriptions,
  syncSubscription,
} from '../src/providers/v1/subscription-sync.js';
import { WEBHOOK_PATH } from '../src/http/webhook-receiver.js';
import { createInstagramClient } from '../src/providers/v1/client.js';
import { createLogger } from '../src/log.js';

const USAGE = 'usage: npm run subscriptions -- list | sync | delete [--all]';
const [action, ...flags] = process.argv.slice(2);
if (action !== 'list' && action !== 'sync' && action !== 'delete') {
  console.error(USAGE);
  process.exit(1);
}

const { config, env } = loadConfigOrExit({
  // sync answers Instagram's challenge with the verify token; list and delete do not need it.
  required: [
    'INSTAGRAM_CLIENT_ID',
    'INSTAGRAM_CLIENT_SECRET',
    'PUBLIC_URL',
    ...(action === 'sync' ? (['WEBHOOK_VERIFY_TOKEN'] as const) : []),
  ],
  subject: `npm run subscriptions -- ${action} cannot run`,
});
// Required above: loadConfigOrExit has exited without them.
const publicUrl = config.http.publicUrl!;
const callbackUrl = `${publicUrl}${WEBHOOK_PATH}`;
try {
  const instagram = createInstagramClient({
    apiUrl: config.instagram.apiUrl,
    clientId: config.instagram.clientId!,
    clientSecret: config.instagram.clientSecret!,
    redirectUri: `${publicUrl}/oauth/callback`,
    timeoutMs: config.instagram.timeoutMs,
    signedRequests: config.instagram.signedRequests,
    log: createLogger({ level: env.LOG_LEVEL === undefined ? 'warn' : config.logLevel }),
  });
  let report;
  if (action === 'list') report = await inspectSubscriptions(instagram, callbackUrl);
  else if (action === 'sync')
    report = await syncSubscription(instagram, callbackUrl, config.instagram.webhookVerifyToken!);
  else report = await deleteSubscriptions(instagram, callbackUrl, flags.includes('--all'));
  for (const line of describeReport(report)) console.log(line);
} catch (error) {
  console.error(`The subscription ${action} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
