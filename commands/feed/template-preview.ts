// What /feed preview and the template modal's preview show: the post as the feed would send it — the role
// mention and the template's text, its embeds and its link button — or, for a feed without a template, the
// built-in layout. Shown privately to the admin, pinging nobody.
import type { TimeSettings, FeedTemplate, Post } from '../../src/core/index.js';
import type { ActionRow } from '../../src/discord/errors.js';
import { feedEmbeds } from '../../src/discord/feed-posting/feed-embeds.js';
import { templateBody } from '../../src/discord/feed-posting/template-body.js';
import type { Logger } from '../../src/log.js';
import type { Translate } from '../../src/i18n/i18n.js';
import type { Feed } from '../../src/storage/index.js';
import type { APIEmbed } from 'discord.js';

export function previewMessage(
  feed: Feed,
  post: Post,
  template: FeedTemplate | undefined,
  time: TimeSettings,
  log: Logger,
  /** The reader's language, for igcord's own labels (built-in rendering, link button); a template's text is the admin's. */
  t: Translate,
): { content: string; embeds: APIEmbed[]; components: ActionRow[] } {
  const drawn = templateBody({ template, time }, post, t) ?? {
    content: '',
    embeds: feedEmbeds(post, log, t) ?? [],
    components: [],
  };
  const mention = feed.mentionRoleId !== undefined ? `<@&${feed.mentionRoleId}>` : '';
  return {
    content: [mention, drawn.content].filter(Boolean).join(' '),
    embeds: drawn.embeds,
    components: drawn.components as ActionRow[],
  };
}
