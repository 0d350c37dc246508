// Post lists as Discord pages, one post a page: a user's posts, a tag's or a location's recent posts, the posts
// the invoker liked. These lists page by cursor without a total (reference §1.3: `max_id`, `max_tag_id`,
// `max_like_id`), so API pages are fetched as the person pages: the count is what is loaded plus one while the API
// says there is more, and "Next" on that last slot fetches the next API page through the invoker's link (so a
// quick look costs one call). At most `maxItems` posts are offered, so one paged reply has a bounded cost.
import type { Page, Post } from '../../src/core/index.js';
import { renderMediaEmbeds } from '../../src/discord/embeds/media-embed.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { PagedSource } from '../../src/discord/pagination.js';
import type { Translate } from '../../src/i18n/i18n.js';

export interface MediaPagesOptions {
  /** The line above each post, e.g. "Recent posts tagged **#sunset**" (already markdown-safe). */
  heading: string;
  /** Runs the fetch of a further page the way every call on the invoker's token runs (withInstagram). */
  fetchMore: (next: () => Promise<Page<Post>>) => Promise<Page<Post>>;
  /** Called with each page of posts as it arrives (the location command remembers their places). */
  onLoaded?: ((media: readonly Post[]) => void) | undefined;
  /** Most posts offered. Default 100. */
  maxItems?: number | undefined;
  /** What to say when there is no post at all (reply id `media-list.empty`). */
  empty: string;
  /** What to say when Instagram promised more and sent nothing new; `count` is how many were shown (`media-list.end`). */
  end: (count: number) => string;
  /** The reader's catalogue (`ctx.t`): the page line and the posts' labels are in their language. */
  t: Translate;
}

export function mediaPages(first: Page<Post>, options: MediaPagesOptions): PagedSource {
  const maxItems = options.maxItems ?? 100;
  const loaded: Post[] = [];
  const seen = new Set<string>();
  const add = (items: readonly Post[]) => {
    let fresh = 0;
    for (const media of items) {
      // The docs disagree on whether cursors are inclusive: a post repeated across pages is shown once.
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
  const renderLoaded = (index: number, media: Post) => ({
    content: next
      ? options.t('pages.post', { heading: options.heading, n: index + 1 })
      : options.t('pages.postOf', { heading: options.heading, n: index + 1, total: loaded.length }),
    embeds: renderMediaEmbeds(media, { t: options.t }),
  });

  return {
    get count() {
      return loaded.length + (next ? 1 : 0);
    },
    // The total is known once Instagram has no further page: until then the indicator shows no "of N".
    get complete() {
      return next === undefined;
    },
    async render(index) {
      while (index >= loaded.length && next) {
        const page = await options.fetchMore(next);
        // A page with nothing new ends the list, so a server that repeats itself cannot page forever.
        next = add(page.data) > 0 && loaded.length < maxItems ? page.next : undefined;
      }
      const media = loaded[index];
      if (!media) {
        // After "nothing new", the buttons catch up with the real count at the next press.
        if (loaded.length === 0) throw new UserFacingError('media-list.empty', options.empty);
        throw new UserFacingError('media-list.end', options.end(loaded.length));
      }
      return renderLoaded(index, media);
    },
    // The posts loaded so far, rendered, for another igcord process to page through (docs/decisions/0022).
    snapshot() {
      return {
        pages: loaded.map((media, index) => renderLoaded(index, media)),
        count: loaded.length + (next ? 1 : 0),
        complete: next === undefined,
      };
    },
  };
}
