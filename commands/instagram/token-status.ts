// What /instagram me and /instagram quota say of a link's token and budget beyond v1's counts: until when a Graph
// token works and when igcord last renewed it, the percentage Graph last reported (the limiter's view, no call
// made), and how many of the 30 weekly hashtag slots are used and when one frees (storage's hashtag-slot store,
// noted by the Graph port at each search).
import { relativeTime } from '../../src/discord/reply-error.js';
import type { KeyQuota } from '../../src/limiter/index.js';
import type { Account, HashtagSlots } from '../../src/storage/index.js';

/** Until when the token works and when igcord last renewed it (codingbadger/instant-tokens.com#19 asks to see it). */
export function tokenLine(account: Account): string {
  if (account.provider !== 'instagram-graph') return '';
  if (account.tokenExpiresAt === undefined) return 'Token: a Facebook Page token, which does not expire.';
  const renewed =
    account.lastRefreshAt === undefined
      ? 'not renewed yet (igcord renews it about weekly)'
      : `last renewed ${relativeTime(account.lastRefreshAt)}`;
  return `Token valid until <t:${Math.floor(account.tokenExpiresAt / 1000)}:D> (${relativeTime(account.tokenExpiresAt)}) · ${renewed}`;
}

/** Graph's percentage, as the limiter last heard it; Graph sends it only once enough calls were made (reference §1.6). */
export function usageLine(usage: KeyQuota['usage']): string {
  if (usage === null)
    return 'No usage reported by Instagram yet for this account (Instagram reports it once enough calls were made).';
  return `Instagram last reported **${Math.round(usage.percent)} %** of this account's usage (the highest of calls, CPU and time) ${relativeTime(usage.reportedAt)}.`;
}

/** Whether the account's login can search hashtags at all, so its slots are worth reading from storage. */
export const hasHashtagSlots = (account: Account): boolean =>
  account.provider === 'instagram-graph' && account.login === 'facebook';

/** The 30 unique hashtags per account per rolling 7 days (reference §1.4): how many are used, when the next frees. */
export function hashtagSlots(
  account: Account,
  slots: HashtagSlots | undefined,
): { name: string; value: string; inline: boolean }[] {
  if (account.provider !== 'instagram-graph') return [];
  if (!hasHashtagSlots(account) || slots === undefined)
    return [{ name: 'Hashtag slots', value: 'Not available with Instagram Login (no hashtag search).', inline: false }];
  const used = `**${slots.used}** of **${slots.limit}** used (unique hashtags per rolling 7 days)`;
  const value = slots.nextFreesAt === null ? `${used}.` : `${used}; the next frees ${relativeTime(slots.nextFreesAt)}.`;
  return [{ name: 'Hashtag slots', value, inline: false }];
}
