// Edits a delivered feed message in place when its post changed on Instagram (src/core/post-changes.ts): as the bot
// (`PATCH /channels/:id/messages/:id`) or through the feed's webhook (`PATCH /webhooks/:id/:token/messages/:id`,
// the only way to edit a webhook's message). `edit` renders the post again with its new caption (the feed's
// template or the built-in embeds); a deleted post's message keeps only a note, since its media links are dead.
// `mark` reads the message and adds a note to its text, leaving the embeds as posted. No edit pings anyone.
import { Routes, type APIMessage, type REST, type RESTPatchAPIChannelMessageJSONBody } from 'discord.js';
import type { OnChange, PostChange, PostTarget } from '../../core/index.js';
import { truncate } from '../embeds/text.js';

/** The notes a changed post's message gets (English; the i18n catalogue takes them over). */
export const CHANGE_NOTES = {
  edited: '✏️ The caption was edited on Instagram.',
  deleted: '🗑️ This post was deleted on Instagram.',
} as const;

/** The message's text with the note added on a line of its own, once. */
export function withNote(content: string | undefined, note: string): string {
  const text = content ?? '';
  if (text.includes(note)) return text;
  const line = `-# ${note}`;
  return text.length === 0 ? line : `${truncate(text, 2000 - line.length - 1)}\n${line}`;
}

export interface UpdateDeps {
  rest: REST;
  /** The post's message as a feed posts it (discord-feed-poster.ts), without the delivery's nonce. */
  render(target: PostTarget, change: Extract<PostChange, { kind: 'edited' }>): RESTPatchAPIChannelMessageJSONBody;
}

export async function updateFeedMessage(
  deps: UpdateDeps,
  target: PostTarget,
  messageId: string,
  change: PostChange,
  how: Exclude<OnChange, 'leave'>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { rest } = deps;
  const webhook = target.delivery.mode === 'webhook' ? target.delivery : undefined;
  const route =
    webhook === undefined
      ? Routes.channelMessage(target.channelId, messageId)
      : Routes.webhookMessage(webhook.webhookId, webhook.token, messageId);
  const auth = webhook === undefined;
  let body: RESTPatchAPIChannelMessageJSONBody;
  if (how === 'mark') {
    const current = (await rest.get(route, { auth, signal })) as APIMessage;
    const note = CHANGE_NOTES[change.kind];
    if (current.content.includes(note)) return messageId;
    body = { content: withNote(current.content, note) };
  } else if (change.kind === 'edited') {
    body = deps.render(target, change);
  } else {
    body = { content: `-# ${CHANGE_NOTES.deleted}`, embeds: [], components: [] };
  }
  const edited = (await rest.patch(route, {
    body: { ...body, allowed_mentions: { parse: [] } },
    auth,
    signal,
  })) as APIMessage;
  return edited.id;
}
