// Whether a feed template may be saved (docs/decisions/0026): every placeholder known, and every part within
// Discord's limits even when each placeholder stands for its longest possible text (PLACEHOLDERS: a 2,200-character
// caption, a 30-character username…), so no post can ever make the template's message too long for Discord. The
// answer is the list of reasons, in words an admin can act on; empty means it may be saved.
import type { FeedTemplate, TemplateTextField } from '../../core/index.js';
import { PLACEHOLDERS, PLACEHOLDER_NAMES, TEMPLATE_TEXT_FIELDS } from './placeholders.js';
import { EMBED_LIMITS } from '../embeds/limits.js';
import { CONTENT_LIMIT, PLACEHOLDER_PATTERN, substitute } from './template-render.js';

/** Room left in a message's text by the feed's role mention, `<@&id> ` with the longest snowflake. */
export const MENTION_ROOM = '<@&12345678901234567890> '.length;

const LIMITS: Record<TemplateTextField, number> = {
  content: CONTENT_LIMIT - MENTION_ROOM,
  title: EMBED_LIMITS.title,
  description: EMBED_LIMITS.description,
  author: EMBED_LIMITS.authorName,
  footer: EMBED_LIMITS.footerText,
};

const LABELS: Record<TemplateTextField, string> = {
  content: 'message text',
  title: 'title',
  description: 'description',
  author: 'author',
  footer: 'footer',
};

export const knownPlaceholders = () => PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ');

/** The longest each part can become, every placeholder at its longest. */
export function longestLength(text: string): number {
  return substitute(text, (name) => 'x'.repeat(PLACEHOLDERS[name])).trim().length;
}

/** Why `template` cannot be saved; empty when it can. */
export function checkTemplate(template: FeedTemplate): string[] {
  const problems: string[] = [];
  for (const field of TEMPLATE_TEXT_FIELDS) {
    const text = template[field];
    const unknown = [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS));
    for (const name of new Set(unknown))
      problems.push(
        `Unknown placeholder \`{${name}}\` in the ${LABELS[field]}. Known placeholders: ${knownPlaceholders()}.`,
      );
    const longest = longestLength(text);
    if (longest > LIMITS[field])
      problems.push(
        `The ${LABELS[field]} can reach ${longest} characters with the longest possible post (Discord allows ${LIMITS[field]}).`,
      );
  }
  const embedTotal = (['title', 'description', 'author', 'footer'] as const).reduce(
    (sum, f) => sum + Math.min(longestLength(template[f]), LIMITS[f]),
    0,
  );
  if (embedTotal > EMBED_LIMITS.total)
    problems.push(
      `Title, description, author and footer together can reach ${embedTotal} characters with the longest possible post (Discord allows ${EMBED_LIMITS.total} in all).`,
    );
  const empty = TEMPLATE_TEXT_FIELDS.every((f) => template[f].trim() === '') && template.image === 'none';
  if (empty) problems.push('The template shows nothing: fill in at least one part or show an image.');
  return problems;
}
