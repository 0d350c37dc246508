// Lists of Instagram users (search results, follows, followers, pending requests) as paged embeds: ten people a
// page, each a profile link with their full name. Follow lists arrive from the API in cursor pages of unknown
// total, so they are read up to a bound first (every page is one call against the invoker's budget) and the
// reply says when the list was longer than what is shown.
import type { APIEmbed } from 'discord.js';
import type { ListedPerson, Page } from '../../../src/core/index.js';
import { validate } from '../../../src/util/validate.js';
import { EMBED_LIMITS, messageEmbedsSchema } from '../../../src/discord/embeds/limits.js';
import { INSTAGRAM_COLOR } from '../../../src/discord/embeds/media-embed.js';
import { instagramProfileUrl, link, plain, truncate } from '../../../src/discord/embeds/text.js';
import type { PagedSource } from '../../../src/discord/pagination.js';
import type { Translate } from '../../../src/i18n/i18n.js';

export const USERS_PER_PAGE = 10;
/** API pages read at most for one list: 4 calls, 200 people at the API's usual 50 a page. */
export const MAX_LIST_PAGES = 4;

export interface CollectedUsers {
  users: ListedPerson[];
  /** True when the API had more pages than were read. */
  truncated: boolean;
}

/** Reads a cursor-paged user list page by page, at most `maxPages` calls, each person once. */
export async function collectUsers(
  first: () => Promise<Page<ListedPerson>>,
  maxPages = MAX_LIST_PAGES,
): Promise<CollectedUsers> {
  const users: ListedPerson[] = [];
  const seen = new Set<string>();
  let page: Page<ListedPerson> | undefined = await first();
  for (let read = 1; ; read += 1) {
    let fresh = 0;
    for (const user of page.data) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      users.push(user);
      fresh += 1;
    }
    // A page with nothing new ends the walk, so a server that repeats itself cannot make us loop.
    if (!page.next || fresh === 0) return { users, truncated: false };
    if (read >= maxPages) return { users, truncated: true };
    page = await page.next();
  }
}

/** Longest full name shown; ten lines of this stay far below the 4096-character description. */
const FULL_NAME_MAX = 100;

/** One line per person: "`3.` [@name](profile) · Full Name", markdown-escaped (cut before escaping, so no escape is split). */
export function userLine(user: ListedPerson, position: number): string {
  const name = link(plain(`@${user.username}`), instagramProfileUrl(user.username));
  const full = truncate((user.name ?? '').trim(), FULL_NAME_MAX);
  return `\`${position}.\` ${name}${full ? ` · ${plain(full)}` : ''}`;
}

export interface UserListOptions {
  title: string;
  /** Said when the list is empty, instead of paging nothing. */
  empty: string;
  /** A line under the list on every page, e.g. that the list was cut. */
  note?: string | undefined;
  /** The reader's catalogue (`ctx.t`), for the footer. */
  t: Translate;
}

/** A paged source of `users`, or a single page saying `empty` when there is nobody. */
export function userListSource(users: readonly ListedPerson[], options: UserListOptions): PagedSource {
  const pages = Math.max(1, Math.ceil(users.length / USERS_PER_PAGE));
  return {
    count: pages,
    render(index) {
      const start = index * USERS_PER_PAGE;
      const shown = users.slice(start, start + USERS_PER_PAGE);
      const lines = shown.map((user, i) => userLine(user, start + i + 1));
      const body = lines.length > 0 ? lines.join('\n') : options.empty;
      const embed: APIEmbed = {
        color: INSTAGRAM_COLOR,
        title: truncate(options.title, EMBED_LIMITS.title),
        description: truncate(options.note ? `${body}\n\n${options.note}` : body, EMBED_LIMITS.description),
        footer: {
          text:
            users.length === 0
              ? 'Instagram'
              : options.t('browse.people', { from: start + 1, to: start + shown.length, count: users.length }),
        },
      };
      return { embeds: validate(messageEmbedsSchema, [embed], 'user list embed') };
    },
  };
}
