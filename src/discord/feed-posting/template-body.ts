// A feed post's template part, for the poster and for /feed preview alike: the feed's template drawn for the
// post in its server's time settings, its text leaving room for the role mention that post-content.ts puts first.
// Undefined for a feed without a template (the built-in rendering, feed-embeds.ts). `t` speaks the server's language.
import type { Post, PostTarget } from '../../core/index.js';
import type { Translate } from '../../i18n/i18n.js';
import { DEFAULT_TIME_SETTINGS } from './placeholders.js';
import { MENTION_ROOM } from './template-check.js';
import { CONTENT_LIMIT, renderTemplate, type RenderedTemplate } from './template-render.js';

export function templateBody(
  target: Pick<PostTarget, 'template' | 'time'>,
  media: Post,
  t: Translate,
): RenderedTemplate | undefined {
  if (target.template === undefined) return undefined;
  const time = target.time ?? DEFAULT_TIME_SETTINGS;
  return renderTemplate(target.template, media, time, t, CONTENT_LIMIT - MENTION_ROOM);
}
