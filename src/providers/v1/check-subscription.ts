// The start-up check of Instagram's real-time subscription: igcord syncs it once it listens, and a failure must
// not stop igcord, because polling still delivers every post (only later). Kept apart from subscription-sync.ts,
// which the `npm run subscriptions` script shares and which reports to its caller instead of logging.
import type { InstagramClient } from './client.js';
import type { Logger } from '../../log.js';
import { describeReport, syncSubscription } from './subscription-sync.js';

/**
 * Makes sure exactly one user/media subscription points at igcord's webhook route and logs what was found. A
 * failure is logged, not fatal: polling still delivers every post, only later.
 */
export async function checkSubscription(
  instagram: InstagramClient,
  callbackUrl: string,
  verifyToken: string,
  log: Logger,
): Promise<void> {
  try {
    const report = await syncSubscription(instagram, callbackUrl, verifyToken);
    log.info({ callbackUrl, subscriptions: describeReport(report) }, 'Instagram real-time subscription checked');
  } catch (error) {
    log.error(
      { err: error, callbackUrl },
      'Instagram real-time subscription could not be checked; posts will arrive by polling until it is fixed (npm run subscriptions -- sync)',
    );
  }
}
