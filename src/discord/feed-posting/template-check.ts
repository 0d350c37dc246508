// Whether a feed template may be saved (docs/decisions/0026): every placeholder known, and every part within
// Discord's limits even when each placeholder stands for its longest possible text (PLACEHOLDERS: a 2,200-character
// caption, a 30-character username…), so no post can ever make the template's message too long for Discord. The
// answer is the list of reasons, as catalogue keys and values (`feedCraft.problem`) worded in the reader's language
// by problemText; empty means it may be saved.
import type { FeedTemplate, TemplateTextField } from '../../core/index.js';
import { text, type Text, type Translate } from '../../i18n/i18n.js';
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

/** A reason a template cannot be saved, and the part of it the reason names (worded in the reader's language). */
export interface TemplateProblem extends Text {
  part?: { field: TemplateTextField; as: 'partIn' | 'partSubject' } | undefined;
}

/** A problem in the reader's words: the part's name is the catalogue's (`the title`, `el título`). */
export function problemText(problem: TemplateProblem, t: Translate): string {
  if (problem.part === undefined) return t(problem.key, problem.vars);
  return t(problem.key, { ...problem.vars, part: t(`feedCraft.${problem.part.as}.${problem.part.field}`) });
}

export const knownPlaceholders = () => PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ');

/** The longest each part can become, every placeholder at its longest. */
export function longestLength(text: string): number {
  return substitute(text, (name) => 'x'.repeat(PLACEHOLDERS[name])).trim().length;
}

/** Why `template` cannot be saved; empty when it can. */
export function checkTemplate(template: FeedTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of TEMPLATE_TEXT_FIELDS) {
    const typed = template[field];
    const unknown = [...typed.matchAll(PLACEHOLDER_PATTERN)]
      .map((m) => m[1]!)
      .filter((name) => !(name in PLACEHOLDERS));
    for (const name of new Set(unknown))
      problems.push({
        ...text('feedCraft.problem.unknownPlaceholder', { placeholder: `{${name}}`, known: knownPlaceholders() }),
        part: { field, as: 'partIn' },
      });
    const longest = longestLength(typed);
    if (longest > LIMITS[field])
      problems.push({
        ...text('feedCraft.problem.tooLong', { length: longest, limit: LIMITS[field] }),
        part: { field, as: 'partSubject' },
      });
  }
  const embedTotal = (['title', 'description', 'author', 'footer'] as const).reduce(
    (sum, f) => sum + Math.min(longestLength(template[f]), LIMITS[f]),
    0,
  );
  if (embedTotal > EMBED_LIMITS.total)
    problems.push(text('feedCraft.problem.embedTooLong', { length: embedTotal, limit: EMBED_LIMITS.total }));
  const empty = TEMPLATE_TEXT_FIELDS.every((f) => template[f].trim() === '') && template.image === 'none';
  if (empty) problems.push(text('feedCraft.problem.empty'));
  return problems;
}
