// Channel routes: fetch a channel, create/list/fetch/edit/delete its messages, typing. Each checks that the
// channel exists (10003), the bot's permissions there (50001/50013), Discord's body limits (50035) and the
// message rules (50005 editing another's message, 50006 empty, 50008 non-text channel) in Discord's words.
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter } from '../rest.js';
import type { FakeState } from '../state.js';
import { checkBody, messageBodySchema } from '../limits.js';
import { cannotEditOthersMessage, missingPermissions, nonTextChannel, formError, unknownMessage } from '../errors.js';
import { deleteMessage, editMessage, messageView, postMessage } from '../messages.js';
import { renderChannel, isThread } from '../render.js';
import { requireBotPermissions } from './guard.js';
import { beforeSendInThread } from '../threads.js';

const TEXT_CAPABLE = new Set<ChannelType>([
  ChannelType.DM,
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildVoice,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
  ChannelType.DM,
]);

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.string().optional(),
  after: z.string().optional(),
});

export function addChannelRoutes(router: RestRouter, state: FakeState): void {
  router.add('GET', '/channels/:channelId', 'bot', ({ params }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel);
    return { status: 200, body: renderChannel(channel) };
  });

  router.add('POST', '/channels/:channelId/typing', 'bot', ({ params }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, sendPermission(isThread(channel)));
    return { status: 204 };
  });

  router.add('GET', '/channels/:channelId/messages', 'bot', ({ params, query }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory);
    const parsed = listQuery.safeParse(Object.fromEntries(query));
    if (!parsed.success)
      throw formError(['limit'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 100.');
    const { limit, before, after } = parsed.data;
    const visible = state
      .channelMessages(channel.id)
      .filter((m) => !m.ephemeral)
      .filter((m) => (before ? BigInt(m.message.id) < BigInt(before) : true))
      .filter((m) => (after ? BigInt(m.message.id) > BigInt(after) : true));
    // Newest first, as Discord lists them.
    const page = (after ? visible.slice(0, limit) : visible.slice(-limit)).reverse();
    return { status: 200, body: page.map(messageView) };
  });

  router.add('GET', '/channels/:channelId/messages/:messageId', 'bot', ({ params }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory);
    const stored = state.findMessage(channel.id, params.messageId!);
    if (stored.ephemeral) throw unknownMessage();
    return { status: 200, body: messageView(stored) };
  });

  router.add('POST', '/channels/:channelId/messages', 'bot', ({ params, body }) => {
    const channel = state.channel(params.channelId!);
    if (!TEXT_CAPABLE.has(channel.type)) throw nonTextChannel();
    // A DM channel (routes/direct-messages.ts) belongs to no guild: no permission applies there.
    const inGuild = channel.type !== ChannelType.DM;
    if (inGuild) requireBotPermissions(state, channel.id, sendPermission(isThread(channel)));
    const message = checkBody(messageBodySchema, body ?? {});
    if (inGuild && (message.embeds ?? []).length > 0)
      requireBotPermissions(state, channel.id, PermissionFlagsBits.EmbedLinks);
    // Sending in an archived thread unarchives it, unless it is locked (threads.ts).
    if (isThread(channel)) beforeSendInThread(state, channel, state.botUser.id);
    const { stored, created } = postMessage(state, { channelId: channel.id, body: message, author: state.botUser });
    // A nonce dedupe answers with the earlier message, as Discord does; the header only helps a reader of logs.
    const headers: Record<string, string> = created ? {} : { 'x-discord-fake-nonce-dedupe': 'true' };
    return { status: 200, body: messageView(stored), headers };
  });

  router.add('PATCH', '/channels/:channelId/messages/:messageId', 'bot', ({ params, body }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel);
    const stored = state.findMessage(channel.id, params.messageId!);
    if (stored.message.author.id !== state.botUser.id || stored.message.webhook_id !== undefined)
      throw cannotEditOthersMessage();
    const edit = checkBody(messageBodySchema, body ?? {});
    if ((edit.embeds ?? []).length > 0) requireBotPermissions(state, channel.id, PermissionFlagsBits.EmbedLinks);
    return { status: 200, body: messageView(editMessage(state, stored, edit)) };
  });

  router.add('DELETE', '/channels/:channelId/messages/:messageId', 'bot', ({ params }) => {
    const channel = state.channel(params.channelId!);
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel);
    const stored = state.findMessage(channel.id, params.messageId!);
    const own = stored.message.author.id === state.botUser.id && stored.message.webhook_id === undefined;
    if (!own && (state.permissionsIn(channel.id, state.botUser.id) & PermissionFlagsBits.ManageMessages) === 0n)
      throw missingPermissions();
    deleteMessage(state, channel.id, stored.message.id);
    return { status: 204 };
  });
}

function sendPermission(thread: boolean): bigint {
  return (
    PermissionFlagsBits.ViewChannel |
    (thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages)
  );
}
