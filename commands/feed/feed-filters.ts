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
  type FilterField,
  type FilterMode,
  type FilterRule,
} from '../../src/core/index.js';
import { findGuildFeed, requireFeedAdmin } from './feed-admin.js';

/** How the rules decide, in the words /feed filter list and /help show. */
export const FILTER_SEMANTICS =
  'A post passes when, for each field that has include rules, it matches at least one of them, and it matches no ' +
  'exclude rule. Keywords and regular expressions read the caption and the location name, ignoring case. ' +
  'A post held back is recorded as filtered (see /feed why) and never posted.';

function rulesText(rules: readonly FilterRule[]): string {
  if (rules.length === 0) return 'No rules: every post is delivered.';
  return rules.map((rule, i) => `Rule ${i + 1}: ${plain(describeRule(rule))}`).join('\n');
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
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, options.feed);
  const read = parseFilterRule(options, feed.source.kind);
  if ('refused' in read) throw new UserFacingError('feeds.filter-refused', `Rule not saved. ${read.refused}`);
  const rules = feed.filters ?? [];
  const { rule } = read;
  if (rules.some((r) => r.mode === rule.mode && r.field === rule.field && r.value === rule.value))
    throw new UserFacingError('feeds.filter-refused', `Rule not saved: feed \`${feed.id}\` already has it.`);
  if (rules.length >= MAX_FILTER_RULES)
    throw new UserFacingError(
      'feeds.filter-refused',
      `Rule not saved: feed \`${feed.id}\` already has ${MAX_FILTER_RULES} rules, the most a feed can have.`,
    );
  const saved = await ctx.storage.feeds.update(feed.id, { filters: [...rules, rule] });
  if (saved === undefined) throw new UserFacingError('feeds.not-found', `Feed \`${feed.id}\` was removed meanwhile.`);
  ctx.log.info({ feedId: feed.id, rule: describeRule(rule) }, 'feed filter rule added');
  await reply(ctx, `${FILTER_SEMANTICS}\n\nFeed \`${feed.id}\` now filters with:\n${rulesText(saved.filters ?? [])}`);
}

export async function removeFilter(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string; rule: number },
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, options.feed);
  const rules = feed.filters ?? [];
  const gone = rules[options.rule - 1];
  if (gone === undefined)
    throw new UserFacingError(
      'feeds.filter-not-found',
      `Feed \`${feed.id}\` has no rule ${options.rule}. Run /feed filter list to see its rules.`,
    );
  const saved = await ctx.storage.feeds.update(feed.id, { filters: rules.filter((_, i) => i !== options.rule - 1) });
  if (saved === undefined) throw new UserFacingError('feeds.not-found', `Feed \`${feed.id}\` was removed meanwhile.`);
  ctx.log.info({ feedId: feed.id, rule: describeRule(gone) }, 'feed filter rule removed');
  await reply(
    ctx,
    `Removed ${plain(describeRule(gone))} from feed \`${feed.id}\`. Its rules now:\n${rulesText(saved.filters ?? [])}`,
  );
}

export async function listFilters(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string },
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, options.feed);
  await reply(ctx, `${FILTER_SEMANTICS}\n\nFilters of feed \`${feed.id}\`:\n${rulesText(feed.filters ?? [])}`);
}
