// The invoker's liked media as Discord pages, one post per page, loaded from Instagram one API page at a time:
// the next API page (the client's `page.next`, cursor `max_like_id`, reference §1.3) is fetched only when the
// person presses Next on the last post loaded, so a quick look costs one call. While more may exist, the page
// count includes one page beyond what is loaded; if Instagram then has nothing more, that page says so.
import type { Page as ApiPage } from '../../instagram/client.js';
import type { Media } from '../../instagram/schemas.js';
import { renderMediaEmbeds } from '../embeds/media-embed.js';
import type { Page, PagedSource } from '../pagination.js';

/** Liked media asked for per API call; the API caps `count` at 33, and 20 is its default. */
export const LIKED_PER_CALL = 20;

export interface LikedPagesOptions {
  /** Runs a fetch of the next API page (with the invoker's link checks, so a refused token marks it broken). */
  fetchNext: (next: () => Promise<ApiPage<Media>>) => Promise<ApiPage<Media>>;
}

export function likedPages(first: ApiPage<Media>, options: LikedPagesOptions): PagedSource {
  const loaded: Media[] = [];
  const seen = new Set<string>();
  let next = first.next;
  let exhausted = false;

  const add = (page: ApiPage<Media>): number => {
    let fresh = 0;
    for (const media of page.data) {
      // The docs disagree on whether cursors are inclusive: a post repeated across pages is shown once.
      if (seen.has(media.id)) continue;
      seen.add(media.id);
      loaded.push(media);
      fresh += 1;
    }
    next = page.next;
    return fresh;
  };
  add(first);

  const more = () => next !== undefined || exhausted;

  return {
    get count() {
      return loaded.length + (more() ? 1 : 0);
    },
    async render(index): Promise<Page> {
      while (index >= loaded.length && next !== undefined) {
        const fetch = next;
        const fresh = add(await options.fetchNext(fetch));
        // A page that brings nothing new ends the walk, so a server that loops cannot page forever.
        if (fresh === 0) next = undefined;
      }
      const media = loaded[index];
      if (media === undefined) {
        exhausted = true;
        return { content: `That is all: you have liked ${loaded.length} post${loaded.length === 1 ? '' : 's'} that Instagram lists.`, embeds: [] };
      }
      const suffix = next !== undefined ? ' (more load as you page)' : '';
      return { content: `Your liked posts: ${index + 1} of ${loaded.length}${suffix}`, embeds: renderMediaEmbeds(media) };
    },
  };
}
