// Threads the bot creates: forum posts (a thread whose starter message shares its id, as on Discord), threads in
// text channels, threads from a message. Shared by the thread routes and webhook executions with `thread_name`.
// Also a thread's archive state as Discord documents it (https://discord.com/developers/docs/topics/threads):
// sending in an archived thread that is not locked unarchives it; a locked one is reopened only by a member with
// Manage Threads, and nobody sends in it while it stays archived.
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIChannel } from 'discord-api-types/v10';
import type { ChannelRecord, FakeState } from './state.js';
import { renderChannel } from './render.js';
import { DiscordFakeError } from './errors.js';

export function createThread(
  state: FakeState,
  parent: ChannelRecord,
  input: {
    name: string;
    type?: ChannelType.PublicThread | ChannelType.PrivateThread;
    ownerId: string;
    id?: string;
    appliedTags?: string[];
  },
): ChannelRecord {
  const guild = state.guild(parent.guildId);
  const thread: ChannelRecord = {
    id: input.id ?? state.ids.next(),
    guildId: guild.id,
    type: input.type ?? ChannelType.PublicThread,
    name: input.name,
    position: 0,
    topic: null,
    parentId: parent.id,
    ownerId: input.ownerId,
    overwrites: [],
    lastMessageId: null,
    ...(input.appliedTags === undefined ? {} : { appliedTags: [...input.appliedTags] }),
  };
  state.channels.set(thread.id, thread);
  guild.channelIds.push(thread.id);
  const created: APIChannel & { newly_created: boolean } = { ...renderChannel(thread), newly_created: true };
  state.emit(GatewayDispatchEvents.ThreadCreate, created, { intent: GatewayIntentBits.Guilds });
  return thread;
}

/** Sets a thread's archived/locked flags and tells the gateway (THREAD_UPDATE), as Discord does. */
export function setThreadState(
  state: FakeState,
  thread: ChannelRecord,
  change: { archived?: boolean | undefined; locked?: boolean | undefined },
): void {
  if (change.archived !== undefined && change.archived !== (thread.archived ?? false)) {
    thread.archived = change.archived;
    thread.archivedAt = new Date().toISOString();
  }
  if (change.locked !== undefined) thread.locked = change.locked;
  state.emit(GatewayDispatchEvents.ThreadUpdate, renderChannel(thread), { intent: GatewayIntentBits.Guilds });
  state.changed();
}

export const archivedThread = () =>
  new DiscordFakeError(400, 50083, 'Operation cannot be performed on an archived thread');
export const lockedThread = () => new DiscordFakeError(403, 160005, 'Thread is locked');

/**
 * Before a member sends in a thread: an archived thread that is not locked is unarchived by the send; an archived
 * locked one refuses it (50083); a locked one refuses a member without Manage Threads (160005).
 */
export function beforeSendInThread(state: FakeState, thread: ChannelRecord, userId: string): void {
  const manages = (state.permissionsIn(thread.id, userId) & PermissionFlagsBits.ManageThreads) !== 0n;
  if (thread.archived === true) {
    if (thread.locked === true) throw archivedThread();
    setThreadState(state, thread, { archived: false });
    return;
  }
  if (thread.locked === true && !manages) throw lockedThread();
}
