// What /instagram me and /instagram quota say of a link's token and budget beyond v1's counts: until when a Graph
// token works and when igcord last renewed it, the percentage Graph last reported (the limiter's view, no call
// made), and how many of the 30 weekly hashtag slots are used and when one frees (storage's hashtag-slot store,
// noted by the Graph port at each search).
import { relativeTime } from '../../src/discord/reply-error.js';
import type { KeyQuota } from '../../src/limiter/index.js';
import type { Translate } from '../../src/i18n/i18n.js';
import type { Account, HashtagSlots } from '../../src/storage/index.js';

/** Until when the token works and when igcord last renewed it (codingbadger/instant-tokens.com#19 asks to see it). */
export function tokenLine(account: Account, t: Translate): string {
  if (account.provider !== 'instagram-graph') return '';
  if (account.tokenExpiresAt === undefined) return t('instagram.token.pageToken');
  const renewed =
    account.lastRefreshAt === undefined
      ? t('instagram.token.notRenewed')
      : t('instagram.token.renewed', { when: relativeTime(account.lastRefreshAt) });
  return t('instagram.token.validUntil', {
    date: `<t:${Math.floor(account.tokenExpiresAt / 1000)}:D>`,
    when: relativeTime(account.tokenExpiresAt),
    renewed,
  });
}

/** Graph's percentage, as the limiter last heard it; Graph sends it only once enough calls were made (reference §1.6). */
export function usageLine(usage: KeyQuota['usage'], t: Translate): string {
  if (usage === null) return t('instagram.token.noUsage');
  return t('instagram.token.usage', { percent: Math.round(usage.percent), when: relativeTime(usage.reportedAt) });
}

/** Whether the account's login can search hashtags at all, so its slots are worth reading from storage. */
export const hasHashtagSlots = (account: Account): boolean =>
  account.provider === 'instagram-graph' && account.login === 'facebook';

/** The 30 unique hashtags per account per rolling 7 days (reference §1.4): how many are used, when the next frees. */
export function hashtagSlots(
  account: Account,
  slots: HashtagSlots | undefined,
  t: Translate,
): { name: string; value: string; inline: boolean }[] {
  if (account.provider !== 'instagram-graph') return [];
  if (!hasHashtagSlots(account) || slots === undefined)
    return [{ name: t('instagram.token.slots'), value: t('instagram.token.slotsUnavailable'), inline: false }];
  const used = t('instagram.token.slotsUsed', { used: slots.used, limit: slots.limit });
  const value =
    slots.nextFreesAt === null
      ? `${used}.`
      : t('instagram.token.slotsNext', { used, when: relativeTime(slots.nextFreesAt) });
  return [{ name: t('instagram.token.slots'), value, inline: false }];
}
