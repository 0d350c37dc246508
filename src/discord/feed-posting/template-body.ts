// A feed post's template part, for the poster and for /feed preview alike: the feed's template drawn for the
// post in its server's time settings, its text leaving room for the role mention that post-content.ts puts first.
// Undefined for a feed without a template (the built-in rendering, feed-embeds.ts).
import type { Post, PostTarget } from '../../core/index.js';
import { DEFAULT_TIME_SETTINGS } from './placeholders.js';
import { MENTION_ROOM } from './template-check.js';
import { CONTENT_LIMIT, renderTemplate, type RenderedTemplate } from './template-render.js';

export function templateBody(target: Pick<PostTarget, 'template' | 'time'>, media: Post): RenderedTemplate | undefined {
  if (target.template === undefined) return undefined;
  return renderTemplate(target.template, media, target.time ?? DEFAULT_TIME_SETTINGS, CONTENT_LIMIT - MENTION_ROOM);
}
