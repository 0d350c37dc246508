// A feed whose owner's token lacks a permission the source needs (a tag needs `public_content`) is paused — not
// disabled — with a reason that names the permission and the command that grants it, and it resumes by itself
// once its owner links the same account again with that permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('a feed missing an Instagram permission', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  it('pauses with the missing scope and its fix, and resumes when the owner relinks with that scope', async () => {
    const user = igcord.emulator.admin.users()[3]!;
    const username = String(user.username);
    const owner = igcord.discord.createUser({ username: 'scoped-owner' });
    const { instagramUserId } = await igcord.link(owner.id, username);
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'scoped' });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: owner.id,
      source: { kind: 'tag', name: 'igcordscopetag' },
    });

    // The owner links the same account again, this time without public_content.
    await igcord.link(owner.id, username, ['basic']);
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'waits for #igcordscopetag' });
    await eventually(
      async () => (await igcord.app.storage.feeds.get(feed.id))?.state.kind !== 'active',
      'the feed to stop',
    );
    expect((await igcord.app.storage.feeds.get(feed.id))?.state).toMatchObject({
      kind: 'paused',
      by: 'scope',
      detail: 'public_content',
    });

    const list = await igcord.discord
      .sendCommand({ channelId, userId: owner.id, name: 'feed', subcommand: 'list' })
      .waitForReply(undefined, WAIT_MS);
    const field = list.embeds[0]?.fields?.find((f) => f.name.includes(feed.id));
    expect(field?.value).toContain(
      'needs the `public_content` permission: the owner runs /instagram link scopes:public_content',
    );

    await igcord.link(owner.id, username, ['basic', 'public_content']);
    await igcord.discord.waitForMessage(channelId, withCaption('waits for #igcordscopetag'), WAIT_MS);
    expect((await igcord.app.storage.feeds.get(feed.id))?.state).toEqual({ kind: 'active' });
  });
});
