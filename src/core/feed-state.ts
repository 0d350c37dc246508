// A feed's state as data: active, paused (by whom or what, since when, and for paused-by-the-owner's-link, which
// Instagram account must come back), or disabled (by what). Stored with the feed record; only feed-lifecycle.ts
// decides how it changes. No words: each reader's language renders it (src/discord/notice-text.ts). States stored
// before their causes were data keep their English words in `detail` or `reason`, shown as stored.
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

/**
 * Why a feed was disabled: posting cannot work until someone acts. The Discord ones name Discord's refusal (its
 * JSON error code kept in `detail`, https://discord.com/developers/docs/topics/opcodes-and-status-codes#json);
 * `webhook-token-unreadable` (`detail`: `unknown-key`, `damaged` or `missing`); `forum-digest`; `instagram-refused`
 * (`detail`: Instagram's own error, shown as Instagram wrote it); `not-on-provider` (`detail`: the capability the
 * configured Instagram API lacks, src/core/capabilities.ts); `username-moved` (`detail`: the username that now
 * names another account) and `username-unknown`, igcord's own refusals (SourceRefusal, instagram-errors.ts).
 */
export const DISABLE_CAUSES = [
  'missing-access',
  'missing-permissions',
  'channel-deleted',
  'webhook-deleted',
  'webhook-invalid',
  'forum-tag-required',
  'thread-locked',
  'thread-archived-locked',
  'webhook-token-unreadable',
  'forum-digest',
  'instagram-refused',
  'not-on-provider',
  'username-moved',
  'username-unknown',
] as const;
export type DisableCause = (typeof DISABLE_CAUSES)[number];

/** What stops a feed for good, as the engine learns it: the cause and its detail (never words). */
export interface FeedStop {
  by: DisableCause;
  detail?: string | undefined;
}

export const feedStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('active') }),
  z.object({
    kind: z.literal('paused'),
    by: z.enum(PAUSE_CAUSES),
    /** Epoch ms. */
    since: z.number().int().nonnegative(),
    /** For `person`: who (a Discord user id); for `scope`: the permission; in states stored before, words. */
    detail: z.string().max(500).optional(),
    /** For `owner-link-broken`: how (the token was refused or expired, or the stored one cannot be read). */
    loss: z.enum(['token', 'unreadable']).optional(),
    /** For `owner-unlinked` after a relink to another account: the Instagram username no longer linked. */
    account: z.string().max(100).optional(),
    /** For `permission`: the payer's name, and whether they left the server or lost Manage Server. */
    member: z.string().max(100).optional(),
    standing: z.enum(['left', 'no-manage-guild']).optional(),
    /** For the owner-* and scope pauses: the Instagram account whose link must work again for the feed to resume. */
    instagramUserId: z.string().max(64).optional(),
    /** For `hashtag-slots`: when a slot of the payer frees (epoch ms), and the feed may run again. */
    until: z.number().int().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('disabled'),
    /** Absent in states stored before causes were data: those kept their words in `reason`. */
    by: z.enum(DISABLE_CAUSES).optional(),
    detail: z.string().max(500).optional(),
    reason: z.string().max(500).optional(),
    since: z.number().int().nonnegative(),
  }),
]);
export type FeedState = z.output<typeof feedStateSchema>;
export type PausedState = Extract<FeedState, { kind: 'paused' }>;
export type DisabledState = Extract<FeedState, { kind: 'disabled' }>;
export type FeedStateKind = FeedState['kind'];

export const ACTIVE: FeedState = Object.freeze({ kind: 'active' });
