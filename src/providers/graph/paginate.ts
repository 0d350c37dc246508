// Walking a Graph list to its end (reference §1.5): pages follow one another through each page's `next`. Two pages
// in a row that bring nothing new end the walk: a page may be empty and still have `next`, but a server that loops,
// or `recent_media`'s reportedly constant cursor, cannot hang us. The walk itself is shared with v1
// (../shared/paginate.ts).
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

const GRAPH_STALE: StaleRule = { pages: 2, emptyCounts: true };

/** Every item across pages, each id at most once, in the API's order. */
export const paginate = <T extends { id: string }>(
  source: PageSource<Page<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T> => paginateBy(GRAPH_STALE, source, options);

/** Collects `paginate` into an array (for tests and small lists). */
export const collect = <T extends { id: string }>(
  source: PageSource<Page<T>>,
  options: PaginateOptions = {},
): Promise<T[]> => collectBy(GRAPH_STALE, source, options);
