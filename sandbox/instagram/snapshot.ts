// An emulator's world as JSON, and back: the users, their media (with comments, likes and quirks), follows and
// follow requests, locations, the access tokens (by their SHA-256 only: tokens.ts), the client apps and the
// real-time subscriptions. A sandbox writes it to disk and starts the next emulator from it, so what a person did
// (linked, posted, followed) is still there. Left out on purpose: pending OAuth codes (they live ten minutes),
// rate-limit windows, faults, the request and notification logs. Its shape, checked when read, is in
// snapshot-schema.ts.
import type { EmulatorClientApp, EmulatorState, Subscription } from './state.js';
import type { StoredToken } from './tokens.js';
import { World, type MediaRecord } from './world.js';
import { SNAPSHOT_VERSION, type EmulatorSnapshot } from './snapshot-schema.js';

export { parseSnapshot, SnapshotError, SNAPSHOT_VERSION, type EmulatorSnapshot } from './snapshot-schema.js';

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
    media: w.media.map((m): MediaRecord => ({
      ...m,
      pk: BigInt(m.pk),
      tagId: BigInt(m.tagId),
      likes: new Map(m.likes),
      ...(m.quirks === undefined ? {} : { quirks: m.quirks }),
    })),
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
