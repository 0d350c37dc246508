// Channel webhooks: create and list them (the bot needs Manage Webhooks), fetch and delete one, execute one
// with `username` / `avatar_url` (and `?wait=true` for the message, `thread_id` for a thread), and edit, fetch
// or delete a message it sent. Executing needs no bot permission — the token is the credential, as on Discord —
// but a wrong token is 401 50027 and a deleted channel takes its webhooks with it (10015).
import { createHash } from 'node:crypto';
import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  PermissionFlagsBits,
  WebhookType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter, RouteRequest, RouteResult } from '../rest.js';
import type { FakeState, WebhookRecord } from '../state.js';
import type { InteractionRegistry } from '../interactions.js';
import { checkBody, messageBodySchema, LIMITS } from '../limits.js';
import { DiscordFakeError, unknownChannel, unknownMessage, unknownWebhook } from '../errors.js';
import { deleteMessage, editMessage, messageView, postMessage } from '../messages.js';
import { randomToken } from '../ids.js';
import { isThread } from '../render.js';
import { createThread } from '../threads.js';
import { requireBotPermissions } from './guard.js';
import { interactionWebhook } from './interactions.js';

const createSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(LIMITS.webhookUsername)
    .refine((v) => !/discord|clyde/i.test(v), {
      message: 'Username cannot contain "discord"',
      params: { discordCode: 'USERNAME_INVALID_CONTAINS' },
    }),
  avatar: z.string().nullish(),
});

const WEBHOOK_CHANNELS = new Set<ChannelType>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.GuildVoice,
]);

export function addWebhookRoutes(router: RestRouter, state: FakeState, interactions: InteractionRegistry): void {
  router.add('POST', '/channels/:channelId/webhooks', 'bot', ({ params, body }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ManageWebhooks);
    if (!WEBHOOK_CHANNELS.has(channel.type))
      throw new DiscordFakeError(400, 50024, 'Cannot execute action on this channel type');
    const input = checkBody(createSchema, body);
    const token = randomToken('webhook');
    const record: WebhookRecord = {
      webhook: {
        id: state.ids.next(),
        type: WebhookType.Incoming,
        guild_id: channel.guildId,
        channel_id: channel.id,
        name: input.name,
        avatar: input.avatar ? hash(input.avatar) : null,
        token,
        application_id: state.applicationId,
        user: state.botUser,
      },
      tokenHash: sha256(token),
      channelId: channel.id,
    };
    state.webhooks.set(record.webhook.id, record);
    state.issuedTokens.webhooks.push(token);
    state.emit(
      GatewayDispatchEvents.WebhooksUpdate,
      { guild_id: channel.guildId, channel_id: channel.id },
      { intent: GatewayIntentBits.GuildWebhooks },
    );
    return { status: 200, body: record.webhook };
  });

  router.add('GET', '/channels/:channelId/webhooks', 'bot', ({ params }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ManageWebhooks);
    return {
      status: 200,
      body: [...state.webhooks.values()].filter((w) => w.channelId === channel.id).map((w) => w.webhook),
    };
  });

  router.add('GET', '/webhooks/:id', 'bot', ({ params }) => {
    const record = botWebhook(state, params.id!);
    return { status: 200, body: record.webhook };
  });

  router.add('DELETE', '/webhooks/:id', 'bot', ({ params }) => {
    const record = botWebhook(state, params.id!);
    state.webhooks.delete(record.webhook.id);
    return { status: 204 };
  });

  const byToken =
    (handler: (request: RouteRequest, record: WebhookRecord) => RouteResult, messageId?: (r: RouteRequest) => string) =>
    (request: RouteRequest): RouteResult | Promise<RouteResult> => {
      const interaction = interactions.findByToken(request.params.token!);
      // An interaction sent to the Interactions Endpoint URL is acknowledged when its HTTP answer is read; a bot that
      // edits or follows up the moment it has answered can be here first, so its request waits for that answer.
      if (interaction?.http?.state === 'pending') {
        return interaction.http.settled.then(() =>
          interactionWebhook(state, interactions, request, messageId?.(request)),
        );
      }
      if (interaction) return interactionWebhook(state, interactions, request, messageId?.(request));
      return handler(request, tokenWebhook(state, request.params.id!, request.params.token!));
    };

  router.add(
    'GET',
    '/webhooks/:id/:token',
    'none',
    byToken((_request, record) => {
      const { user: _user, ...withoutUser } = record.webhook;
      return { status: 200, body: withoutUser };
    }),
  );

  router.add(
    'POST',
    '/webhooks/:id/:token',
    'none',
    byToken((request, record) => execute(state, request, record)),
  );

  for (const method of ['GET', 'PATCH', 'DELETE']) {
    router.add(
      method,
      '/webhooks/:id/:token/messages/:messageId',
      'none',
      byToken(
        (request, record) => webhookMessage(state, request, record),
        (r) => r.params.messageId!,
      ),
    );
  }
}

function execute(state: FakeState, request: RouteRequest, record: WebhookRecord): RouteResult {
  const body = checkBody(messageBodySchema, request.body ?? {});
  let channelId = record.channelId;
  let forumPostId: string | undefined;
  const threadId = request.query.get('thread_id');
  if (threadId) {
    const thread = state.channels.get(threadId);
    if (!thread || !isThread(thread) || thread.parentId !== channelId) throw unknownChannel();
    channelId = thread.id;
  } else if (state.channel(channelId).type === ChannelType.GuildForum) {
    const threadName = (request.body as { thread_name?: unknown } | undefined)?.thread_name;
    if (typeof threadName !== 'string' || threadName.length === 0 || threadName.length > 100) {
      throw new DiscordFakeError(400, 220001, 'Webhooks posted to forum channels must have a thread_name or thread_id');
    }
    // A forum post: the thread and its starter message share an id.
    const thread = createThread(state, state.channel(channelId), { name: threadName, ownerId: record.webhook.id });
    channelId = thread.id;
    forumPostId = thread.id;
  }
  const username = body.username ?? record.webhook.name ?? 'Captain Hook';
  const { stored } = postMessage(state, {
    channelId,
    body,
    author: {
      id: record.webhook.id,
      username,
      discriminator: '0000',
      global_name: null,
      avatar: body.avatar_url ? hash(body.avatar_url) : record.webhook.avatar,
      bot: true,
    },
    webhookId: record.webhook.id,
    applicationId: state.applicationId,
    ...(forumPostId ? { id: forumPostId } : {}),
    ...(body.avatar_url ? { avatarUrl: body.avatar_url } : {}),
  });
  return request.query.get('wait') === 'true' ? { status: 200, body: messageView(stored) } : { status: 204 };
}

function webhookMessage(state: FakeState, request: RouteRequest, record: WebhookRecord): RouteResult {
  const channelId = request.query.get('thread_id') ?? record.channelId;
  const stored = state.findMessage(channelId, request.params.messageId!);
  if (stored.message.webhook_id !== record.webhook.id) throw unknownMessage();
  if (request.method === 'GET') return { status: 200, body: messageView(stored) };
  if (request.method === 'DELETE') {
    deleteMessage(state, channelId, stored.message.id);
    return { status: 204 };
  }
  return {
    status: 200,
    body: messageView(editMessage(state, stored, checkBody(messageBodySchema, request.body ?? {}))),
  };
}

function botWebhook(state: FakeState, id: string): WebhookRecord {
  const record = state.webhooks.get(id);
  if (!record) throw unknownWebhook();
  requireBotPermissions(state, record.channelId, PermissionFlagsBits.ManageWebhooks);
  return record;
}

function tokenWebhook(state: FakeState, id: string, token: string): WebhookRecord {
  const record = state.webhooks.get(id);
  if (!record) throw unknownWebhook();
  if (record.tokenHash !== sha256(token)) throw new DiscordFakeError(401, 50027, 'Invalid Webhook Token');
  return record;
}

/** How a webhook's token is kept: its hash, so a snapshot of the world holds no token that works. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

// Discord stores an uploaded or linked avatar and answers with a hash of it.
function hash(value: string): string {
  return createHash('md5').update(value).digest('hex');
}
