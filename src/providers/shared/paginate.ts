// Walking a paginated list to its end, for every provider: pages are fetched one after another through each page's
// `next`, and items are yielded once each by id, since an API may repeat an item across a page boundary (v1's docs
// disagree on whether `max_id` is inclusive; Graph's hashtag media come in no order). A walk ends when pages stop
// bringing anything new, so a server that loops cannot hang us; how many such pages end it is the provider's rule.

/** What a walk needs of a page: its items, and how to fetch the one after it. */
export interface WalkablePage<T> {
  data: T[];
  next?: (() => Promise<WalkablePage<T>>) | undefined;
}

export type PageSource<P> = P | Promise<P> | (() => Promise<P>);

export interface PaginateOptions {
  /** Stop after this many pages (the first included). */
  maxPages?: number | undefined;
  /** Stop after this many items. */
  maxItems?: number | undefined;
}

/** When pages that bring nothing new end a walk. */
export interface StaleRule {
  /** This many such pages in a row end it. */
  pages: number;
  /** Whether an empty page counts as one (a Graph page may be empty and still have `next`). */
  emptyCounts: boolean;
}

/** Every page, starting with the first. */
export async function* iteratePages<P extends WalkablePage<unknown>>(
  source: PageSource<P>,
  options: PaginateOptions = {},
): AsyncGenerator<P> {
  let page: P | undefined = await (typeof source === 'function' ? (source as () => Promise<P>)() : source);
  let count = 0;
  while (page !== undefined) {
    yield page;
    count += 1;
    if (options.maxPages !== undefined && count >= options.maxPages) return;
    page = page.next ? ((await page.next()) as P) : undefined;
  }
}

/** Every item across pages, each id at most once, in the API's order. */
export async function* paginateBy<T extends { id: string }>(
  rule: StaleRule,
  source: PageSource<WalkablePage<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let yielded = 0;
  let stale = 0;
  for await (const page of iteratePages(source, { maxPages: options.maxPages })) {
    let fresh = 0;
    for (const item of page.data) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      fresh += 1;
      yield item;
      yielded += 1;
      if (options.maxItems !== undefined && yielded >= options.maxItems) return;
    }
    if (fresh > 0) stale = 0;
    else if (page.data.length > 0 || rule.emptyCounts) stale += 1;
    if (stale >= rule.pages) return;
  }
}

/** Collects a walk into an array (for tests and small lists). */
export async function collectBy<T extends { id: string }>(
  rule: StaleRule,
  source: PageSource<WalkablePage<T>>,
  options: PaginateOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const item of paginateBy(rule, source, options)) all.push(item);
  return all;
}
