// An emulator's world as JSON, and back: the users, their media (with comments, likes and quirks), follows and
// follow requests, locations, the access tokens (by their SHA-256 only: tokens.ts), the client apps and the
// real-time subscriptions. A sandbox writes it to disk and starts the next emulator from it, so what a person did
// (linked, posted, followed) is still there. Left out on purpose: pending OAuth codes (they live ten minutes),
// rate-limit windows, faults, the request and notification logs. Checked with zod when read: a snapshot is a file
// someone may have edited or truncated.
import { z } from 'zod';
import type { EmulatorClientApp, EmulatorState, Subscription } from './state.js';
import type { StoredToken } from './tokens.js';
import { World, type MediaRecord } from './world.js';

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
    locations: z.array(z.object({ id, name: z.string(), latitude: z.number(), longitude: z.number(), facebookPlacesId: z.string() })),
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
  tokens: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), userId: id, clientId: id, scopes: z.array(z.string()) })),
  clients: z.array(
    z.object({
      clientId: id,
      clientSecret: id,
      redirectUris: z.array(z.string()),
      signedRequests: z.boolean().optional(),
      disableImplicit: z.boolean().optional(),
    }),
  ),
  subscriptions: z.array(z.object({ id, clientId: id, object: z.literal('user'), aspect: z.literal('media'), callbackUrl: z.string() })),
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

export function takeSnapshot(state: EmulatorState): EmulatorSnapshot {
  const world = state.world.contents();
  return {
    version: SNAPSHOT_VERSION,
    world: {
      users: world.users.map((u) => ({ ...u })),
      locations: world.locations.map((l) => ({ ...l })),
      media: world.media.map((m) => ({
        ...m,
        pk: String(m.pk),
        tagId: String(m.tagId),
        likes: [...m.likes],
        caption: m.caption ? { ...m.caption } : null,
        comments: m.comments.map((c) => ({ ...c })),
        usersInPhoto: m.usersInPhoto.map((p) => ({ ...p })),
        carouselItems: [...m.carouselItems],
        tags: [...m.tags],
        ...(m.quirks === undefined ? {} : { quirks: structuredClone(m.quirks) }),
      })),
      follows: world.follows,
      requests: world.requests,
      sequence: world.sequence,
      mediaSequence: world.mediaSequence,
      commentCounter: String(world.commentCounter),
    },
    tokens: state.tokens.stored(),
    clients: [...state.clients.values()].map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    subscriptions: state.subscriptions.map((s) => ({ ...s })),
    subscriptionsCreated: state.subscriptionsCreated,
  };
}

/**
 * Puts a snapshot's world into a freshly created state. The clients given as options at start win over the
 * snapshot's for the same client id (their redirect URIs are where the caller listens now).
 */
export function restoreSnapshot(state: EmulatorState, snapshot: EmulatorSnapshot): void {
  const w = snapshot.world;
  state.world = World.from({
    users: w.users,
    locations: w.locations,
    media: w.media.map(
      (m): MediaRecord => ({
        ...m,
        pk: BigInt(m.pk),
        tagId: BigInt(m.tagId),
        likes: new Map(m.likes),
        ...(m.quirks === undefined ? {} : { quirks: m.quirks }),
      }),
    ),
    follows: w.follows,
    requests: w.requests,
    sequence: w.sequence,
    mediaSequence: w.mediaSequence,
    commentCounter: BigInt(w.commentCounter),
  });
  state.tokens.restore(snapshot.tokens satisfies StoredToken[]);
  for (const client of snapshot.clients) {
    if (!state.clients.has(client.clientId)) state.clients.set(client.clientId, stripUndefined(client));
  }
  state.subscriptions = snapshot.subscriptions.map((s): Subscription => ({ ...s }));
  state.subscriptionsCreated = snapshot.subscriptionsCreated;
}

function stripUndefined(client: EmulatorSnapshot['clients'][number]): EmulatorClientApp {
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUris: [...client.redirectUris],
    ...(client.signedRequests === undefined ? {} : { signedRequests: client.signedRequests }),
    ...(client.disableImplicit === undefined ? {} : { disableImplicit: client.disableImplicit }),
  };
}
