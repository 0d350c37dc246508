// Thread routes: `POST /channels/:id/threads` — a forum post (name + starter message, up to 5 of the forum's tags;
// needs Send Messages, and Embed Links for embeds) or a thread in a text channel (Create Public/Private Threads) —
// `POST /channels/:id/messages/:mid/threads` (a thread from a message, sharing its id), the guild's active threads
// (`GET /guilds/:id/threads/active`), a channel's public archived threads (`GET /channels/:id/threads/archived/
// public`, newest archived first, Read Message History) and `PATCH /channels/:thread` for `archived` / `locked`
// (https://discord.com/developers/docs/resources/channel#modify-channel-json-params-thread: unarchiving an
// unlocked thread needs only Send Messages; a locked one, or locking, needs Manage Threads). igcord feeds that
// post into forum channels and threads go through here.
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter } from '../rest.js';
import type { ChannelRecord, FakeState } from '../state.js';
import { checkBody, messageBodySchema } from '../limits.js';
import { DiscordFakeError, formError, missingPermissions } from '../errors.js';
import { messageView, postMessage } from '../messages.js';
import { isThread, renderChannel } from '../render.js';
import { createThread, setThreadState } from '../threads.js';
import { requireBotPermissions } from './guard.js';

const threadSchema = z.looseObject({
  name: z.string().min(1).max(100),
  type: z.union([z.literal(ChannelType.PublicThread), z.literal(ChannelType.PrivateThread)]).optional(),
  message: z.unknown().optional(),
  auto_archive_duration: z.union([z.literal(60), z.literal(1440), z.literal(4320), z.literal(10080)]).nullish(),
  applied_tags: z.array(z.string()).max(5).nullish(),
});

const threadEditSchema = z.looseObject({ archived: z.boolean().optional(), locked: z.boolean().optional() });

const archivedQuery = z.object({ limit: z.coerce.number().int().min(2).max(100).default(50) });

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
      const tags = input.applied_tags ?? [];
      const known = new Set((parent.availableTags ?? []).map((t) => t.id));
      const unknown = tags.findIndex((t) => !known.has(t));
      if (unknown >= 0) throw formError(['applied_tags', unknown], 'TAG_INVALID', 'Invalid tag');
      if (parent.requireTag === true && tags.length === 0)
        throw new DiscordFakeError(400, 40067, 'A tag is required to create a forum post in this channel');
      const thread = createThread(state, parent, {
        name: input.name,
        ownerId: state.botUser.id,
        appliedTags: [...new Set(tags)],
      });
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

  router.add('GET', '/guilds/:guildId/threads/active', 'bot', ({ params }) => {
    const guild = state.guild(params.guildId!);
    const visible = (c: ChannelRecord) =>
      (state.permissionsIn(c.id, state.botUser.id) & PermissionFlagsBits.ViewChannel) !== 0n;
    const threads = guild.channelIds
      .map((id) => state.channel(id))
      .filter((c) => isThread(c) && c.archived !== true && visible(c));
    return { status: 200, body: { threads: threads.map(renderChannel), members: [] } };
  });

  router.add('GET', '/channels/:channelId/threads/archived/public', 'bot', ({ params, query }) => {
    const parent = state.channel(params.channelId!);
    requireBotPermissions(state, parent.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory);
    const parsed = archivedQuery.safeParse(Object.fromEntries(query));
    if (!parsed.success)
      throw formError(['limit'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 100.');
    const archived = [...state.channels.values()]
      .filter((c) => c.parentId === parent.id && c.type === ChannelType.PublicThread && c.archived === true)
      .sort((a, b) => (b.archivedAt ?? '').localeCompare(a.archivedAt ?? ''));
    const page = archived.slice(0, parsed.data.limit);
    return {
      status: 200,
      body: { threads: page.map(renderChannel), members: [], has_more: archived.length > page.length },
    };
  });

  router.add('PATCH', '/channels/:channelId', 'bot', ({ params, body }) => {
    const channel = state.channel(params.channelId!);
    if (!isThread(channel)) throw new DiscordFakeError(400, 0, 'the igcord Discord fake edits threads only');
    const edit = checkBody(threadEditSchema, body ?? {});
    requireBotPermissions(state, channel.id, PermissionFlagsBits.ViewChannel);
    const granted = state.permissionsIn(channel.id, state.botUser.id);
    const manages = (granted & PermissionFlagsBits.ManageThreads) !== 0n;
    const reopening = edit.archived === false && channel.archived === true;
    const needsManage = edit.locked !== undefined || edit.archived === true || (reopening && channel.locked === true);
    if (needsManage && !manages) throw missingPermissions();
    if (reopening && !manages && (granted & PermissionFlagsBits.SendMessagesInThreads) === 0n)
      throw missingPermissions();
    setThreadState(state, channel, edit);
    return { status: 200, body: renderChannel(channel) };
  });
}
