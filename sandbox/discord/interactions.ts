// Interactions "sent by a person" and what the bot answered. Each interaction is a record: the payload the fake
// dispatched, its callbacks, the original response message and the follow-ups. The rules Discord enforces live
// here: one acknowledgement (a second is 40060), due within acknowledgeTimeoutMs (3 s on Discord, else 10062),
// the response types each interaction type accepts, and webhook tokens that work for 15 minutes after it.
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type {
  APIMessage,
  APIMessageInteractionMetadata,
  RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { FakeState, StoredMessage } from './state.js';
import { alreadyAcknowledged, formError, unknownInteraction, unknownMessage, unknownWebhook } from './errors.js';
import { autocompleteResultSchema, checkBody, messageBodySchema, modalSchema } from './limits.js';
import { editMessage, messageView, postMessage } from './messages.js';

export interface CallbackRecord {
  type: InteractionResponseType;
  data: unknown;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  userId: string;
  channelId: string;
  guildId: string;
  createdAt: number;
  payload: Record<string, unknown>;
  /** The message a component (or a modal opened from one) is attached to. */
  sourceMessageId?: string;
  callbacks: CallbackRecord[];
  originalMessageId?: string;
  followUpIds: string[];
  /**
   * Set when the interaction went to the Interactions Endpoint URL instead of the gateway: `pending` until its
   * HTTP answer is in (`settled` resolves then), `answered` by that answer, `rest` when the answer was 202 and the
   * callback comes by REST, `failed` when no usable answer came (the interaction is then gone, 10062).
   */
  http?: { state: 'pending' | 'answered' | 'rest' | 'failed'; settled: Promise<void> };
}

export interface InteractionReplies {
  callbacks: CallbackRecord[];
  /** The original response as it is now (after edits); undefined before one exists. */
  original: APIMessage | undefined;
  followUps: APIMessage[];
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: Record<string, unknown>;
  /** The first callback; rejects if none arrives within the acknowledgement deadline (plus a margin). */
  firstResponse(): Promise<CallbackRecord>;
  replies(): InteractionReplies;
  /**
   * The first reply message (original or follow-up) matching; by default any that is not still "thinking".
   * `timeoutMs` (30 s by default) only stops a wait that would hang.
   */
  waitForReply(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
}

/** How long a webhook token of an acknowledged interaction works (Discord: 15 minutes). */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;

/**
 * How long the test-facing waits (waitForReply, waitForMessage) wait by default. They resolve as soon as what they
 * wait for arrives, so the bound only stops a hang; tests run on shared, busy machines where a reply can take seconds.
 */
export const DEFAULT_WAIT_MS = 30_000;

const callbackSchema = z.object({ type: z.number().int(), data: z.unknown().optional() });

export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly state: FakeState,
    readonly acknowledgeTimeoutMs: number,
    private readonly tokenLifetimeMs = INTERACTION_TOKEN_LIFETIME_MS,
  ) {}

  add(record: InteractionRecord): InteractionHandle {
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    return this.handle(record);
  }

  all(): InteractionRecord[] {
    return [...this.byId.values()];
  }

  /** The live record of a webhook token, or undefined when the token is not an interaction's. */
  findByToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  /** POST /interactions/:id/:token/callback */
  callback(
    id: string,
    token: string,
    body: unknown,
    withResponse: boolean,
  ): RESTPostAPIInteractionCallbackWithResponseResult | undefined {
    const record = this.byId.get(id);
    if (!record || record.token !== token) throw unknownInteraction();
    if (record.http?.state === 'failed') throw unknownInteraction();
    if (record.callbacks.length > 0) throw alreadyAcknowledged();
    if (Date.now() - record.createdAt > this.acknowledgeTimeoutMs) throw unknownInteraction();
    const { type, data } = checkBody(callbackSchema, body);
    const allowed = allowedResponses(record);
    if (!allowed.includes(type))
      throw formError(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Invalid interaction response type for this interaction',
      );

    let message: StoredMessage | undefined;
    let stored: unknown = data;
    switch (type as InteractionResponseType) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const parsed = checkBody(messageBodySchema, data ?? {}, ['data']);
        message = this.postOriginal(record, parsed, (parsed.flags ?? 0) & MessageFlags.Ephemeral ? true : false, false);
        stored = parsed;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = z.object({ flags: z.number().int().optional() }).safeParse(data ?? {});
        const ephemeral = flags.success && ((flags.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        message = this.postOriginal(record, {}, ephemeral, true);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        message = this.state.findMessageAnywhere(record.sourceMessageId!);
        record.originalMessageId = message.message.id;
        break;
      case InteractionResponseType.UpdateMessage: {
        const parsed = checkBody(messageBodySchema, data ?? {}, ['data']);
        message = editMessage(this.state, this.state.findMessageAnywhere(record.sourceMessageId!), parsed);
        record.originalMessageId = message.message.id;
        stored = parsed;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        stored = checkBody(autocompleteResultSchema, data ?? {}, ['data']);
        break;
      case InteractionResponseType.Modal:
        stored = checkBody(modalSchema, data ?? {}, ['data']);
        break;
      default:
        break;
    }
    record.callbacks.push({ type, data: stored, at: Date.now() });
    this.state.changed();
    if (!withResponse) return undefined;
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: { id: record.id, type: record.type },
      resource: { type },
    };
    if (message) {
      result.interaction.response_message_id = message.message.id;
      result.interaction.response_message_loading = ((message.message.flags ?? 0) & MessageFlags.Loading) !== 0;
      result.interaction.response_message_ephemeral = message.ephemeral;
      result.resource!.message = messageView(message);
    }
    return result;
  }

  /** The record of an acknowledged interaction's webhook token, for @original and follow-ups. */
  webhookRecord(applicationId: string, token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record || applicationId !== this.state.applicationId || record.callbacks.length === 0) throw unknownWebhook();
    if (Date.now() - record.createdAt > this.tokenLifetimeMs) throw unknownWebhook();
    return record;
  }

  original(record: InteractionRecord): StoredMessage {
    if (!record.originalMessageId) throw unknownMessage();
    return this.state.findMessageAnywhere(record.originalMessageId);
  }

  /** A message of this interaction: the original or one of its follow-ups. */
  ownMessage(record: InteractionRecord, messageId: string): StoredMessage {
    if (messageId === '@original') return this.original(record);
    if (messageId !== record.originalMessageId && !record.followUpIds.includes(messageId)) throw unknownMessage();
    return this.state.findMessageAnywhere(messageId);
  }

  followUp(record: InteractionRecord, body: unknown): StoredMessage {
    const parsed = checkBody(messageBodySchema, body ?? {});
    // After a deferred response, the first follow-up replaces the "thinking" message, as on Discord. When the bot
    // deleted that message first, Discord posts the follow-up as a new message instead of answering 10008.
    const original = record.originalMessageId ? this.state.messageById(record.originalMessageId) : undefined;
    if (original && ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0) {
      return editMessage(this.state, original, parsed, MessageFlags.Loading);
    }
    const ephemeral = ((parsed.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const { stored } = postMessage(this.state, {
      channelId: record.channelId,
      body: parsed,
      author: this.state.botUser,
      webhookId: this.state.applicationId,
      applicationId: this.state.applicationId,
      type: MessageType.Default,
      ephemeral,
      interactionMetadata: this.metadata(record),
      // Noted before the post wakes waiters: a waitForReply() already pending must find this follow-up.
      onStored: (created) => record.followUpIds.push(created.message.id),
    });
    return stored;
  }

  private postOriginal(
    record: InteractionRecord,
    body: z.output<typeof messageBodySchema>,
    ephemeral: boolean,
    deferred: boolean,
  ): StoredMessage {
    const { stored } = postMessage(this.state, {
      channelId: record.channelId,
      body,
      author: this.state.botUser,
      webhookId: this.state.applicationId,
      applicationId: this.state.applicationId,
      type: record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      ephemeral,
      interactionMetadata: this.metadata(record),
      extraFlags: deferred ? MessageFlags.Loading : 0,
      allowEmpty: deferred,
    });
    record.originalMessageId = stored.message.id;
    return stored;
  }

  private metadata(record: InteractionRecord): APIMessageInteractionMetadata {
    const base = {
      id: record.id,
      user: this.state.user(record.userId),
      authorizing_integration_owners: { '0': record.guildId },
    };
    if (record.type === InteractionType.MessageComponent) {
      return { ...base, type: InteractionType.MessageComponent, interacted_message_id: record.sourceMessageId! };
    }
    if (record.type === InteractionType.ModalSubmit)
      return { ...base, type: InteractionType.ModalSubmit } as APIMessageInteractionMetadata;
    return { ...base, type: InteractionType.ApplicationCommand };
  }

  private handle(record: InteractionRecord): InteractionHandle {
    // The original and the follow-ups as stored now (deleted ones left out), without copying them.
    const stored = (): { original: StoredMessage | undefined; followUps: StoredMessage[] } => ({
      original: record.originalMessageId ? this.state.messageById(record.originalMessageId) : undefined,
      followUps: record.followUpIds
        .map((id) => this.state.messageById(id))
        .filter((m): m is StoredMessage => m !== undefined),
    });
    const replies = (): InteractionReplies => {
      const now = stored();
      return {
        callbacks: [...record.callbacks],
        original: now.original ? messageView(now.original) : undefined,
        followUps: now.followUps.map(messageView),
      };
    };
    return {
      id: record.id,
      token: record.token,
      payload: record.payload,
      replies,
      firstResponse: () =>
        this.state.waitFor(
          () => record.callbacks[0],
          this.acknowledgeTimeoutMs + 500,
          `the bot to acknowledge interaction ${record.id}`,
        ),
      waitForReply: (predicate = (m) => ((m.flags ?? 0) & MessageFlags.Loading) === 0, timeoutMs = DEFAULT_WAIT_MS) =>
        this.state.waitFor(
          () => {
            // Runs on every change of the fake while waiting, so only the match is copied. The predicate sees the
            // stored message as it is at this moment and the copy is taken in the same tick.
            const now = stored();
            const match = [now.original, ...now.followUps].find(
              (m): m is StoredMessage => m !== undefined && predicate(m.message),
            );
            return match ? messageView(match) : undefined;
          },
          timeoutMs,
          `a reply to interaction ${record.id}`,
        ),
    };
  }
}

/** Which callback types Discord accepts for each interaction type. */
function allowedResponses(record: InteractionRecord): number[] {
  switch (record.type) {
    case InteractionType.Ping:
      return [InteractionResponseType.Pong];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ApplicationCommand:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
      ];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ];
    case InteractionType.ModalSubmit:
      return record.sourceMessageId
        ? [
            InteractionResponseType.ChannelMessageWithSource,
            InteractionResponseType.DeferredChannelMessageWithSource,
            InteractionResponseType.DeferredMessageUpdate,
            InteractionResponseType.UpdateMessage,
          ]
        : [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource];
  }
}
