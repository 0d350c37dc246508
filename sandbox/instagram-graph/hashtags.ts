// Hashtag Search (reference §1.4, §4.5 item 9): hashtag ids are static and global (`#bluebottle` is always
// 17843857450040591, the reference's example; others are derived from the name), and each account may query
// at most 30 unique hashtags in a rolling 7 days. A tag counts from its first query; querying it again inside
// the week neither counts again nor restarts its week. The refusal of the 31st is the emulator's own wording
// and code (the real ones are unverified, reference §6 question 7): code 24, subcode 2207024, with the date
// the oldest slot frees.
import { GraphError } from './graph-error.js';
import { hash32 } from './ids.js';

export const HASHTAG_WINDOW_MS = 7 * 24 * 3_600_000;
export const HASHTAG_LIMIT = 30;

const KNOWN: Record<string, string> = { bluebottle: '17843857450040591' };

export function normalizeHashtag(q: string): string {
  return q.replace(/^#/, '').toLowerCase();
}

export function hashtagId(name: string): string {
  return KNOWN[name] ?? String(17_843_000_000_000_000n + BigInt(hash32(`hashtag:${name}`)) * 101n);
}

export class HashtagBudget {
  /** accountId → (tag name → first query time in the current week). */
  private readonly searched = new Map<string, Map<string, number>>();
  /** Ids handed out, so `/{hashtag-id}` knows its name. */
  readonly names = new Map<string, string>();

  constructor(private readonly limit = HASHTAG_LIMIT) {}

  private live(accountId: string, now: number): Map<string, number> {
    const tags = this.searched.get(accountId) ?? new Map<string, number>();
    for (const [tag, first] of tags) if (first <= now - HASHTAG_WINDOW_MS) tags.delete(tag);
    this.searched.set(accountId, tags);
    return tags;
  }

  /** Records a query of `name` by the account; throws when it would be the 31st unique tag of the week. */
  search(accountId: string, name: string, now: number): string {
    const tags = this.live(accountId, now);
    if (!tags.has(name)) {
      if (tags.size >= this.limit) {
        const oldest = Math.min(...tags.values());
        const frees = new Date(oldest + HASHTAG_WINDOW_MS).toISOString();
        throw new GraphError(
          24,
          `(#24) This account has reached the limit of ${this.limit} unique hashtags queried in 7 days. The oldest slot frees on ${frees}.`,
          { subcode: 2207024, userTitle: 'Hashtag limit reached', userMsg: `Try again after ${frees}.` },
        );
      }
      tags.set(name, now);
    }
    const id = hashtagId(name);
    this.names.set(id, name);
    return id;
  }

  /** The tags queried this week, most recent first: `/{ig-user-id}/recently_searched_hashtags`. */
  recent(accountId: string, now: number): { id: string; name: string; firstQueriedAt: number }[] {
    return [...this.live(accountId, now)]
      .sort((a, b) => b[1] - a[1])
      .map(([name, firstQueriedAt]) => ({ id: hashtagId(name), name, firstQueriedAt }));
  }
}
