// The Graph webhook's event store (docs/decisions/0024): each `comments` / `mentions` event Meta sends is
// recorded durably before the webhook answers 200, once however often it is delivered (Meta redelivers "over the
// next 36 hours. Your server should handle deduplication", reference §1.7), and kept pending until the feed that
// consumes it acknowledges it. One record per event, keyed by its dedupe id: inserted with a compare-and-swap
// against nothing, so of two deliveries (or two processes) exactly one records it. An acknowledged event stays as
// a small tombstone for WEBHOOK_DEDUPE_MS, so a late redelivery is still known; a pending one for
// WEBHOOK_PENDING_MS. A per-(account, field) index lists the pending ids; it is written before the records, so a
// crash between the two leaves an id whose record is missing (skipped when read), never a record nobody lists.
// Comment text and ids are public content, not secrets.
import { z } from 'zod';
import { epochMs, storedId, type StoreContext } from './store-context.js';
import type { RecordType } from './record-reader.js';

/** How long an event stays known after it was acknowledged: past Meta's 36 h of redelivery, with an hour's margin. */
export const WEBHOOK_DEDUPE_MS = 37 * 3_600_000;
/** How long an event nobody acknowledged is kept (until the comments and mentions feeds consume it). */
export const WEBHOOK_PENDING_MS = 7 * 24 * 3_600_000;

export const WEBHOOK_EVENT_FIELDS = ['comments', 'mentions'] as const;
export type WebhookEventField = (typeof WEBHOOK_EVENT_FIELDS)[number];

/** One event as the webhook read it. `id` is its dedupe key: the same change delivered again has the same id. */
export interface WebhookEventInput {
  id: string;
  /** The Instagram professional account the event is for (the entry's id). */
  accountId: string;
  field: WebhookEventField;
  commentId?: string | undefined;
  mediaId?: string | undefined;
  text?: string | undefined;
  /** When Meta says it happened (epoch ms). */
  time: number;
}

export interface WebhookEvent extends WebhookEventInput {
  /** When igcord recorded it (epoch ms). */
  receivedAt: number;
}

export interface WebhookEventStore {
  /**
   * Records the events not recorded before (pending or acknowledged within WEBHOOK_DEDUPE_MS) and resolves with
   * those, once stored. With `signal` aborted, nothing more is written and the promise rejects.
   */
  record(events: readonly WebhookEventInput[], options?: { signal?: AbortSignal | undefined }): Promise<WebhookEvent[]>;
  /** The account's pending events of one field, oldest first. */
  listPending(accountId: string, field: WebhookEventField): Promise<WebhookEvent[]>;
  /** Marks events consumed: no longer pending, still known (a redelivery records nothing) for WEBHOOK_DEDUPE_MS. */
  acknowledge(ids: readonly string[]): Promise<void>;
}

const eventRecord = z.object({
  version: z.literal(1),
  state: z.enum(['pending', 'acknowledged']),
  event: z.object({
    id: storedId,
    accountId: storedId,
    field: z.enum(WEBHOOK_EVENT_FIELDS),
    commentId: storedId.optional(),
    mediaId: storedId.optional(),
    text: z.string().max(10_000).optional(),
    time: epochMs,
    receivedAt: epochMs,
  }),
});
type EventRecord = z.output<typeof eventRecord>;
const eventType: RecordType<typeof eventRecord> = { name: 'webhook event', currentVersion: 1, schema: eventRecord };

const eventKey = (id: string) => `webhook-event:${storedId.parse(id)}`;
const pendingKey = (accountId: string, field: WebhookEventField) =>
  `webhook-pending:${storedId.parse(accountId)}:${field}`;

/** The event without its absent optional fields, so what is stored round-trips exactly. */
function stored(input: WebhookEventInput, receivedAt: number): WebhookEvent {
  return {
    id: input.id,
    accountId: input.accountId,
    field: input.field,
    ...(input.commentId !== undefined ? { commentId: input.commentId } : {}),
    ...(input.mediaId !== undefined ? { mediaId: input.mediaId } : {}),
    ...(input.text !== undefined ? { text: input.text } : {}),
    time: input.time,
    receivedAt,
  };
}

export function createWebhookEventStore(ctx: StoreContext): WebhookEventStore {
  const { backend, reader, indexes, now } = ctx;
  const read = (id: string, raw: unknown): EventRecord | undefined => reader.read(eventType, eventKey(id), raw);

  return {
    async record(events, { signal } = {}) {
      // One delivery may name an event twice; the first stands.
      const unique = [...new Map(events.map((e) => [e.id, e])).values()];
      if (unique.length === 0) return [];
      const known = await backend.getMany(unique.map((e) => eventKey(e.id)));
      const fresh = unique.filter((_, i) => known[i] === undefined);
      signal?.throwIfAborted();
      if (fresh.length === 0) return [];
      // The index first: an id listed whose record is missing is skipped when read; the reverse would hide it.
      const groups = new Map<string, string[]>();
      for (const e of fresh) {
        const k = pendingKey(e.accountId, e.field);
        groups.set(k, [...(groups.get(k) ?? []), e.id]);
      }
      for (const [k, ids] of groups) {
        signal?.throwIfAborted();
        await indexes.add(k, ids);
      }
      signal?.throwIfAborted();
      const at = now();
      const written = await Promise.all(
        fresh.map(async (e) => {
          const event = stored(e, at);
          const record: EventRecord = { version: 1, state: 'pending', event };
          // Against what is stored now (nothing, or an expired value still on disk): one writer wins.
          const { value, stamp } = await backend.getVersioned(eventKey(e.id));
          const inserted =
            value === undefined &&
            (await backend.compareAndSwap(eventKey(e.id), stamp, record, { ttlMs: WEBHOOK_PENDING_MS }));
          return inserted ? event : undefined;
        }),
      );
      return written.filter((e): e is WebhookEvent => e !== undefined);
    },

    async listPending(accountId, field) {
      const ids = await indexes.members(pendingKey(accountId, field));
      if (ids.length === 0) return [];
      const raws = await backend.getMany(ids.map(eventKey));
      return ids
        .map((id, i) => read(id, raws[i]))
        .filter((r): r is EventRecord => r !== undefined && r.state === 'pending')
        .map((r) => r.event)
        .sort((a, b) => a.time - b.time || a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async acknowledge(ids) {
      const groups = new Map<string, string[]>();
      for (const id of new Set(ids)) {
        // The tombstone first: an acknowledged id still listed is filtered out when read.
        const record = await backend.update(
          eventKey(id),
          (raw) => {
            const current = read(id, raw);
            return current === undefined ? raw : { ...current, state: 'acknowledged' };
          },
          { ttlMs: WEBHOOK_DEDUPE_MS },
        );
        const event = read(id, record)?.event;
        if (event === undefined) continue;
        const k = pendingKey(event.accountId, event.field);
        groups.set(k, [...(groups.get(k) ?? []), id]);
      }
      for (const [k, members] of groups) await indexes.remove(k, members);
    },
  };
}
