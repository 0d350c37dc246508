// What the Platform API v1 serves (reference §2): everything igcord does today. A later provider exports a
// smaller set, and the commands and feeds that read a set refuse what it lacks up front.
import type { CapabilitySet } from '../../core/index.js';

export const V1_CAPABILITIES: CapabilitySet = new Set([
  'likes',
  'relationships',
  'comments',
  'tag-feeds',
  'location-feeds',
  'account-feeds',
  'notifications',
  'search',
  'locations',
  'tags',
] as const);

/** The permissions a v1 link can ask for (reference §4.2); `basic` alone reads only the token owner's own data. */
export const V1_SCOPES: readonly string[] = [
  'basic',
  'public_content',
  'follower_list',
  'comments',
  'relationships',
  'likes',
];
