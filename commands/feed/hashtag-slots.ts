// /feed add-tag on Graph: the tag is looked up with Hashtag Search before the feed is stored, which holds one of the
// payer's 30 unique hashtag slots per rolling 7 days (reference §1.4; a tag already queried this week costs none).
// Graph refuses the 31st (the port notes the refusal and the date it names in the hashtag-slot store); the member
// is told plainly that the slots are used and on which date one frees, and nothing is created.
import type { CommandContext } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { InstagramRateLimitError } from '../../src/core/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import { withInstagram } from '../_shared/linked-account.js';
import { text } from '../../src/i18n/i18n.js';

/** The emulated and documented code of the hashtag limit (reference §6 q7: the real one is unverified). */
const HASHTAG_LIMIT_CODE = 24;

/** Looks the tag up with the payer's link; the 31st unique tag of the week is refused with the date a slot frees. */
export async function findHashtagForFeed(
  ctx: CommandContext,
  discordUserId: string,
  instagramUserId: string,
  tag: string,
): Promise<void> {
  try {
    await withInstagram(ctx, discordUserId, ({ auth }) =>
      ctx.instagram.hashtags.find(auth, tag, { priority: 'interactive' }),
    );
  } catch (error) {
    if (!(error instanceof InstagramRateLimitError)) throw error;
    const slots = await ctx.storage.hashtagSlots.get(instagramUserId);
    const refused = error.code === HASHTAG_LIMIT_CODE || slots.used >= slots.limit;
    if (!refused) throw error;
    const freesAt = error.resetsAt ?? slots.nextFreesAt ?? undefined;
    const vars = { limit: slots.limit, tag: plain(`#${tag}`) };
    const seconds = freesAt === undefined ? undefined : Math.ceil(freesAt / 1000);
    throw new UserFacingError(
      'feeds.hashtag-slots',
      seconds === undefined
        ? text('feedManage.hashtagSlots.fullWithinWeek', vars)
        : text('feedManage.hashtagSlots.fullUntil', {
            ...vars,
            date: `<t:${seconds}:f>`,
            relative: `<t:${seconds}:R>`,
          }),
      { cause: error },
    );
  }
}
