// Scratch: the other half of a type-only cycle (reverted in the next commit).
import type { FeedState } from './feed-state.js';

export interface FeedPause {
  by: string;
  since: number;
  before: FeedState;
}
