// Cursor pagination (reference §1.5): `{data, paging:{cursors:{before,after}, next, previous}}`, `next` left out
// on the last page, `limit` a maximum capped per edge, opaque cursors that name an item — so a cursor whose item
// was deleted is refused ("Don't store cursors", [M-PAG]).
import type { Json, JsonObject } from './context.js';
import { GraphError } from './graph-error.js';
import { decodeCursor, encodeCursor } from './ids.js';

export interface PageSpec {
  limit?: string | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

export interface PageResult<T> {
  items: T[];
  before?: string;
  after?: string;
  hasNext: boolean;
  hasPrevious: boolean;
}

const invalidCursor = (which: string) => new GraphError(100, `(#100) The ${which} cursor is not valid for this edge`);

export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  spec: PageSpec,
  maxLimit = 100,
  defaultLimit = 25,
): PageResult<T> {
  const asked = spec.limit ? Number.parseInt(spec.limit, 10) : defaultLimit;
  if (!Number.isFinite(asked) || asked < 0) throw new GraphError(100, '(#100) limit must be a non-negative integer');
  const limit = Math.min(asked, maxLimit);
  const indexOf = (cursor: string, which: string): number => {
    const key = decodeCursor(cursor);
    const index = key === undefined ? -1 : items.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw invalidCursor(which);
    return index;
  };
  let start = 0;
  let end: number;
  if (spec.after) {
    start = indexOf(spec.after, 'after') + 1;
    end = Math.min(items.length, start + limit);
  } else if (spec.before) {
    end = indexOf(spec.before, 'before');
    start = Math.max(0, end - limit);
  } else end = Math.min(items.length, limit);
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page,
    ...(first !== undefined ? { before: encodeCursor(keyOf(first)) } : {}),
    ...(last !== undefined ? { after: encodeCursor(keyOf(last)) } : {}),
    hasNext: end < items.length,
    hasPrevious: start > 0,
  };
}

/** The `paging` member; `link` builds `next`/`previous` URLs (omitted when absent). */
export function pagingOf(
  result: PageResult<unknown>,
  link?: (cursor: { after?: string; before?: string }) => string,
): JsonObject {
  if (result.before === undefined || result.after === undefined) return {};
  const paging: { [key: string]: Json } = { cursors: { before: result.before, after: result.after } };
  if (link && result.hasNext) paging.next = link({ after: result.after });
  if (link && result.hasPrevious) paging.previous = link({ before: result.before });
  return { paging };
}
