// Linking a different Instagram account than the one a person's feeds were set up with: the link reply warns and
// lists those feeds, which stay paused ("@old is no longer linked") — the new account's token never reads for them —
// until the old account is linked again, or a "Move to @new" button on the warning moves one to the new account.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import { buttonIds } from '../support/press-confirm.js';

describe('relinking to another Instagram account', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const twoMoreRuns = async () => {
    const before = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= before + 2, 'two more source runs');
  };

  /** Links `username` as a person does with a pasted token; the link reply as it ends. */
  async function pasteLink(userId: string, channelId: string, username: string): Promise<APIMessage> {
    const prompt = await igcord.discord
      .sendCommand({ channelId, userId, name: 'instagram', subcommand: 'link' })
      .waitForReply(undefined, WAIT_MS);
    await igcord.discord.pressButton({ message: prompt, customId: 'instagram:paste', userId }).firstResponse();
    const minted = igcord.emulator.admin.mintToken({ username });
    return igcord.discord
      .submitModal({ customId: 'instagram:paste-token', fields: { token: minted.access_token }, userId })
      .waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
  }

  it("warns, keeps the old account's feeds paused, and moves one to the new account with a button", async () => {
    const [oldUser, newUser] = igcord.emulator.admin.users().slice(8, 10);
    const oldName = String(oldUser!.username);
    const newName = String(newUser!.username);
    const person = igcord.discord.createUser({ username: 'switcher' }).id;
    const { instagramUserId: oldId } = await igcord.link(person, oldName);
    const ownPosts = igcord.discord.createChannel(igcord.guild.guildId, { name: 'own-posts' });
    const tagged = igcord.discord.createChannel(igcord.guild.guildId, { name: 'tagged' });
    const accountFeed = await igcord.addFeed({
      channelId: ownPosts,
      ownerDiscordUserId: person,
      source: { kind: 'account', instagramUserId: oldId },
    });
    const tagFeed = await igcord.addFeed({
      channelId: tagged,
      ownerDiscordUserId: person,
      source: { kind: 'tag', name: 'igcordswitchtag' },
    });

    const reply = await pasteLink(person, igcord.guild.channels.general!, newName);
    expect(reply.content).toContain(`@${oldName} is no longer linked`);
    expect(reply.content).toContain(accountFeed.id);
    expect(reply.content).toContain(tagFeed.id);
    for (const feed of [accountFeed, tagFeed]) {
      expect((await igcord.app.storage.feeds.get(feed.id))?.state).toMatchObject({
        kind: 'paused',
        by: 'owner-unlinked',
        instagramUserId: oldId,
      });
    }

    // The new account's token reads nothing for them.
    const newId = String(newUser!.id);
    igcord.emulator.admin.postMedia(oldId, { caption: 'old account, while switched' });
    igcord.emulator.admin.postMedia(newId, { caption: 'new account #igcordswitchtag' });
    await twoMoreRuns();
    await twoMoreRuns();
    expect(igcord.discord.messages(ownPosts)).toEqual([]);
    expect(igcord.discord.messages(tagged)).toEqual([]);

    const move = buttonIds(reply).find((id) => id === `feed:move:${tagFeed.id}`);
    expect(move, JSON.stringify(reply.components)).toBeDefined();
    expect(JSON.stringify(reply.components)).toContain(`Move to @${newName}`);
    const pressed = igcord.discord.pressButton({ message: reply, customId: move!, userId: person });
    expect((await pressed.waitForReply((m) => m.content.includes('moved'), WAIT_MS)).content).toContain(`@${newName}`);
    expect(await igcord.app.storage.feeds.get(tagFeed.id)).toMatchObject({
      state: { kind: 'active' },
      ownerInstagramUserId: newId,
    });
    igcord.emulator.admin.postMedia(newId, { caption: 'after the move #igcordswitchtag' });
    await igcord.discord.waitForMessage(tagged, withCaption('after the move #igcordswitchtag'), WAIT_MS);
    expect((await igcord.app.storage.feeds.get(accountFeed.id))?.state.kind).toBe('paused');

    const list = await igcord.discord
      .sendCommand({ channelId: igcord.guild.channels.general!, userId: person, name: 'feed', subcommand: 'list' })
      .waitForReply(undefined, WAIT_MS);
    const field = list.embeds[0]?.fields?.find((f) => f.name.includes(accountFeed.id));
    expect(field?.value).toContain(`@${oldName} is no longer linked`);
    // /feed list offers the same move for the feed still waiting, and none for the one already moved.
    expect(buttonIds(list)).toContain(`feed:move:${accountFeed.id}`);
    expect(buttonIds(list)).not.toContain(`feed:move:${tagFeed.id}`);

    // The old account comes back: its feed resumes.
    await pasteLink(person, igcord.guild.channels.general!, oldName);
    expect((await igcord.app.storage.feeds.get(accountFeed.id))?.state).toEqual({ kind: 'active' });
  });
});
