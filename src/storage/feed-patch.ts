// What a change of a channel feed may carry (FeedStore.update) and how a webhook delivery is given before its token
// is encrypted: the zod shapes at storage's edge, apart from the feed record so both stay small.
import { z } from 'zod';
import { feedStateSchema } from '../core/feed-state.js';
import { feedPlaceSchema } from '../core/feed-poster.js';
import { feedTemplateSchema } from '../core/feed-template.js';
import { MAX_FILTER_RULES, filterRuleSchema } from '../core/feed-filters.js';
import { onChangeSchema } from '../core/post-changes.js';
import { digestScheduleSchema } from '../core/feed-digest.js';
import { epochMs, storedId } from './store-context.js';

export const deliveryInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('message') }),
  z.object({ mode: z.literal('webhook'), webhookId: storedId, webhookToken: z.string().min(1) }),
]);
export type FeedDeliveryInput = z.input<typeof deliveryInput>;

export const feedPatchSchema = z.object({
  channelId: storedId.optional(),
  /** null clears the mention. */
  mentionRoleId: storedId.nullable().optional(),
  /** Changes with the channel: a move into a forum or a thread says so. */
  place: feedPlaceSchema.optional(),
  delivery: deliveryInput.optional(),
  /** Decided by src/core/feed-lifecycle.ts. */
  state: feedStateSchema.optional(),
  lastDeliveryAt: epochMs.optional(),
  lastCheckAt: epochMs.optional(),
  /** The Instagram account that pays for (and reads) the feed: changed when its owner moves it to a new link. */
  ownerInstagramUserId: storedId.optional(),
  /** The feed's message template; null goes back to the built-in rendering. */
  template: feedTemplateSchema.nullable().optional(),
  /** The feed's whole new list of filter rules (an empty list removes them all). */
  filters: z.array(filterRuleSchema).max(MAX_FILTER_RULES).optional(),
  onChange: onChangeSchema.optional(),
  /** Digest mode; null goes back to one message per post. */
  digest: digestScheduleSchema.nullable().optional(),
});
export type FeedPatch = z.input<typeof feedPatchSchema>;
/** The patch fields stored as given (the rest are encrypted, cleared by null, or moved between indexes). */
export const COPIED = [
  'channelId',
  'state',
  'lastDeliveryAt',
  'lastCheckAt',
  'ownerInstagramUserId',
  'onChange',
] as const;
