// Posting, editing and deleting messages — the one path shared by channel sends, webhook executions and
// interaction responses, so all three store the same message shape, obey the same limits, honour
// `enforce_nonce` the same way and announce MESSAGE_CREATE/UPDATE/DELETE over the gateway like Discord does.
import { GatewayDispatchEvents, GatewayIntentBits, MessageFlags, MessageType } from 'discord-api-types/v10';
import type {
  APIEmbed,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
} from 'discord-api-types/v10';
import type { FakeState, StoredMessage } from './state.js';
import type { MessageBody } from './limits.js';
import { emptyMessage } from './errors.js';
import { renderMember } from './render.js';

/** How long Discord remembers a nonce for `enforce_nonce` ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface PostInput {
  channelId: string;
  body: MessageBody;
  author: APIUser;
  webhookId?: string;
  applicationId?: string;
  avatarUrl?: string;
  type?: MessageType;
  interactionMetadata?: APIMessageInteractionMetadata;
  ephemeral?: boolean;
  /** Extra flags Discord sets itself (Loading for a deferred response). */
  extraFlags?: number;
  /** Deferred "thinking" messages may be empty. */
  allowEmpty?: boolean;
  /** A forum post's starter message has the id of its thread. */
  id?: string;
  /**
   * The caller's bookkeeping for a new message (an interaction noting its follow-up), run before the gateway
   * announces it and before waiters wake, so that a waiter woken by this message already finds it recorded.
   */
  onStored?: (stored: StoredMessage) => void;
}

export function postMessage(state: FakeState, input: PostInput): { stored: StoredMessage; created: boolean } {
  const channel = state.channel(input.channelId);
  const list = state.channelMessages(channel.id);
  const { body } = input;

  if (body.enforce_nonce && body.nonce !== undefined) {
    const cutoff = Date.now() - NONCE_WINDOW_MS;
    const earlier = list.find(
      (m) =>
        m.nonceAt !== undefined &&
        m.nonceAt >= cutoff &&
        m.message.nonce === body.nonce &&
        m.message.author.id === input.author.id,
    );
    if (earlier) return { stored: earlier, created: false };
  }

  const hasContent =
    (body.content ?? '') !== '' || (body.embeds ?? []).length > 0 || (body.components ?? []).length > 0;
  if (!hasContent && !input.allowEmpty) throw emptyMessage();

  const flags =
    ((body.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications)) |
    (input.ephemeral ? MessageFlags.Ephemeral : 0) |
    (input.extraFlags ?? 0);
  const message: APIMessage = {
    id: input.id ?? state.ids.next(),
    channel_id: channel.id,
    author: { ...input.author },
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body.embeds ?? []) as APIEmbed[],
    components: (body.components ?? []) as APIMessageTopLevelComponent[],
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags,
  };
  if (body.nonce !== undefined) message.nonce = body.nonce;
  if (input.webhookId) message.webhook_id = input.webhookId;
  if (input.applicationId) message.application_id = input.applicationId;
  if (input.interactionMetadata) message.interaction_metadata = input.interactionMetadata;
  if (body.message_reference?.message_id) {
    message.message_reference = {
      message_id: body.message_reference.message_id,
      channel_id: channel.id,
      guild_id: channel.guildId,
    };
  }

  const stored: StoredMessage = { message, ephemeral: input.ephemeral ?? false };
  if (input.avatarUrl) stored.avatarUrl = input.avatarUrl;
  if (body.enforce_nonce && body.nonce !== undefined) stored.nonceAt = Date.now();
  state.storeMessage(stored);
  if (!stored.ephemeral) channel.lastMessageId = message.id;
  input.onStored?.(stored);

  if (!stored.ephemeral) announce(state, GatewayDispatchEvents.MessageCreate, stored, input.webhookId === undefined);
  state.changed();
  return { stored, created: true };
}

/** Applies an edit body: only the fields present change, as with Discord's PATCH. */
export function editMessage(state: FakeState, stored: StoredMessage, body: MessageBody, clearFlags = 0): StoredMessage {
  const message = stored.message;
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) message.embeds = (body.embeds ?? []) as APIEmbed[];
  if (body.components !== undefined) message.components = (body.components ?? []) as APIMessageTopLevelComponent[];
  if (clearFlags) message.flags = (message.flags ?? 0) & ~clearFlags;
  message.edited_timestamp = new Date().toISOString();
  if (!stored.ephemeral) announce(state, GatewayDispatchEvents.MessageUpdate, stored, message.webhook_id === undefined);
  state.changed();
  return stored;
}

export function deleteMessage(state: FakeState, channelId: string, messageId: string): void {
  const removed = state.removeMessage(channelId, messageId);
  if (!removed) return;
  const channel = state.channel(channelId);
  if (!removed.ephemeral) {
    state.emit(
      GatewayDispatchEvents.MessageDelete,
      { id: messageId, channel_id: channelId, guild_id: channel.guildId },
      { intent: GatewayIntentBits.GuildMessages },
    );
  }
  state.changed();
}

/** The wire form of a stored message (without the fake's bookkeeping). */
export function messageView(stored: StoredMessage): APIMessage {
  return structuredClone(stored.message);
}

function announce(state: FakeState, event: GatewayDispatchEvents, stored: StoredMessage, withMember: boolean): void {
  const channel = state.channel(stored.message.channel_id);
  const member = withMember ? state.guilds.get(channel.guildId)?.members.get(stored.message.author.id) : undefined;
  const base = {
    ...messageView(stored),
    guild_id: channel.guildId,
    ...(member ? { member: withoutUser(renderMember(state, member)) } : {}),
  };
  state.emit(event, base, {
    intent: GatewayIntentBits.GuildMessages,
    // Without the Message Content intent Discord blanks the content of messages not sent by (or to) the bot.
    perSession: (intents) =>
      (intents & GatewayIntentBits.MessageContent) !== 0 || stored.message.author.id === state.botUser.id
        ? base
        : { ...base, content: '', embeds: [], components: [], attachments: [] },
  });
}

function withoutUser<T extends { user?: unknown }>(member: T): Omit<T, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}
