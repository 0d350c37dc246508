// What /instagram me and /instagram quota say of a link's token and budget beyond v1's counts: until when a Graph
// token works and when igcord last renewed it, the percentage Graph last reported (the limiter's view, no call
// made), and what is known of hashtag slots.
import { relativeTime } from '../../src/discord/reply-error.js';
import type { KeyQuota } from '../../src/limiter/index.js';
import type { Account } from '../../src/storage/index.js';

/** Until when the token works and when igcord last renewed it (codingbadger/instant-tokens.com#19 asks to see it). */
export function tokenLine(account: Account): string {
  if (account.provider !== 'instagram-graph') return '';
  if (account.tokenExpiresAt === undefined) return 'Token: a Facebook Page token, which does not expire.';
  const renewed = account.lastRefreshAt === undefined ? 'not renewed yet (igcord renews it about weekly)' : `last renewed ${relativeTime(account.lastRefreshAt)}`;
  return `Token valid until <t:${Math.floor(account.tokenExpiresAt / 1000)}:D> (${relativeTime(account.tokenExpiresAt)}) · ${renewed}`;
}

/** Graph's percentage, as the limiter last heard it; Graph sends it only once enough calls were made (reference §1.6). */
export function usageLine(usage: KeyQuota['usage']): string {
  if (usage === null) return 'No usage reported by Instagram yet for this account (Instagram reports it once enough calls were made).';
  return `Instagram last reported **${Math.round(usage.percent)} %** of this account's usage (the highest of calls, CPU and time) ${relativeTime(usage.reportedAt)}.`;
}

/** What igcord can say of the 30 unique hashtags per account per 7 days (reference §1.4). */
export function hashtagSlots(account: Account): { name: string; value: string; inline: boolean }[] {
  if (account.provider !== 'instagram-graph') return [];
  const value =
    account.login === 'facebook'
      ? '30 unique hashtags per 7 days. Slots used are not tracked by igcord yet, so it cannot say when one frees.'
      : 'Not available with Instagram Login (no hashtag search).';
  return [{ name: 'Hashtag slots', value, inline: false }];
}
