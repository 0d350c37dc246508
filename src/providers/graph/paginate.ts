// Walking a Graph list to its end (reference §1.5): pages follow one another through each page's `next`, and
// items are yielded once each by id, because hashtag media come in no order and a page may repeat an item. Two
// pages in a row that bring nothing new end the walk (a page may be empty and still have `next`, but a server
// that loops, or `recent_media`'s reportedly constant cursor, cannot hang us).
import type { Page } from './api-call.js';

export type PageSource<T> = Page<T> | Promise<Page<T>> | (() => Promise<Page<T>>);

export interface PaginateOptions {
  maxPages?: number | undefined;
  maxItems?: number | undefined;
}

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

export async function* paginate<T extends { id: string }>(
  source: PageSource<T>,
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
    stale = fresh === 0 ? stale + 1 : 0;
    if (stale >= 2) return;
  }
}

export async function collect<T extends { id: string }>(
  source: PageSource<T>,
  options: PaginateOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const item of paginate(source, options)) all.push(item);
  return all;
}
