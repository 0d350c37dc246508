// The shape of an Instagram emulator snapshot (snapshot.ts writes and restores it): checked with zod when read,
// since a snapshot is a file someone may have edited or truncated. Apart from snapshot.ts so that the emulator's
// state (state.ts), which takes a snapshot to start from, and snapshot.ts, which reads that state, do not import
// each other.
import { z } from 'zod';

export const SNAPSHOT_VERSION = 1;

const id = z.string().min(1);
const comment = z.object({ id, fromId: id, text: z.string(), createdMs: z.number() });
const bigintText = z.string().regex(/^\d{1,40}$/);

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  world: z.object({
    users: z.array(
      z.object({
        id,
        username: id,
        fullName: z.string(),
        profilePicture: z.string(),
        bio: z.string(),
        website: z.string(),
        isPrivate: z.boolean(),
        isBusiness: z.boolean(),
      }),
    ),
    locations: z.array(
      z.object({ id, name: z.string(), latitude: z.number(), longitude: z.number(), facebookPlacesId: z.string() }),
    ),
    media: z.array(
      z.object({
        pk: bigintText,
        id,
        shortcode: id,
        ownerId: id,
        type: z.enum(['image', 'video', 'carousel']),
        createdMs: z.number(),
        filter: z.string(),
        caption: comment.nullable(),
        tags: z.array(z.string()),
        tagId: bigintText,
        locationId: z.string().nullable(),
        usersInPhoto: z.array(z.object({ username: z.string(), x: z.number(), y: z.number() })),
        carouselItems: z.array(z.enum(['image', 'video'])),
        likes: z.array(z.tuple([id, z.number()])),
        comments: z.array(comment),
        quirks: z.record(z.string(), z.json()).optional(),
      }),
    ),
    follows: z.array(z.tuple([id, id, z.number()])),
    requests: z.array(z.tuple([id, id, z.number()])),
    sequence: z.number().int(),
    mediaSequence: z.number().int(),
    commentCounter: bigintText,
  }),
  tokens: z.array(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), userId: id, clientId: id, scopes: z.array(z.string()) }),
  ),
  clients: z.array(
    z.object({
      clientId: id,
      clientSecret: id,
      redirectUris: z.array(z.string()),
      signedRequests: z.boolean().optional(),
      disableImplicit: z.boolean().optional(),
    }),
  ),
  subscriptions: z.array(
    z.object({ id, clientId: id, object: z.literal('user'), aspect: z.literal('media'), callbackUrl: z.string() }),
  ),
  subscriptionsCreated: z.number().int().nonnegative(),
});

/** What `snapshot()` returns and `startInstagramEmulator({ restore })` takes: plain JSON. */
export type EmulatorSnapshot = z.infer<typeof snapshotSchema>;

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Reads a snapshot (parsed JSON of unknown origin); a wrong shape throws SnapshotError naming what is wrong. */
export function parseSnapshot(value: unknown): EmulatorSnapshot {
  const result = snapshotSchema.safeParse(value);
  if (!result.success) throw new SnapshotError(`not an Instagram emulator snapshot: ${z.prettifyError(result.error)}`);
  return result.data;
}
