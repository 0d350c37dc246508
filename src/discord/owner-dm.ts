// Core's OwnerNotices over Discord direct messages: open (or reuse) the bot's DM channel with the owner, then post
// the notice worded in the owner's language (their latest interaction's, else their server's, else English:
// reader-locale.ts), with the Re-link button the /instagram command answers (`instagram:link`).
import { Routes, type APIChannel, type REST } from 'discord.js';
import type { OwnerNotices } from '../core/index.js';
import { createTranslations, type Translations } from '../i18n/i18n.js';
import { linkButtonRow } from './errors.js';
import { ownerNoticeText } from './notice-text.js';
import type { ReaderLocale } from './reader-locale.js';

export interface OwnerDmsOptions {
  /** The owner's language; English when absent. */
  readerLocale?: ReaderLocale | undefined;
  /** The catalogues; built here when not given. */
  translations?: Translations | undefined;
}

export function createOwnerDms(rest: Pick<REST, 'post'>, options: OwnerDmsOptions = {}): OwnerNotices {
  const translations = options.translations ?? createTranslations();
  return {
    async send(discordUserId, notice) {
      const locale = await options.readerLocale?.(discordUserId, notice.guildId);
      const t = translations.forLocale(locale);
      const button = t('buttons.relinkInstagram');
      const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: discordUserId } })) as APIChannel;
      await rest.post(Routes.channelMessages(channel.id), {
        body: {
          content: ownerNoticeText(notice, t, button),
          allowed_mentions: { parse: [] },
          components: [linkButtonRow(button)],
        },
      });
    },
  };
}
