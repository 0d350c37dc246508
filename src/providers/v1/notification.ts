// The body of an Instagram real-time notification (reference §6.4) as igcord checks it at the webhook: a JSON
// array of updates, tolerant where real payloads varied (subscription_id a number in real payloads and a string
// in the docs' examples; object_id a user id, tag name or location id; `data` absent, `{}` or with a media id;
// unknown fields ignored) and normalised so the rest of igcord sees one shape: ids are strings, time a number.
import { z } from 'zod';

const id = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => (typeof v === 'number' ? BigInt(v).toString() : v));

/** Unix seconds: a number in real payloads; a string of digits is accepted and converted. */
const unixSeconds = z
  .union([z.number().nonnegative().finite(), z.string().regex(/^\d{1,12}$/)])
  .transform((v) => Math.floor(Number(v)));

export const instagramUpdateSchema = z
  .looseObject({
    subscription_id: id,
    object: z.string().min(1),
    object_id: id,
    changed_aspect: z.string().min(1),
    time: unixSeconds,
    data: z.looseObject({ media_id: id.optional() }).nullish(),
  })
  .transform((u) => ({
    subscription_id: u.subscription_id,
    object: u.object,
    object_id: u.object_id,
    changed_aspect: u.changed_aspect,
    time: u.time,
    data: u.data?.media_id === undefined ? {} : { media_id: u.data.media_id },
  }));

/** One normalised update: which subscription fired, for which object (a user id for `object: "user"`), when. */
export interface InstagramUpdate {
  subscription_id: string;
  object: string;
  object_id: string;
  changed_aspect: string;
  /** Unix seconds. */
  time: number;
  /** For user subscriptions, the id of the new media; tag subscriptions carry none. */
  data: { media_id?: string };
}

/** A notification: one POST carries one or more updates, possibly from different subscriptions. */
export const instagramNotificationSchema = z
  .array(instagramUpdateSchema)
  .min(1, { error: 'a notification carries at least one update' });

// Keeps the hand-written interface and the schema's output from drifting apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<z.output<typeof instagramUpdateSchema>, InstagramUpdate> = true;
void _schemaMatchesType;
