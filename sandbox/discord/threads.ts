// Threads the bot creates: forum posts (a thread whose starter message shares its id, as on Discord), threads in
// text channels, threads from a message. Shared by the thread routes and webhook executions with `thread_name`.
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { APIChannel } from 'discord-api-types/v10';
import type { ChannelRecord, FakeState } from './state.js';
import { renderChannel } from './render.js';

export function createThread(
  state: FakeState,
  parent: ChannelRecord,
  input: { name: string; type?: ChannelType.PublicThread | ChannelType.PrivateThread; ownerId: string; id?: string },
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
  };
  state.channels.set(thread.id, thread);
  guild.channelIds.push(thread.id);
  const created: APIChannel & { newly_created: boolean } = { ...renderChannel(thread), newly_created: true };
  state.emit(GatewayDispatchEvents.ThreadCreate, created, { intent: GatewayIntentBits.Guilds });
  return thread;
}
