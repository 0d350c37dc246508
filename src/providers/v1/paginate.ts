// Walking a paginated endpoint to its end (reference §1.3): pages are fetched one after another through each
// page's `next` (which follows `next_url`, re-signed when signing is on, or the endpoint's own cursor), and items
// are yielded once each even if the API repeats one across a page boundary (the docs disagree on whether
// `max_id` is inclusive). A page that brings nothing new ends the walk, so a server that loops cannot hang us.
import type { Page } from './api-call.js';

export type PageSource<T> = Page<T> | Promise<Page<T>> | (() => Promise<Page<T>>);

export interface PaginateOptions {
  /** Stop after this many pages (the first included). */
  maxPages?: number | undefined;
  /** Stop after this many items. */
  maxItems?: number | undefined;
}

/** Every page, starting with the first. */
export async function* iteratePages<T>(source: PageSource<T>, options: PaginateOptions = {}): AsyncGenerator<Page<T>> {
  let page: Page<T> | undefined = await (typeof source === 'function' ? source() : source);
  let count = 0;
  while (page !== undefined) {
    yield page;
    count += 1;
    if (options.maxPages !== undefined && count >= options.maxPages) return;
    page = page.next ? await page.next() : undefined;
  }
}

/** Every item across pages, each id at most once, in the API's order. */
export async function* paginate<T extends { id: string }>(
  source: PageSource<T>,
  options: PaginateOptions = {},
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let yielded = 0;
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
    if (fresh === 0 && page.data.length > 0) return;
  }
}

/** Collects `paginate` into an array (for tests and small lists). */
export async function collect<T extends { id: string }>(
  source: PageSource<T>,
  options: PaginateOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const item of paginate(source, options)) all.push(item);
  return all;
}
