// When a webhook feed has to look for an earlier, unrecorded post before posting: before its first post since
// start and after an execution whose outcome is unknown; never a bot-message feed, which the nonce covers.
import { describe, expect, it } from 'vitest';
import { EarlierPostWatch } from '../../../src/feeds/earlier-post-watch.js';
import type { Feed } from '../../../src/storage/index.js';

describe('EarlierPostWatch', () => {
  const webhookFeed = { id: 'f1', delivery: { mode: 'webhook', webhookId: 'w1' } } as unknown as Feed;
  const botFeed = { id: 'f2', delivery: { mode: 'message' } } as unknown as Feed;

  it('makes a webhook feed look before its first post, not after a look found nothing, and again after an unknown outcome', () => {
    const watch = new EarlierPostWatch();
    expect(watch.needsLook(webhookFeed)).toBe(true);
    watch.trust('f1');
    expect(watch.needsLook(webhookFeed)).toBe(false);
    watch.doubt('f1');
    expect(watch.needsLook(webhookFeed)).toBe(true);
  });

  it('never makes a bot-message feed look (the nonce covers it)', () => {
    expect(new EarlierPostWatch().needsLook(botFeed)).toBe(false);
  });
});
