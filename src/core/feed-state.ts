// A feed's state as data: active, paused (by whom or what, since when, and for paused-by-the-owner's-link, which
// Instagram account must come back), or disabled with the reason shown to admins. Stored with the feed record;
// only feed-lifecycle.ts decides how it changes.
import { z } from 'zod';

/**
 * Who or what paused a feed. The owner-* pauses and `budget` are igcord's own and lift by themselves; `permission`
 * (the payer left the server or lost Manage Server) and `no-payer` (the payer stopped paying) wait for a person.
 * `scope`: the owner's token lacks the Instagram permission the source needs (named in `detail`); it lifts when the
 * owner links the same account again with that permission. `hashtag-slots`: the payer's account has used its 30
 * weekly hashtags and Graph refuses the feed's tag as a 31st (reference §1.4); it lifts by itself at `until`, when
 * a slot frees.
 */
export const PAUSE_CAUSES = [
  'person',
  'owner-unlinked',
  'owner-link-broken',
  'budget',
  'permission',
  'no-payer',
  'scope',
  'hashtag-slots',
] as const;
export type PauseCause = (typeof PAUSE_CAUSES)[number];

export const feedStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('active') }),
  z.object({
    kind: z.literal('paused'),
    by: z.enum(PAUSE_CAUSES),
    /** Epoch ms. */
    since: z.number().int().nonnegative(),
    /** For `person`: who (a Discord user id); otherwise what happened, in words. */
    detail: z.string().max(500).optional(),
    /** For the owner-* and scope pauses: the Instagram account whose link must work again for the feed to resume. */
    instagramUserId: z.string().max(64).optional(),
    /** For `hashtag-slots`: when a slot of the payer frees (epoch ms), and the feed may run again. */
    until: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('disabled'), reason: z.string().max(500), since: z.number().int().nonnegative() }),
]);
export type FeedState = z.output<typeof feedStateSchema>;
export type PausedState = Extract<FeedState, { kind: 'paused' }>;
export type FeedStateKind = FeedState['kind'];

export const ACTIVE: FeedState = Object.freeze({ kind: 'active' });
