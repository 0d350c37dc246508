// A comments feed's message: the comment's text defused (no ping, no markdown link), the post it is on, and the
// owner's Hide and Reply buttons naming the account and the comment — none on a test post; and the custom ids
// read back exactly, anything else refused.
import { describe, expect, it } from 'vitest';
import type { Post } from '../../../../src/core/index.js';
import { feedMessage } from '../../../../src/discord/feed-posting/discord-feed-poster.js';
import { moderationId, parseModerationId } from '../../../../src/discord/feed-posting/comment-message.js';
import { silentLogger } from '../../../../src/log.js';
import { imageMedia } from '../media-fixtures.js';

function comment(text: string, hidden = false): Post {
  const post = imageMedia({ caption: 'The harbour at dawn' });
  return {
    ...post,
    id: '17800000000000001',
    caption: text,
    author: { id: '900', username: 'visitor.one' },
    commentOn: {
      postId: post.id,
      postCaption: post.caption,
      ownerId: '17841400000000000',
      ownerUsername: 'igcord.studio',
      hidden,
    },
  };
}
const target = { feedId: 'f1', channelId: 'c1', delivery: { mode: 'message' as const } };

describe('comment message', () => {
  it('defuses the text, names the post, and carries the Hide and Reply buttons', () => {
    const body = feedMessage(
      target,
      comment('hi @everyone <@123> [x](https://evil.example)'),
      { intent: { nonce: 'n' } },
      silentLogger(),
    );
    const embed = body.embeds![0]!;
    expect(embed.description).not.toContain('@everyone');
    expect(embed.description).not.toContain('<@123>');
    // Brackets escaped: no masked link can form.
    expect(embed.description).not.toMatch(/(?<!\\)\]\(/);
    expect(embed.title).toBe("On @igcord.studio's post");
    expect(JSON.stringify(embed.fields)).toContain('The harbour at dawn');
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    const ids = JSON.stringify(body.components).match(/cmod:[a-z]+:\d+:\d+/g);
    expect(ids).toEqual([
      'cmod:hide:17841400000000000:17800000000000001',
      'cmod:reply:17841400000000000:17800000000000001',
    ]);
  });

  it('offers Unhide for a hidden comment, and no buttons on a test post', () => {
    const hidden = feedMessage(target, comment('quiet', true), { intent: { nonce: 'n' } }, silentLogger());
    expect(JSON.stringify(hidden.components)).toContain('cmod:show:');
    const test = feedMessage(target, comment('quiet'), { intent: { test: true } }, silentLogger());
    expect(test.components).toBeUndefined();
  });

  it('reads its custom ids back and refuses anything else', () => {
    expect(parseModerationId(moderationId('replied', '1784', '1800'))).toEqual({
      action: 'replied',
      accountId: '1784',
      commentId: '1800',
    });
    for (const bad of ['cmod:delete:1:2', 'cmod:hide:1', 'cmod:hide:1:2:3', 'feed:hide:1:2', 'cmod:hide:1:abc'])
      expect(parseModerationId(bad)).toBeUndefined();
  });
});
