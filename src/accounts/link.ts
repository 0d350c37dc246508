// Storing an Instagram link, shared by both ways of linking — the OAuth callback (src/http/oauth-callback.ts) and
// the paste-a-token modal of /instagram — so both store and resume the same way: the feeds paused for their owner's
// link (unlinked, or the link broke) resume when that same Instagram account is linked again, as the feed
// lifecycle (src/core/feed-lifecycle.ts) decides. Linking a different account than the one some feeds were set up
// with pauses those feeds ("@old is no longer linked") and says so in the reply, with a button per feed to move
// it to the new account (commands/feed/move-feed.ts): the new token never starts paying for them unasked.
import { ButtonStyle, ComponentType } from 'discord.js';
import { ownerLinked, ownerLinkedElsewhere } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Account, Feed, LinkInput, Storage } from '../storage/index.js';
import { plain } from '../discord/embeds/text.js';
import { englishOnly, type Translate } from '../i18n/i18n.js';

/** The feeds set up with the account a relink replaced: they wait for it, or to be moved. */
export interface LeftBehind {
  username: string;
  feeds: Feed[];
}

export interface SavedLink {
  account: Account;
  resumedFeeds: number;
  leftBehind?: LeftBehind | undefined;
}

/**
 * Stores a link and resumes the feeds paused for this user's link to the same Instagram account (feeds of another
 * account, or paused by an admin or for another reason, stay as they are); pauses the feeds of the account it
 * replaces, when that was another one.
 */
export async function saveLink(storage: Storage, input: LinkInput, log: Logger): Promise<SavedLink> {
  const previous = await storage.accounts.get(input.discordUserId);
  const account = await storage.accounts.link(input);
  let resumedFeeds = 0;
  const left: Feed[] = [];
  const replaced =
    previous !== undefined && previous.instagramUserId !== account.instagramUserId ? previous : undefined;
  for (const feed of await storage.feeds.listByOwner(account.discordUserId)) {
    if (replaced !== undefined && feed.ownerInstagramUserId === replaced.instagramUserId) {
      const paused = ownerLinkedElsewhere(feed, replaced.username, Date.now());
      left.push(paused === undefined ? feed : ((await storage.feeds.setState(feed.id, paused)) ?? feed));
      continue;
    }
    const next = ownerLinked(feed, account);
    if (next !== undefined) {
      await storage.feeds.setState(feed.id, next);
      resumedFeeds += 1;
    }
  }
  log.info(
    { instagramUserId: account.instagramUserId, resumedFeeds, leftBehind: left.length },
    'Instagram account linked',
  );
  return {
    account,
    resumedFeeds,
    ...(replaced !== undefined && left.length > 0 ? { leftBehind: { username: replaced.username, feeds: left } } : {}),
  };
}

/**
 * What the ephemeral link reply says once the account is linked, in the catalogue of `t` (the person's language
 * for a pasted token; English for the OAuth callback's edit, which has no interaction locale to read).
 */
export function linkedReplyContent(
  username: string,
  resumedFeeds: number,
  leftBehind?: LeftBehind,
  t: Translate = englishOnly(),
): string {
  const account = plain(`@${username}`);
  const resumed = resumedFeeds === 0 ? '' : t('replies.linked.resumed', { count: resumedFeeds });
  const lines = [t('replies.linked.done', { account, resumed })];
  if (leftBehind !== undefined) {
    const old = plain(`@${leftBehind.username}`);
    lines.push(
      t('replies.linked.leftBehind', { count: leftBehind.feeds.length, old, account }),
      ...leftBehind.feeds
        .slice(0, 10)
        .map((f) => t('replies.linked.feedLine', { id: f.id, channel: `<#${f.channelId}>` })),
    );
    if (leftBehind.feeds.length > 10)
      lines.push(t('replies.linked.moreFeeds', { count: leftBehind.feeds.length - 10 }));
  }
  return lines.join('\n');
}

/** A "Move to @new" button per feed left behind (at most 25, five to a row), labelled in the catalogue of `t`. */
export function moveButtons(username: string, leftBehind: LeftBehind | undefined, t: Translate = englishOnly()) {
  const feeds = (leftBehind?.feeds ?? []).slice(0, 25);
  const rows = [];
  for (let i = 0; i < feeds.length; i += 5) {
    rows.push({
      type: ComponentType.ActionRow as const,
      components: feeds.slice(i, i + 5).map((f) => ({
        type: ComponentType.Button as const,
        style: ButtonStyle.Secondary as const,
        label: t('replies.linked.moveButton', { account: plain(`@${username}`, 'label'), id: f.id }).slice(0, 80),
        custom_id: `feed:move:${f.id}`,
      })),
    });
  }
  return rows;
}
