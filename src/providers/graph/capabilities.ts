// What each Graph login can serve, in core's capability vocabulary (src/core/capabilities.ts), narrowed by the
// scopes granted at link time. Neither login has likes, relationships, search, locations, or a push for new
// media (reference §0, §2): feeds poll. Both have feeds of the linked account's own posts and reels and of its
// stories, read by src/providers/graph/feed-reader.ts (docs/decisions/0023). Only Facebook Login has tag feeds and
// Hashtag Search, and other accounts and their feeds (Business Discovery, decision 0027). graphExtraCapabilities keeps the finer names the client was written with.
import type { Capability, CapabilitySet } from '../../core/index.js';
import type { GraphLogin } from './api-call.js';

/** Capabilities core does not list yet (proposed for src/core/capabilities.ts). */
export type GraphExtraCapability =
  'comments.hide' | 'mentions' | 'insights' | 'stories' | 'profile.other' | 'feed.account.other';

const COMMENT_SCOPES = new Set(['instagram_business_manage_comments', 'instagram_manage_comments']);
const INSIGHT_SCOPES = new Set(['instagram_business_manage_insights', 'instagram_manage_insights']);

/**
 * The core capabilities of a login. `scopes` are those granted at link time; when unknown (undefined), what the
 * login can serve at best.
 */
export function graphCapabilities(login: GraphLogin, scopes?: readonly string[]): CapabilitySet {
  const set = new Set<Capability>(['mentions', 'account-feeds', 'story-feeds']);
  if (scopes === undefined || scopes.some((s) => COMMENT_SCOPES.has(s))) {
    set.add('comments');
    set.add('comment-moderation');
  }
  if (scopes === undefined || scopes.some((s) => INSIGHT_SCOPES.has(s))) set.add('insights');
  if (login === 'facebook') {
    set.add('hashtag-search');
    set.add('tag-feeds');
    set.add('other-accounts');
  }
  return set;
}

export function graphExtraCapabilities(
  login: GraphLogin,
  scopes?: readonly string[],
): ReadonlySet<GraphExtraCapability> {
  const set = new Set<GraphExtraCapability>(['mentions', 'stories']);
  if (scopes === undefined || scopes.some((s) => COMMENT_SCOPES.has(s))) set.add('comments.hide');
  if (scopes === undefined || scopes.some((s) => INSIGHT_SCOPES.has(s))) set.add('insights');
  if (login === 'facebook') {
    set.add('profile.other');
    set.add('feed.account.other');
  }
  return set;
}
