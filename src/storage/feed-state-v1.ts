// Reads a version-1 feed record's state — a word (active, paused, disabled) and a free-text reason — into the
// structured state of version 2. The reason texts igcord wrote are recognised here, and only here: they are how
// version 1 told an owner pause from an admin's, which version 2 keeps as data.

/** The reasons version 1 wrote for the engine's owner pauses (src/feeds/owner-pause.ts, src/accounts/link.ts). */
const V1_TOKEN =
  "Paused: the owner's Instagram link stopped working (token revoked or expired). The owner runs /instagram link again and the feed resumes by itself.";
const V1_UNREADABLE =
  "Paused: the owner's stored Instagram token cannot be read. The owner runs /instagram link again and the feed resumes by itself.";
const V1_ENGINE_UNLINKED =
  'Paused: the owner unlinked Instagram. The feed resumes by itself when the owner links Instagram again.';
const V1_UNLINKED =
  'Paused because its owner unlinked their Instagram account; it resumes when they link that account again.';
/** An admin's pause: `paused by <@id> <t:…:R>`. */
const V1_PERSON = /^paused by <@(\d+)>/;

export function migrateFeedStateV1(old: Record<string, unknown>): Record<string, unknown> {
  const { stateReason, state, ...rest } = old;
  const reason = typeof stateReason === 'string' ? stateReason : undefined;
  // Version 1 kept no time of the change: the last check (or the feed's creation) is the best known bound.
  const since =
    typeof old.lastCheckAt === 'number' ? old.lastCheckAt : typeof old.createdAt === 'number' ? old.createdAt : 0;
  const owner = typeof old.ownerInstagramUserId === 'string' ? { instagramUserId: old.ownerInstagramUserId } : {};
  let next: unknown;
  if (state === 'active') next = { kind: 'active' };
  else if (state === 'disabled') next = { kind: 'disabled', reason: reason ?? 'disabled', since };
  else if (state === 'paused') {
    if (reason === V1_TOKEN)
      next = { kind: 'paused', by: 'owner-link-broken', since, detail: 'token revoked or expired', ...owner };
    else if (reason === V1_UNREADABLE)
      next = { kind: 'paused', by: 'owner-link-broken', since, detail: 'the stored token cannot be read', ...owner };
    else if (reason === V1_ENGINE_UNLINKED || reason === V1_UNLINKED)
      next = { kind: 'paused', by: 'owner-unlinked', since, ...owner };
    else {
      // An admin's pause, or a reason this code does not know: either way it waits for a person to resume it.
      const who = reason === undefined ? undefined : V1_PERSON.exec(reason)?.[1];
      next = { kind: 'paused', by: 'person', since, ...(who !== undefined ? { detail: who } : {}) };
    }
  } else next = state;
  return { ...rest, version: 2, state: next };
}
