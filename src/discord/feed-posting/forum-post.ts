// A feed that targets a forum channel (type 15): each post becomes a thread (`POST /channels/:forum/threads` with
// the starter `message`), named after the caption's first line and carrying the forum's tags whose names match the
// post's hashtags (`applied_tags`, at most 5). Discord documents no nonce for a thread's starter message, so a
// crash between Discord creating the thread and igcord recording it is covered by the engine's posting intent
// (docs/decisions/0021 and 0030): a later run that finds the intent open looks here, among the forum's threads the
// bot created since the intent was written, for one whose starter message points at the post, and records it
// instead of creating a second thread.
import {
  ChannelType,
  DiscordAPIError,
  Routes,
  SnowflakeUtil,
  type APIMessage,
  type APIThreadChannel,
  type Client,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { Post, PostTarget } from '../../core/index.js';
import { plain, safeUrl, truncate } from '../embeds/text.js';
import { TEST_POST_MARKS } from './earlier-post.js';
import { englishOnly, type Translate } from '../../i18n/i18n.js';
import { DEFAULT_TIME_SETTINGS } from './placeholders.js';
import { renderTemplateTitle } from './template-render.js';

/** Discord's limits: a thread name is 1–100 characters; a thread carries at most 5 of its forum's tags. */
export const THREAD_NAME_MAX = 100;
export const APPLIED_TAGS_MAX = 5;

/** A look back this far before the intent's time allows for clock skew between igcord and Discord. */
const SKEW_MS = 30_000;

/**
 * The thread's name: the feed template's title drawn for the post when it has one (docs/decisions/0026), else the
 * caption's first line, else who posted it; a test post's name says so first, so the forum's list of posts does
 * not show it as news (pure).
 */
export function forumThreadName(
  post: Post,
  options: { test?: boolean; target?: Pick<PostTarget, 'template' | 'time'>; t?: Translate } = {},
): string {
  const t = options.t ?? englishOnly();
  const { template, time } = options.target ?? {};
  const titled =
    template === undefined
      ? ''
      : renderTemplateTitle(template, post, time ?? DEFAULT_TIME_SETTINGS, THREAD_NAME_MAX, t).trim();
  const first = plain(post.caption.split('\n').find((line) => line.trim() !== '') ?? '', 'label').trim();
  const name = titled || first || plain(t('feedPost.forumPostBy', { author: `@${post.author.username}` }), 'label');
  return truncate(options.test === true ? t('feedPost.forumTest', { name }) : name, THREAD_NAME_MAX);
}

/** The ids of the forum's tags whose names match the post's hashtags, ignoring case, at most 5 (pure). */
export function forumTagIds(hashtags: readonly string[], available: readonly { id: string; name: string }[]): string[] {
  const byName = new Map(available.map((t) => [t.name.trim().toLowerCase(), t.id]));
  const ids: string[] = [];
  for (const tag of hashtags) {
    const id = byName.get(tag.replace(/^#/, '').toLowerCase());
    if (id !== undefined && !ids.includes(id)) ids.push(id);
    if (ids.length === APPLIED_TAGS_MAX) break;
  }
  return ids;
}

export interface ForumDeps {
  rest: REST;
  client?: Client | undefined;
  /** The bot's user id (the owner of the threads it creates). */
  botId(signal?: AbortSignal): Promise<string>;
}

/** The bot's user id: the gateway client's, else asked of Discord once (`GET /users/@me`). */
export function botIdOf(rest: REST, client: Client | undefined): (signal?: AbortSignal) => Promise<string> {
  let asked: Promise<string> | undefined;
  return (signal) => {
    const known = client?.user?.id;
    if (known !== undefined) return Promise.resolve(known);
    asked ??= (rest.get(Routes.user(), { signal }) as Promise<{ id: string }>).then((u) => u.id);
    asked.catch(() => (asked = undefined));
    return asked;
  };
}

/** The forum's tags: from the gateway cache when the client has the forum, else as Discord answers for it. */
async function availableTags(deps: ForumDeps, forumId: string, signal?: AbortSignal) {
  const cached = deps.client?.channels.cache.get(forumId);
  if (cached?.type === ChannelType.GuildForum) return cached.availableTags.map((t) => ({ id: t.id, name: t.name }));
  const forum = (await deps.rest.get(Routes.channel(forumId), { signal })) as {
    available_tags?: { id: string; name: string }[];
  };
  return forum.available_tags ?? [];
}

/** Creates the post's thread in the forum; resolves with its id (its starter message has the same id). */
export async function createForumPost(
  deps: ForumDeps,
  target: PostTarget,
  post: Post,
  message: RESTPostAPIChannelMessageJSONBody,
  options: { test: boolean; t?: Translate | undefined; signal?: AbortSignal | undefined },
): Promise<string> {
  const { signal } = options;
  // Discord documents no nonce for a starter message: the engine's posting intent covers a repeat instead.
  const { nonce: _nonce, enforce_nonce: _enforce, ...starter } = message;
  const tags = forumTagIds(post.tags, await availableTags(deps, target.channelId, signal));
  const thread = (await deps.rest.post(Routes.threads(target.channelId), {
    body: {
      name: forumThreadName(post, { test: options.test, target, ...(options.t ? { t: options.t } : {}) }),
      message: starter,
      ...(tags.length > 0 ? { applied_tags: tags } : {}),
    },
    signal,
  })) as APIThreadChannel;
  return thread.id;
}

/**
 * The thread the bot created in the forum for `post` at or after `since` (unix ms), if there is one: the guild's
 * active threads and the forum's newest archived ones, those the bot owns and created since then, each starter
 * message read and matched by the post's link. Throws what discord.js throws.
 */
export async function findEarlierThread(
  deps: ForumDeps,
  target: PostTarget,
  post: Pick<Post, 'permalink'>,
  since: number,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const link = safeUrl(post.permalink);
  if (link === undefined || target.guildId === undefined) return undefined;
  const owner = await deps.botId(signal);
  const active = (await deps.rest.get(Routes.guildActiveThreads(target.guildId), { signal })) as {
    threads: APIThreadChannel[];
  };
  const archived = await archivedThreads(deps.rest, target.channelId, signal);
  const candidates = [...active.threads, ...archived].filter(
    (t) =>
      t.parent_id === target.channelId &&
      t.owner_id === owner &&
      Number(SnowflakeUtil.timestampFrom(t.id)) >= since - SKEW_MS,
  );
  for (const thread of candidates) {
    const starter = await starterMessage(deps.rest, thread.id, signal);
    if (starter !== undefined && pointsAt(starter, link)) return thread.id;
  }
  return undefined;
}

/** The forum's newest archived threads; none when the bot may not read them (Read Message History). */
async function archivedThreads(rest: REST, forumId: string, signal?: AbortSignal): Promise<APIThreadChannel[]> {
  try {
    const page = (await rest.get(Routes.channelThreads(forumId, 'public'), {
      query: new URLSearchParams({ limit: '50' }),
      signal,
    })) as { threads: APIThreadChannel[] };
    return page.threads;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === 50001 || error.code === 50013)) return [];
    throw error;
  }
}

async function starterMessage(rest: REST, threadId: string, signal?: AbortSignal): Promise<APIMessage | undefined> {
  try {
    return (await rest.get(Routes.channelMessage(threadId, threadId), { signal })) as APIMessage;
  } catch (error) {
    // The starter message was deleted: that thread is not a post igcord can recognise.
    if (error instanceof DiscordAPIError && error.code === 10008) return undefined;
    throw error;
  }
}

/** The post's link in the starter message: an embed's link, the text, or a template's "Open on Instagram". */
function pointsAt(message: APIMessage, link: string): boolean {
  if (TEST_POST_MARKS.some((mark) => message.content.startsWith(mark))) return false;
  return (
    message.embeds.some((e) => e.url === link) ||
    message.content.split(/\s+/).includes(link) ||
    JSON.stringify(message.components ?? []).includes(JSON.stringify(link))
  );
}
