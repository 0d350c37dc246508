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
  /** Follow the linked account's stories, each once while it lives (feed source `stories`). */
  'story-feeds',
  /** Push notifications of new posts (webhooks), besides polling. */
  'notifications',
  /** Search people, places, and posts near a point. */
  'search',
  /** Read a place and the posts at it. */
  'locations',
  /** Read a tag by name: its post count, its recent posts, tags like it. */
  'tags',
  /** Hide and unhide comments on the owner's posts, reply to them. */
  'comment-moderation',
  /** Posts of others in which the owner is tagged or mentioned. */
  'mentions',
  /** Figures about the owner's account and posts (reach, views, interactions). */
  'insights',
  /** Another professional account's profile and posts by username (Business Discovery). */
  'other-accounts',
  /** A hashtag's id and its posts of the last 24 hours (Hashtag Search, a limited number of tags a week). */
  'hashtag-search',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type CapabilitySet = ReadonlySet<Capability>;

/**
 * The capability a feed of this source kind needs. A comments feed is a moderation channel: it needs what its
 * buttons do (hide, reply); a mentions feed needs the mentions list it reads.
 */
export function feedCapability(kind: 'account' | 'tag' | 'location' | 'stories' | 'comments' | 'mentions'): Capability {
  if (kind === 'stories') return 'story-feeds';
  if (kind === 'comments') return 'comment-moderation';
  if (kind === 'mentions') return 'mentions';
  return kind === 'account' ? 'account-feeds' : kind === 'tag' ? 'tag-feeds' : 'location-feeds';
}
