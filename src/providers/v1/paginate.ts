// Walking a v1 paginated endpoint to its end (reference §1.3): each page's `next` follows `next_url`, re-signed
// when signing is on, or the endpoint's own cursor. One page with items and nothing new ends the walk; an empty page
// does not. The walk itself is shared with the Graph provider (../shared/paginate.ts).
import {
  collectBy,
  iteratePages,
  paginateBy,
  type PageSource,
  type PaginateOptions,
  type StaleRule,
} from '../shared/paginate.js';
import type { Page } from './api-call.js';

export { iteratePages, type PaginateOptions };

const V1_STALE: StaleRule = { pages: 1, emptyCounts: false };

/** Every item across pages, each id at most once, in the API's order. */
export const paginate = <T extends { id: string }>(
  source: PageSource<Page<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T> => paginateBy(V1_STALE, source, options);

/** Collects `paginate` into an array (for tests and small lists). */
export const collect = <T extends { id: string }>(
  source: PageSource<Page<T>>,
  options: PaginateOptions = {},
): Promise<T[]> => collectBy(V1_STALE, source, options);
