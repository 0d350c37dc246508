// Keeps exactly one `user`/`media` real-time subscription pointing at igcord's webhook route (reference §6):
// lists the app's subscriptions, removes duplicates of ours, creates ours when missing (Instagram then calls the
// route with the hub challenge, so igcord must already be listening), and reports what it found. Subscriptions
// of the app that point elsewhere are reported, never touched: another install may own them.
import type { InstagramClient } from './client.js';
import type { Subscription } from './schemas.js';

export interface SubscriptionReport {
  callbackUrl: string;
  /** Every subscription of the app before any change. */
  found: Subscription[];
  /** The one user/media subscription at callbackUrl after the sync, if any. */
  kept: Subscription | undefined;
  /** Whether `kept` was created by this sync. */
  created: boolean;
  /** Ids of duplicate or deleted subscriptions removed. */
  removed: string[];
  /** Subscriptions of the app that point somewhere else or watch something else (left alone). */
  others: Subscription[];
}

/** Same callback, ignoring a trailing slash and the letter case of scheme and host (as URLs compare). */
export function sameCallback(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const url = new URL(u);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return u.replace(/\/+$/, '');
    }
  };
  return norm(a) === norm(b);
}

const isOurs = (s: Subscription, callbackUrl: string) =>
  s.object === 'user' && s.aspect === 'media' && sameCallback(s.callback_url, callbackUrl);

const APP_CALL = { priority: 'interactive' as const };

export async function inspectSubscriptions(
  instagram: InstagramClient,
  callbackUrl: string,
): Promise<SubscriptionReport> {
  const found = (await instagram.subscriptions.list(APP_CALL)).data;
  const ours = found.filter((s) => isOurs(s, callbackUrl));
  return {
    callbackUrl,
    found,
    kept: ours[0],
    created: false,
    removed: [],
    others: found.filter((s) => !isOurs(s, callbackUrl)),
  };
}

export async function syncSubscription(
  instagram: InstagramClient,
  callbackUrl: string,
  verifyToken: string,
): Promise<SubscriptionReport> {
  const report = await inspectSubscriptions(instagram, callbackUrl);
  const ours = report.found.filter((s) => isOurs(s, callbackUrl));
  for (const extra of ours.slice(1)) {
    await instagram.subscriptions.remove({ id: extra.id }, APP_CALL);
    report.removed.push(extra.id);
  }
  if (report.kept === undefined) {
    report.kept = (await instagram.subscriptions.create({ callbackUrl, verifyToken, object: 'user' }, APP_CALL)).data;
    report.created = true;
  }
  return report;
}

/** Removes igcord's subscriptions (those at callbackUrl), or every subscription of the app with `all`. */
export async function deleteSubscriptions(
  instagram: InstagramClient,
  callbackUrl: string,
  all: boolean,
): Promise<SubscriptionReport> {
  const report = await inspectSubscriptions(instagram, callbackUrl);
  if (all) {
    if (report.found.length > 0) await instagram.subscriptions.remove({ object: 'all' }, APP_CALL);
    report.removed = report.found.map((s) => s.id);
    report.others = [];
  } else {
    for (const s of report.found.filter((f) => isOurs(f, callbackUrl))) {
      await instagram.subscriptions.remove({ id: s.id }, APP_CALL);
      report.removed.push(s.id);
    }
  }
  report.kept = undefined;
  return report;
}

/** One line per fact, for logs and the CLI. */
export function describeReport(report: SubscriptionReport): string[] {
  const line = (s: Subscription) => `#${s.id} ${s.object}/${s.aspect} → ${s.callback_url}`;
  return [
    `found ${report.found.length} subscription(s)${report.found.length > 0 ? ': ' + report.found.map(line).join('; ') : ''}`,
    report.kept
      ? `${report.created ? 'created' : "igcord's subscription:"} ${line(report.kept)}`
      : `none points at ${report.callbackUrl}`,
    ...(report.removed.length > 0 ? [`removed ${report.removed.map((id) => `#${id}`).join(', ')}`] : []),
    ...(report.others.length > 0 ? [`left alone (not igcord's callback): ${report.others.map(line).join('; ')}`] : []),
  ];
}
