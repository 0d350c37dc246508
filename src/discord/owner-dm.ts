// Core's OwnerNotices over Discord direct messages: open (or reuse) the bot's DM channel with the owner, then post
// the notice, with the Re-link button the /instagram command answers (`instagram:link`) when asked.
import { Routes, type APIChannel, type REST } from 'discord.js';
import type { OwnerNotices } from '../core/index.js';
import { linkButtonRow } from './errors.js';

export function createOwnerDms(rest: Pick<REST, 'post'>): OwnerNotices {
  return {
    async send(discordUserId, notice) {
      const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: discordUserId } })) as APIChannel;
      await rest.post(Routes.channelMessages(channel.id), {
        body: {
          content: notice.content,
          allowed_mentions: { parse: [] },
          components: notice.relink ? [linkButtonRow('Re-link Instagram')] : [],
        },
      });
    },
  };
}
