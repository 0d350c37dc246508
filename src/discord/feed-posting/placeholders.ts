// The placeholders a feed template (src/core/feed-template.ts) may use and the longest text each can stand for
// once substituted (defused and cut to fit): a template is checked against Discord's limits with each at this
// length (template-check.ts), and the renderer (template-render.ts) never lets a value run longer. Instagram's own
// limits where it has them (caption 2,200 characters, username 30).
import type { TemplateTextField, TimeSettings } from '../../core/index.js';

export const PLACEHOLDERS = {
  author: 31, // "@" + username (30)
  author_name: 64,
  caption: 2200,
  // A line for titles: cut to 200 so that it fits one (256).
  caption_first_line: 200,
  permalink: 200,
  kind: 8,
  tags: 2200,
  location: 200,
  time: 80,
  likes: 15,
  comments: 15,
} as const satisfies Record<string, number>;
export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

export const TEMPLATE_TEXT_FIELDS: readonly TemplateTextField[] = [
  'content',
  'title',
  'description',
  'author',
  'footer',
];

/** A server that chose nothing sees times in UTC. */
export const DEFAULT_TIME_SETTINGS: TimeSettings = { timeZone: 'UTC', format: 'medium' };
