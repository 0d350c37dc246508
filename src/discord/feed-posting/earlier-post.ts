// Finds a post a webhook feed may already have made of one media. Discord documents `enforce_nonce` only for
// channel messages, so a webhook execution that Discord accepted just before igcord crashed (or whose answer was
// lost) could be posted a second time when the run is repeated. Before such a feed posts again (the engine says
// when: src/feeds/earlier-post-watch.ts), the channel's newest messages are read once and a message of the feed's
// own webhook whose embed (or compact link) points at the media is taken as the earlier post (for a comment, whose
// link is its post's, the message whose moderation buttons name it). Reading messages
// needs View Channel and Read Message History.
import { Routes, type APIMessage, type REST } from 'discord.js';
import { safeUrl } from '../embeds/text.js';
import type { Post } from '../../core/index.js';
import { CATALOGUES } from '../../i18n/locales/index.js';

/** How many of the channel's newest messages are searched: Discord's page size cap is 100, 50 is one cheap page. */
export const EARLIER_POST_WINDOW = 50;

/** The first words of a test post's content, in English: a test post is never taken for a delivery. */
export const TEST_POST_MARK = CATALOGUES.en.feedPost.testMark;

/** The mark in every shipped language: a test post is in its guild's language, which may have changed since. */
export const TEST_POST_MARKS = Object.values(CATALOGUES).map((catalogue) => catalogue.feedPost.testMark);

/** The id of the message in `messages` that `webhookId` posted for `media`, if there is one (pure). */
export function findEarlierPost(
  messages: readonly APIMessage[],
  webhookId: string,
  post: Pick<Post, 'permalink'> & Partial<Pick<Post, 'id' | 'commentOn'>>,
): string | undefined {
  const link = safeUrl(post.permalink);
  if (link === undefined) return undefined;
  // Every comment on one post links to that post: a comment's message is known by its buttons, which name it.
  const on = post.commentOn;
  const names = (m: APIMessage) =>
    on === undefined
      ? m.embeds.some((e) => e.url === link) || m.content.split(/\s+/).includes(link)
      : JSON.stringify(m.components ?? []).includes(`:${on.ownerId}:${post.id ?? ''}"`);
  const match = messages.find(
    (m) => m.webhook_id === webhookId && !TEST_POST_MARKS.some((mark) => m.content.startsWith(mark)) && names(m),
  );
  return match?.id;
}

/** Reads the channel's newest messages (newest first). Throws what discord.js throws. */
export async function recentChannelMessages(
  rest: REST,
  channelId: string,
  signal?: AbortSignal,
): Promise<APIMessage[]> {
  return (await rest.get(Routes.channelMessages(channelId), {
    query: new URLSearchParams({ limit: String(EARLIER_POST_WINDOW) }),
    signal,
  })) as APIMessage[];
}
