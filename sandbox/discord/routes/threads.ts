// Thread routes: `POST /channels/:id/threads` — a forum post (name + starter message; needs Send Messages, and
// Embed Links for embeds) or a thread in a text channel (Create Public/Private Threads) — and
// `POST /channels/:id/messages/:mid/threads` (a thread from a message, sharing its id). igcord feeds that post
// into forum channels go through here.
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter } from '../rest.js';
import type { FakeState } from '../state.js';
import { checkBody, messageBodySchema } from '../limits.js';
import { DiscordFakeError } from '../errors.js';
import { messageView, postMessage } from '../messages.js';
import { renderChannel } from '../render.js';
import { createThread } from '../threads.js';
import { requireBotPermissions } from './guard.js';

const threadSchema = z.looseObject({
  name: z.string().min(1).max(100),
  type: z.union([z.literal(ChannelType.PublicThread), z.literal(ChannelType.PrivateThread)]).optional(),
  message: z.unknown().optional(),
  auto_archive_duration: z.union([z.literal(60), z.literal(1440), z.literal(4320), z.literal(10080)]).nullish(),
  applied_tags: z.array(z.string()).max(5).nullish(),
});

export function addThreadRoutes(router: RestRouter, state: FakeState): void {
  router.add('POST', '/channels/:channelId/threads', 'bot', ({ params, body }) => {
    const parent = state.channel(params.channelId!);
    const input = checkBody(threadSchema, body ?? {});
    if (parent.type === ChannelType.GuildForum) {
      requireBotPermissions(state, parent.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
      if (input.message === undefined)
        throw new DiscordFakeError(400, 50035, 'Invalid Form Body', {
          message: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
        });
      const message = checkBody(messageBodySchema, input.message, ['message']);
      if ((message.embeds ?? []).length > 0) requireBotPermissions(state, parent.id, PermissionFlagsBits.EmbedLinks);
      const thread = createThread(state, parent, { name: input.name, ownerId: state.botUser.id });
      const { stored } = postMessage(state, {
        channelId: thread.id,
        body: message,
        author: state.botUser,
        id: thread.id,
      });
      return { status: 201, body: { ...renderChannel(thread), message: messageView(stored) } };
    }
    if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
      throw new DiscordFakeError(400, 50024, 'Cannot execute action on this channel type');
    }
    const type = input.type ?? ChannelType.PrivateThread;
    requireBotPermissions(
      state,
      parent.id,
      type === ChannelType.PrivateThread
        ? PermissionFlagsBits.CreatePrivateThreads
        : PermissionFlagsBits.CreatePublicThreads,
    );
    const thread = createThread(state, parent, { name: input.name, type, ownerId: state.botUser.id });
    return { status: 201, body: renderChannel(thread) };
  });

  router.add('POST', '/channels/:channelId/messages/:messageId/threads', 'bot', ({ params, body }) => {
    const parent = state.channel(params.channelId!);
    const input = checkBody(threadSchema, body ?? {});
    requireBotPermissions(state, parent.id, PermissionFlagsBits.CreatePublicThreads);
    const message = state.findMessage(parent.id, params.messageId!);
    if (state.channels.has(message.message.id))
      throw new DiscordFakeError(400, 160004, 'A thread has already been created for this message');
    const thread = createThread(state, parent, { name: input.name, ownerId: state.botUser.id, id: message.message.id });
    return { status: 201, body: renderChannel(thread) };
  });
}
