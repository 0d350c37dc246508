// A user's recent media, one post a page. The API pages media by cursor without a total (reference §1.3), so
// pages are fetched as the person pages: the count is what is loaded plus one while the API says there is more,
// and pressing "Next" on that last slot fetches the next API page through the invoker's link.
import type { Page } from '../../instagram/client.js';
import type { Media } from '../../instagram/schemas.js';
import { renderMediaEmbeds } from '../embeds/media-embed.js';
import { plain } from '../embeds/text.js';
import { UserFacingError } from '../errors.js';
import type { PagedSource } from '../pagination.js';

export interface MediaPagesOptions {
  /** Whose posts these are (for the line above each post). */
  username: string;
  /** Runs a fetch of a further page the way every Instagram call on the invoker's token runs (withInstagram). */
  fetchMore: (next: () => Promise<Page<Media>>) => Promise<Page<Media>>;
}

export function mediaPages(first: Page<Media>, options: MediaPagesOptions): PagedSource {
  const loaded: Media[] = [];
  const seen = new Set<string>();
  const add = (items: readonly Media[]) => {
    let fresh = 0;
    for (const media of items) {
      if (seen.has(media.id)) continue;
      seen.add(media.id);
      loaded.push(media);
      fresh += 1;
    }
    return fresh;
  };
  add(first.data);
  let next = first.data.length > 0 ? first.next : undefined;

  return {
    get count() {
      return loaded.length + (next ? 1 : 0);
    },
    async render(index) {
      while (index >= loaded.length && next) {
        const page = await options.fetchMore(next);
        // A page with nothing new ends the list, so a server that repeats itself cannot page forever.
        next = add(page.data) > 0 ? page.next : undefined;
      }
      const media = loaded[index];
      if (!media) {
        if (loaded.length === 0) throw new UserFacingError('user.no-media', `@${options.username} has no posts to show.`);
        throw new UserFacingError('user.no-more-media', `That was the last post of @${options.username}.`);
      }
      return {
        content: `Recent posts of **${plain(`@${options.username}`)}** · post ${index + 1}${next ? '' : ` of ${loaded.length}`}`,
        embeds: renderMediaEmbeds(media),
      };
    },
  };
}
