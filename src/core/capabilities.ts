// What a provider can serve. Commands and feeds read this set instead of assuming the Platform API v1 can do
// everything it once did: a provider without tag feeds refuses `/feed add-tag` up front, one without likes hides
// like counts. Each provider exports its own set (src/providers/v1/capabilities.ts).
export const CAPABILITIES = [
  /** Like and unlike posts, list who liked a post, list what the reader liked. */
  'likes',
  /** Follow, unfollow, list follows and followers. */
  'relationships',
  /** Read and write comments. */
  'comments',
  /** Follow a tag's new posts (feed source `tag`). */
  'tag-feeds',
  /** Follow a location's new posts (feed source `location`). */
  'location-feeds',
  /** Follow an account's new posts (feed source `account`). */
  'account-feeds',
  /** Push notifications of new posts (webhooks), besides polling. */
  'notifications',
  /** Search people, places, and posts near a point. */
  'search',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type CapabilitySet = ReadonlySet<Capability>;

/** The capability a feed of this source kind needs. */
export function feedCapability(kind: 'account' | 'tag' | 'location'): Capability {
  return kind === 'account' ? 'account-feeds' : kind === 'tag' ? 'tag-feeds' : 'location-feeds';
}
