// A feed that targets one existing thread posts a message in it, as in a channel (with the delivery nonce). An
// archived thread is handled as Discord documents it (https://discord.com/developers/docs/topics/threads): a
// message sent in an archived thread that is not locked unarchives it, when the bot may send there (Send Messages
// in Threads); a locked one refuses the message (50083) until someone with Manage Threads reopens it, which the bot
// does itself when it has that permission (`PATCH /channels/:thread` with `archived: false`). When it has not,
// Discord's 403 comes back and the feed is disabled with what to do (post-failure.ts).
import {
  DiscordAPIError,
  Routes,
  type APIMessage,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';

/** Discord's "Operation cannot be performed on an archived thread". */
export const ARCHIVED_THREAD = 50083;

export async function postInThread(
  rest: REST,
  threadId: string,
  message: RESTPostAPIChannelMessageJSONBody,
  signal?: AbortSignal,
): Promise<string> {
  const send = async () =>
    ((await rest.post(Routes.channelMessages(threadId), { body: message, signal })) as APIMessage).id;
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof DiscordAPIError) || error.code !== ARCHIVED_THREAD) throw error;
  }
  // Archived and locked: only a member with Manage Threads may reopen it. A refusal (50013) disables the feed.
  try {
    await rest.patch(Routes.channel(threadId), { body: { archived: false }, signal });
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === 50013) throw new LockedThreadError(error);
    throw error;
  }
  return send();
}

/** The thread is archived and locked, and the bot lacks Manage Threads to reopen it. */
export class LockedThreadError extends Error {
  override readonly name = 'LockedThreadError';
  constructor(override readonly cause: DiscordAPIError) {
    super('the thread is archived and locked, and the bot may not reopen it');
  }
}
