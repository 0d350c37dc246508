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
] as const);
