// Feed templates in storage, on each real backend: a template kept on the feed record (an optional field of
// version 2, no version bump) and cleared by a reset, a server's time settings, and a previewed draft that Save
// takes exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../../../src/core/index.js';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

describe.each(BACKENDS)('feed templates on %s', (backend) => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
    storage = undefined;
    place = undefined;
  });
  const open = async () => {
    place = await createPlace(backend);
    storage = await place.open();
    return storage;
  };

  it('keeps a template on the feed record and clears it on reset, leaving the rest of the feed as it was', async () => {
    const { feeds } = await open();
    const feed = await feeds.add({
      guildId: '1',
      channelId: '2',
      source: { kind: 'tag', name: 'sunset' },
      ownerDiscordUserId: '3',
      ownerInstagramUserId: '4',
      createdBy: '3',
      mentionRoleId: '5',
      delivery: { mode: 'message' },
    });
    expect(feed.template).toBeUndefined();
    const template = { ...STARTER_TEMPLATE, title: '{caption_first_line}', colour: 0x112233 };
    await feeds.update(feed.id, { template });
    expect(await feeds.get(feed.id)).toMatchObject({ version: 2, template, mentionRoleId: '5' });
    await feeds.update(feed.id, { template: null });
    const reset = await feeds.get(feed.id);
    expect(reset?.template).toBeUndefined();
    expect(reset?.mentionRoleId).toBe('5');
  });

  it('keeps a server time settings and a draft that is taken once', async () => {
    const { guildSettings, templateDrafts } = await open();
    expect(await guildSettings.time('10')).toBeUndefined();
    await guildSettings.setTime('10', { timeZone: 'Asia/Tokyo', format: 'short' });
    expect(await guildSettings.time('10')).toEqual({ timeZone: 'Asia/Tokyo', format: 'short' });
    await templateDrafts.put('feedx', '7', STARTER_TEMPLATE);
    expect(await templateDrafts.take('feedx', '8')).toBeUndefined();
    expect(await templateDrafts.take('feedx', '7')).toEqual(STARTER_TEMPLATE);
    expect(await templateDrafts.take('feedx', '7')).toBeUndefined();
  });
});
