// /feed filter add, remove and list: a feed's include and exclude rules (src/core/feed-filters.ts), which the
// delivery engine applies before every post (a held-back post is recorded as "filtered by <rule>", see /feed why).
// A rule that does not read (an invalid or over-long regular expression, an unknown kind, an author rule on an
// account feed) is refused with the reason and nothing is saved.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { plain, truncate } from '../../src/discord/embeds/text.js';
import {
  MAX_FILTER_RULES,
  describeRule,
  parseFilterRule,
  parseRuleWords,
  shownValue,
  type FilterField,
  type FilterMode,
  type FilterRefusal,
  type FilterRule,
} from '../../src/core/index.js';
import { text, type Text, type Translate } from '../../src/i18n/i18n.js';
import { requireAdminFeed } from './feed-admin.js';

/** A rule in the reader's words: `incluir hashtag #sunset`; the value as typed (a pattern is never translated). */
export function ruleText(rule: FilterRule, t: Translate): string {
  return t('feedCraft.rule.words', {
    mode: t(`feedCraft.rule.mode.${rule.mode}`),
    field: t(`feedCraft.rule.field.${rule.field}`),
    value: shownValue(rule),
  });
}

/** What a filtered delivery record says held the post back, in the reader's words; unknown words as stored. */
export function recordedRuleText(words: string, t: Translate): string {
  const read = parseRuleWords(words);
  if (read === undefined) return words;
  if ('rule' in read) return ruleText(read.rule, t);
  return t('feedCraft.rule.noneMatched', {
    mode: t('feedCraft.rule.mode.include'),
    field: t(`feedCraft.rule.field.${read.noneMatched}`),
  });
}

/** Why core refused a typed rule, as a string rendered in the reader's language (values as typed). */
function refusalText(refusal: FilterRefusal): Text {
  switch (refusal.reason) {
    case 'empty':
      return text('feedCraft.refusal.empty');
    case 'hashtag':
      return text('feedCraft.refusal.hashtag', { typed: refusal.typed, max: refusal.max });
    case 'keyword-length':
      return text('feedCraft.refusal.keywordLength', { max: refusal.max });
    case 'regex-length':
      return text('feedCraft.refusal.regexLength', { max: refusal.max });
    case 'regex':
      return text('feedCraft.refusal.regex', { error: refusal.error });
    case 'kind':
      return text('feedCraft.refusal.kind', { kinds: refusal.kinds });
    case 'author-on-account':
      return text('feedCraft.refusal.authorOnAccount');
    case 'username':
      return text('feedCraft.refusal.username', { typed: refusal.typed });
  }
}

function rulesText(rules: readonly FilterRule[], t: Translate): string {
  if (rules.length === 0) return t('feedCraft.filter.none');
  return rules.map((rule, i) => t('feedCraft.filter.rule', { n: i + 1, rule: plain(ruleText(rule, t)) })).join('\n');
}

/** Ephemeral, pinging nobody; twenty long patterns are cut at Discord's 2,000 characters (the rest end in …). */
async function reply(ctx: CommandContext, content: string): Promise<void> {
  await ctx.respond.reply({ content: truncate(content, 2000), ephemeral: true, allowedMentions: { parse: [] } });
}

export async function addFilter(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string; mode: FilterMode; field: FilterField; value: string },
): Promise<void> {
  const { t } = ctx;
  const { feed } = await requireAdminFeed(interaction, ctx.storage, options.feed);
  const read = parseFilterRule(options, feed.source.kind);
  if ('refused' in read) {
    const why = refusalText(read.refused);
    throw new UserFacingError('feeds.filter-refused', t('feedCraft.filter.refused', { reason: t(why.key, why.vars) }));
  }
  const rules = feed.filters ?? [];
  const { rule } = read;
  if (rules.some((r) => r.mode === rule.mode && r.field === rule.field && r.value === rule.value))
    throw new UserFacingError('feeds.filter-refused', text('feedCraft.filter.duplicate', { id: feed.id }));
  if (rules.length >= MAX_FILTER_RULES)
    throw new UserFacingError(
      'feeds.filter-refused',
      text('feedCraft.filter.full', { id: feed.id, max: MAX_FILTER_RULES }),
    );
  const saved = await ctx.storage.feeds.update(feed.id, { filters: [...rules, rule] });
  if (saved === undefined) throw new UserFacingError('feeds.not-found', text('feedCraft.filter.gone', { id: feed.id }));
  ctx.log.info({ feedId: feed.id, rule: describeRule(rule) }, 'feed filter rule added');
  const semantics = t('feedCraft.filter.semantics');
  await reply(ctx, t('feedCraft.filter.added', { semantics, id: feed.id, rules: rulesText(saved.filters ?? [], t) }));
}

export async function removeFilter(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string; rule: number },
): Promise<void> {
  const { t } = ctx;
  const { feed } = await requireAdminFeed(interaction, ctx.storage, options.feed);
  const rules = feed.filters ?? [];
  const gone = rules[options.rule - 1];
  if (gone === undefined)
    throw new UserFacingError(
      'feeds.filter-not-found',
      text('feedCraft.filter.noRule', { id: feed.id, n: options.rule }),
    );
  const saved = await ctx.storage.feeds.update(feed.id, { filters: rules.filter((_, i) => i !== options.rule - 1) });
  if (saved === undefined) throw new UserFacingError('feeds.not-found', text('feedCraft.filter.gone', { id: feed.id }));
  ctx.log.info({ feedId: feed.id, rule: describeRule(gone) }, 'feed filter rule removed');
  await reply(
    ctx,
    t('feedCraft.filter.removed', {
      rule: plain(ruleText(gone, t)),
      id: feed.id,
      rules: rulesText(saved.filters ?? [], t),
    }),
  );
}

export async function listFilters(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string },
): Promise<void> {
  const { t } = ctx;
  const { feed } = await requireAdminFeed(interaction, ctx.storage, options.feed);
  const semantics = t('feedCraft.filter.semantics');
  await reply(ctx, t('feedCraft.filter.list', { semantics, id: feed.id, rules: rulesText(feed.filters ?? [], t) }));
}
