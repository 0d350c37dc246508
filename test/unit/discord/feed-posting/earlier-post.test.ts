// The pure part of finding a webhook feed's unrecorded earlier post: which message counts as the post of a media
// (the feed's own webhook, the media's link in an embed or a compact message, never a test post).
import type { APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { findEarlierPost, TEST_POST_MARK } from '../../../../src/discord/feed-posting/earlier-post.js';
import { moderationRow } from '../../../../src/discord/feed-posting/comment-message.js';

const link = 'https://www.instagram.com/p/abc123/';
const message = (id: string, fields: Partial<APIMessage>): APIMessage =>
  ({ id, content: '', embeds: [], ...fields }) as APIMessage;

describe('findEarlierPost', () => {
  it("finds the message of the feed's webhook whose embed points at the media", () => {
    const messages = [
      message('3', { webhook_id: 'w1', embeds: [{ url: 'https://www.instagram.com/p/other/' }] }),
      message('2', { webhook_id: 'w1', embeds: [{ url: link }] }),
    ];
    expect(findEarlierPost(messages, 'w1', { permalink: link })).toBe('2');
  });

  it('finds a compact post that carries the link in its text', () => {
    expect(
      findEarlierPost([message('5', { webhook_id: 'w1', content: `New post by @lena: ${link}` })], 'w1', {
        permalink: link,
      }),
    ).toBe('5');
  });

  it("ignores other webhooks, the bot's own messages, people quoting the link and test posts", () => {
    const messages = [
      message('1', { webhook_id: 'w2', embeds: [{ url: link }] }),
      message('2', { embeds: [{ url: link }] }),
      message('3', { content: `look ${link}` }),
      message('4', { webhook_id: 'w1', content: `${TEST_POST_MARK} \`f1\`: …`, embeds: [{ url: link }] }),
    ];
    expect(findEarlierPost(messages, 'w1', { permalink: link })).toBeUndefined();
  });

  it('finds nothing for a media without a usable link', () => {
    expect(
      findEarlierPost([message('1', { webhook_id: 'w1', content: 'javascript:alert(1)' })], 'w1', {
        permalink: 'javascript:alert(1)',
      }),
    ).toBeUndefined();
  });

  it("takes a comment's message by the comment its buttons name, not by the post's link all its comments share", () => {
    const on = { postId: 'p1', postCaption: '', ownerId: '1789', ownerUsername: 'studio' };
    const commentMessage = (id: string, commentId: string, hidden = false) =>
      message(id, {
        webhook_id: 'w1',
        embeds: [{ url: link }],
        components: [moderationRow('1789', commentId, hidden)],
      });
    const messages = [commentMessage('8', '1801'), commentMessage('7', '1800', true)];
    expect(findEarlierPost(messages, 'w1', { permalink: link, id: '1802', commentOn: on })).toBeUndefined();
    expect(findEarlierPost(messages, 'w1', { permalink: link, id: '1800', commentOn: on })).toBe('7');
    expect(findEarlierPost(messages, 'w1', { permalink: link, id: '1801', commentOn: on })).toBe('8');
  });
});
