// What a Graph webhook delivery says (reference §1.7): `{object: "instagram", entry: [{id, time, changes:
// [{field, value}]}]}`, an entry naming the professional account and batching up to 1000 changes. Meta's own
// Instagram Login example puts `field`/`value` inline in the entry instead of under `changes`; both are read.
// Of the fields, `comments` and `mentions` are turned into events (a comment: its id under `id` on Instagram
// Login, `comment_id` on Facebook Login; a mention: `media_id`, and `comment_id` when it is in a comment); other
// fields (`live_comments`, `story_insights`, messaging) are counted and left. Each event gets a dedupe id: a
// digest of the account, the field and the ids the change names (the comment; a mention's media and comment), so
// Meta's redelivery has the same id whatever its batch or `time`, and so has the same comment delivered to both
// apps (Instagram Login's and Facebook Login's shapes differ).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { validate } from '../../util/validate.js';

const graphId = z.string().regex(/^\d{1,30}$/, { error: 'expected a numeric Graph id' });
const change = z.object({ field: z.string().min(1).max(100), value: z.unknown() });
const entry = z
  .object({
    id: graphId,
    time: z.number().int().nonnegative(),
    changes: z.array(change).max(1000).optional(),
    field: z.string().min(1).max(100).optional(),
    value: z.unknown().optional(),
  })
  .refine((e) => e.changes !== undefined || e.field !== undefined, { error: 'an entry needs changes or a field' });

export const graphWebhookEnvelopeSchema = z.object({
  object: z.literal('instagram', { error: 'expected object "instagram"' }),
  entry: z.array(entry).max(1000),
});
export type GraphWebhookEnvelope = z.output<typeof graphWebhookEnvelopeSchema>;

const commentValue = z
  .object({
    id: graphId.optional(),
    comment_id: graphId.optional(),
    text: z.string().max(10_000).optional(),
    media: z.object({ id: graphId }).loose().optional(),
  })
  .loose()
  .refine((v) => v.id !== undefined || v.comment_id !== undefined, { error: 'a comment needs its id' });
const mentionValue = z.object({ media_id: graphId, comment_id: graphId.optional() }).loose();

/** One `comments` or `mentions` change, as igcord records it. */
export interface GraphWebhookEvent {
  id: string;
  accountId: string;
  field: 'comments' | 'mentions';
  commentId?: string | undefined;
  mediaId?: string | undefined;
  text?: string | undefined;
  /** Epoch ms. */
  time: number;
}

export interface ReadEnvelope {
  events: GraphWebhookEvent[];
  /** Changes of fields igcord does not record. */
  ignored: number;
}

/** The events of an envelope; throws ValidationError when a comments or mentions value lacks its ids. */
export function graphWebhookEvents(envelope: GraphWebhookEnvelope): ReadEnvelope {
  const events: GraphWebhookEvent[] = [];
  let ignored = 0;
  for (const e of envelope.entry) {
    const changes = e.changes ?? [{ field: e.field!, value: e.value }];
    // Meta documents seconds; a value this large is already milliseconds.
    const time = e.time > 1e12 ? e.time : e.time * 1000;
    for (const c of changes) {
      if (c.field === 'comments') {
        const v = validate(commentValue, c.value, 'a comments change');
        const commentId = v.comment_id ?? v.id;
        events.push({
          id: dedupeId(e.id, 'comments', commentId),
          accountId: e.id,
          field: 'comments',
          commentId,
          mediaId: v.media?.id,
          text: v.text,
          time,
        });
      } else if (c.field === 'mentions') {
        const v = validate(mentionValue, c.value, 'a mentions change');
        const id = dedupeId(e.id, 'mentions', v.media_id, v.comment_id);
        events.push({ id, accountId: e.id, field: 'mentions', commentId: v.comment_id, mediaId: v.media_id, time });
      } else {
        ignored += 1;
      }
    }
  }
  return { events, ignored };
}

/** One id per change however it is delivered: the same comment sent by both apps, in either shape, is one event. */
function dedupeId(accountId: string, field: string, ...ids: (string | undefined)[]): string {
  return createHash('sha256')
    .update([accountId, field, ...ids.map((id) => id ?? '')].join('\n'))
    .digest('hex')
    .slice(0, 40);
}
