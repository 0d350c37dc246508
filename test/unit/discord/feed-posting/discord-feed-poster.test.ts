// The webhook name a feed posts under: the Instagram username, unless Discord would refuse it.
import { describe, expect, it } from 'vitest';
import { webhookUsername } from '../../../../src/discord/feed-posting/discord-feed-poster.js';

describe('webhookUsername', () => {
  it('keeps an Instagram username and replaces names Discord refuses', () => {
    expect(webhookUsername('lena_bakes')).toBe('lena_bakes');
    expect(webhookUsername('discord.fan')).toBe('Instagram');
    expect(webhookUsername('x'.repeat(100)).length).toBeLessThanOrEqual(80);
  });
});
