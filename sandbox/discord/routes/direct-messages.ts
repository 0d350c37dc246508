// Direct messages: `POST /users/@me/channels` opens (or returns) the bot's DM channel with a user, as Discord does,
// and the bot posts there with the ordinary `POST /channels/:id/messages`. A DM channel is a channel of no guild
// (type 1) kept with the others, so messages(), waitForMessage() and the log work on it unchanged. Discord refuses
// to open one with a user who shares no server with the bot (50007, "Cannot send messages to this user").
import { ChannelType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { RestRouter } from '../rest.js';
import type { ChannelRecord, FakeState } from '../state.js';
import { DiscordFakeError, unknownUser } from '../errors.js';
import { checkBody } from '../limits.js';

const openBody = z.object({ recipient_id: z.string() });

/** The DM channel of the bot with `userId`, made on first use (one per user, kept in the fake's state). */
export function directChannelOf(state: FakeState, userId: string): ChannelRecord {
  return state.dmChannel(userId);
}

export function addDirectMessageRoutes(router: RestRouter, state: FakeState): void {
  router.add('POST', '/users/@me/channels', 'bot', ({ body }) => {
    const { recipient_id: userId } = checkBody(openBody, body ?? {});
    if (!state.users.has(userId)) throw unknownUser();
    const shares = [...state.guilds.values()].some((g) => g.members.has(userId) && g.members.has(state.botUser.id));
    if (!shares) throw new DiscordFakeError(403, 50007, 'Cannot send messages to this user');
    const channel = directChannelOf(state, userId);
    return {
      status: 200,
      body: {
        id: channel.id,
        type: ChannelType.DM,
        last_message_id: channel.lastMessageId,
        flags: 0,
        recipients: [{ ...state.user(userId) }],
      },
    };
  });
}
