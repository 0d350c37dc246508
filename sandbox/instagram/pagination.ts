// Cursor pagination as the API did it (reference §1.3): lists are ordered newest first by a numeric cursor;
// `max…` returns items strictly older than the cursor and `min…` strictly newer, so that following `next_url`
// never repeats an item. Cursors are accepted as media ids (`<pk>_<owner>`), bare numbers, or strings of either.

export interface Page<T> {
  items: T[];
  /** True when older items remain after this page. */
  more: boolean;
}

/** The number in a cursor parameter (the pk part of a media id), or undefined when absent or unreadable. */
export function parseCursor(value: string | null): bigint | undefined {
  if (value === null) return undefined;
  const match = /^\s*(\d{1,24})(?:_\d+)?\s*$/.exec(value);
  return match?.[1] ? BigInt(match[1]) : undefined;
}

/** The page size: `count` when it is a positive whole number (capped), else the default. */
export function parseCount(value: string | null, fallback: number, max: number): number {
  if (value === null || !/^\d+$/.test(value.trim())) return fallback;
  const n = Number(value);
  return n <= 0 ? fallback : Math.min(n, max);
}

/** Pages a newest-first list by an exclusive window (min, max) of its cursor. */
export function paginate<T>(
  items: readonly T[],
  cursorOf: (item: T) => bigint,
  window: { max?: bigint | undefined; min?: bigint | undefined; count: number },
): Page<T> {
  const inWindow = items.filter((item) => {
    const c = cursorOf(item);
    return (window.max === undefined || c < window.max) && (window.min === undefined || c > window.min);
  });
  return { items: inWindow.slice(0, window.count), more: inWindow.length > window.count };
}
