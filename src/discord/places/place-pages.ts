// Recent media of a tag or a location, one post a page. These lists page by cursor without a total (reference
// §1.3: tags by `max_tag_id`, locations by `max_id`), so API pages are fetched as the person pages: the count is
// what is loaded plus one while the API says there is more, and "Next" on that last slot fetches the next page
// through the invoker's link. At most `maxItems` posts are offered, so one paged reply has a bounded cost.
import type { Page } from '../../instagram/client.js';
import type { Media } from '../../instagram/schemas.js';
import { renderMediaEmbeds } from '../embeds/media-embed.js';
import { UserFacingError } from '../errors.js';
import type { PagedSource } from '../pagination.js';

export interface PlacePagesOptions {
  /** The line above each post, e.g. "Recent posts tagged **#sunset**" (already markdown-safe). */
  heading: string;
  /** Runs the fetch of a further page the way every call on the invoker's token runs (withInstagram). */
  fetchMore: (next: () => Promise<Page<Media>>) => Promise<Page<Media>>;
  /** Called with each page of posts as it arrives (the location command remembers their places). */
  onLoaded?: ((media: readonly Media[]) => void) | undefined;
  /** Most posts offered. Default 100. */
  maxItems?: number | undefined;
}

export function placePages(first: Page<Media>, options: PlacePagesOptions): PagedSource {
  const maxItems = options.maxItems ?? 100;
  const loaded: Media[] = [];
  const seen = new Set<string>();
  const add = (items: readonly Media[]) => {
    let fresh = 0;
    for (const media of items) {
      if (seen.has(media.id) || loaded.length >= maxItems) continue;
      seen.add(media.id);
      loaded.push(media);
      fresh += 1;
    }
    options.onLoaded?.(items);
    return fresh;
  };
  add(first.data);
  let next = first.data.length > 0 && loaded.length < maxItems ? first.next : undefined;

  return {
    get count() {
      return loaded.length + (next ? 1 : 0);
    },
    async render(index) {
      while (index >= loaded.length && next) {
        const page = await options.fetchMore(next);
        // A page with nothing new ends the list, so a server that repeats itself cannot page forever.
        next = add(page.data) > 0 && loaded.length < maxItems ? page.next : undefined;
      }
      const media = loaded[index];
      if (!media) {
        if (loaded.length === 0) throw new UserFacingError('places.no-media', 'There are no recent posts here that you can see.');
        // Instagram said there was more, then sent nothing new: the buttons catch up at the next press.
        throw new UserFacingError('places.no-more-media', `That was the last post; there are ${loaded.length} in all.`);
      }
      return {
        content: `${options.heading} · post ${index + 1}${next ? '' : ` of ${loaded.length}`}`,
        embeds: renderMediaEmbeds(media),
      };
    },
  };
}
