// Which webhook feeds must look for an earlier, unrecorded post of a media before they post it. Discord
// documents the delivery nonce for channel messages only, so a webhook execution accepted just before a crash (or
// whose answer was lost) could be posted twice. A process knows every post it made itself, so a feed needs a look
// only when this process cannot know: before its first post since start (a previous process may have crashed
// after Discord accepted a post), and after a webhook execution whose outcome is unknown (network failure,
// timeout, 5xx). A look that finds nothing makes the feed trusted until the next unknown outcome.
import type { Feed } from '../storage/index.js';

export class EarlierPostWatch {
  private readonly trusted = new Set<string>();

  needsLook(feed: Pick<Feed, 'id' | 'delivery'>): boolean {
    return feed.delivery.mode === 'webhook' && !this.trusted.has(feed.id);
  }

  trust(feedId: string): void {
    this.trusted.add(feedId);
  }

  doubt(feedId: string): void {
    this.trusted.delete(feedId);
  }
}
