// A feed's filters: include and exclude rules by hashtag, keyword, regular expression (over the caption and the
// location name), post kind and author, read from what an admin typed and decided for each post before it is
// posted. A post passes when, for every field that has include rules, it matches at least one of them, and it
// matches no exclude rule (docs/decisions/0025). Regular expressions run on re2js, a linear-time engine without
// backtracking, so no pattern an admin types can stall a delivery run; the pattern and the text it reads are
// bounded too.
import { RE2JS } from 're2js';
import { z } from 'zod';
import { TAG_NAME_MAX, TAG_NAME_PATTERN, bareTag } from '../util/tag-name-pattern.js';
import { postKindSchema, type Post } from './post.js';
import type { FeedSource } from './source.js';

export const FILTER_MODES = ['include', 'exclude'] as const;
export const FILTER_FIELDS = ['hashtag', 'keyword', 'regex', 'kind', 'author'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The longest regular expression (and keyword) an admin may save. */
export const MAX_PATTERN_LENGTH = 200;
/** Rules per feed: enough for any sensible filter, few enough to list in one reply. */
export const MAX_FILTER_RULES = 20;
/**
 * How much of a post's text (caption, newline, location name) the keyword and regex rules read. Instagram captions
 * stop at 2,200 characters, so a real post is always read whole; this only bounds a provider's odd answer.
 */
export const MAX_MATCHED_TEXT = 16_384;

export const filterRuleSchema = z.object({
  mode: z.enum(FILTER_MODES),
  field: z.enum(FILTER_FIELDS),
  value: z.string().min(1).max(MAX_PATTERN_LENGTH),
});
export type FilterRule = z.output<typeof filterRuleSchema>;

const USERNAME = /^[a-z0-9._]{1,30}$/;

/**
 * Why a typed rule is refused, as data: the command layer words it in the reader's language (core keeps no
 * language). `error` is re2js's own wording of a bad pattern, passed through as it came.
 */
export type FilterRefusal =
  | { reason: 'empty' }
  | { reason: 'hashtag'; typed: string; max: number }
  | { reason: 'keyword-length'; max: number }
  | { reason: 'regex-length'; max: number }
  | { reason: 'regex'; error: string }
  | { reason: 'kind'; kinds: string }
  | { reason: 'author-on-account' }
  | { reason: 'username'; typed: string };

/** A rule read from what an admin typed, or why it is refused (nothing is saved then). */
export function parseFilterRule(
  input: { mode: FilterMode; field: FilterField; value: string },
  sourceKind: FeedSource['kind'],
): { rule: FilterRule } | { refused: FilterRefusal } {
  const { mode, field } = input;
  const typed = input.value.trim();
  if (typed === '') return { refused: { reason: 'empty' } };
  const ok = (value: string) => ({ rule: { mode, field, value } });
  switch (field) {
    case 'hashtag': {
      const tag = bareTag(typed).toLowerCase();
      if (tag.length > TAG_NAME_MAX || !TAG_NAME_PATTERN.test(tag))
        return { refused: { reason: 'hashtag', typed, max: TAG_NAME_MAX } };
      return ok(tag);
    }
    case 'keyword':
      if (typed.length > MAX_PATTERN_LENGTH) return { refused: { reason: 'keyword-length', max: MAX_PATTERN_LENGTH } };
      return ok(typed);
    case 'regex': {
      if (typed.length > MAX_PATTERN_LENGTH) return { refused: { reason: 'regex-length', max: MAX_PATTERN_LENGTH } };
      const compiled = compile(typed);
      return 'error' in compiled ? { refused: { reason: 'regex', error: compiled.error } } : ok(typed);
    }
    case 'kind': {
      const kind = postKindSchema.safeParse(typed.toLowerCase());
      if (!kind.success) return { refused: { reason: 'kind', kinds: postKindSchema.options.join(', ') } };
      return ok(kind.data);
    }
    case 'author': {
      if (sourceKind === 'account') return { refused: { reason: 'author-on-account' } };
      const name = typed.replace(/^@/, '').toLowerCase();
      if (!USERNAME.test(name)) return { refused: { reason: 'username', typed } };
      return ok(name);
    }
  }
}

function compile(pattern: string): { re: RE2JS } | { error: string } {
  try {
    return { re: RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE) };
  } catch (error) {
    return { error: error instanceof Error ? error.message.slice(0, 300) : 'it does not compile' };
  }
}

/** A rule's value as the rule shows it: `#sunset`, `"storm"`, `/a|b/`, `@name`, `reel`. */
export function shownValue(rule: FilterRule): string {
  switch (rule.field) {
    case 'hashtag':
      return `#${rule.value}`;
    case 'keyword':
      return `"${rule.value}"`;
    case 'regex':
      return `/${rule.value}/`;
    case 'author':
      return `@${rule.value}`;
    case 'kind':
      return rule.value;
  }
}

/**
 * `include hashtag #sunset`, `exclude keyword "storm"`, `exclude regex /a|b/`: a rule in igcord's own notation,
 * the words a filtered delivery record keeps (parseRuleWords reads them back to word them in a language).
 */
export function describeRule(rule: FilterRule): string {
  return `${rule.mode} ${rule.field} ${shownValue(rule)}`;
}

/** What a filtered record keeps when no include rule of a field matched: `include hashtag rules (none matched)`. */
export const noneMatchedWords = (field: FilterField) => `include ${field} rules (none matched)`;

/** What held a post back, read from a record's words: one rule, or a field whose include rules all missed. */
export type RuleWords = { rule: FilterRule } | { noneMatched: FilterField };

const NONE_MATCHED = /^include ([a-z]+) rules \(none matched\)$/;
const RULE_WORDS = /^(include|exclude) ([a-z]+) ([\s\S]+)$/;

/** The inverse of describeRule and noneMatchedWords; undefined for words written otherwise (shown as they are). */
export function parseRuleWords(words: string): RuleWords | undefined {
  const none = NONE_MATCHED.exec(words);
  if (none !== null) {
    const field = FILTER_FIELDS.find((f) => f === none[1]);
    return field === undefined ? undefined : { noneMatched: field };
  }
  const [, mode, fieldName, shown] = RULE_WORDS.exec(words) ?? [];
  const field = FILTER_FIELDS.find((f) => f === fieldName);
  if (mode === undefined || field === undefined || shown === undefined) return undefined;
  const unwrap = (open: string, close: string) =>
    shown.length >= open.length + close.length && shown.startsWith(open) && shown.endsWith(close)
      ? shown.slice(open.length, shown.length - close.length)
      : undefined;
  const value =
    field === 'hashtag'
      ? unwrap('#', '')
      : field === 'keyword'
        ? unwrap('"', '"')
        : field === 'regex'
          ? unwrap('/', '/')
          : field === 'author'
            ? unwrap('@', '')
            : shown;
  if (value === undefined || value === '') return undefined;
  return { rule: { mode: mode as FilterMode, field, value } };
}

export type FilterVerdict = { pass: true } | { pass: false; rule: string };

/** A feed's rules made ready to decide many posts (each regular expression compiled once). */
export function compileFilters(rules: readonly FilterRule[] | undefined): (post: Post) => FilterVerdict {
  if (rules === undefined || rules.length === 0) return () => ({ pass: true });
  const matchers = rules.map((rule) => ({ rule, matches: matcherOf(rule) }));
  const included = [...new Set(rules.filter((r) => r.mode === 'include').map((r) => r.field))];
  return (post) => {
    const facts = factsOf(post);
    for (const { rule, matches } of matchers)
      if (rule.mode === 'exclude' && matches(facts)) return { pass: false, rule: describeRule(rule) };
    for (const field of included) {
      const any = matchers.some((m) => m.rule.mode === 'include' && m.rule.field === field && m.matches(facts));
      if (!any) return { pass: false, rule: noneMatchedWords(field) };
    }
    return { pass: true };
  };
}

/** Whether `post` passes `rules`, and if not, the rule that held it back. */
export function filterVerdict(rules: readonly FilterRule[] | undefined, post: Post): FilterVerdict {
  return compileFilters(rules)(post);
}

interface PostFacts {
  post: Post;
  /** Caption and location name, bounded (MAX_MATCHED_TEXT). */
  text: string;
  lowerText: string;
  tags: Set<string>;
}

function factsOf(post: Post): PostFacts {
  const place = post.location?.name;
  const text = (place ? `${post.caption}\n${place}` : post.caption).slice(0, MAX_MATCHED_TEXT);
  return { post, text, lowerText: text.toLowerCase(), tags: new Set(post.tags.map((t) => t.toLowerCase())) };
}

function matcherOf(rule: FilterRule): (facts: PostFacts) => boolean {
  switch (rule.field) {
    case 'hashtag':
      return (f) => f.tags.has(rule.value);
    case 'keyword': {
      const keyword = rule.value.toLowerCase();
      return (f) => f.lowerText.includes(keyword);
    }
    case 'regex': {
      const compiled = compile(rule.value);
      // A stored pattern was checked when saved; one that no longer compiles (a newer engine) matches nothing.
      if ('error' in compiled) return () => false;
      return (f) => compiled.re.matcher(f.text).find();
    }
    case 'kind':
      return (f) => f.post.kind === rule.value;
    case 'author':
      return (f) => f.post.author.username.toLowerCase() === rule.value;
  }
}
