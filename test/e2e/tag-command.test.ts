// /tag end to end: the whole of igcord in sandbox mode, driven as a person would through the Discord fake, with
// the expected tags and counts read from the emulator's seeded world over its own API (not through igcord).
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS, eventually } from '../support/eventually.js';

const EPHEMERAL = 64;

interface SeededMedia {
  id: string;
  tags: string[];
}

/** Resolves once `condition` holds, or fails after WAIT_MS (a hang). */
async function until(condition: () => boolean): Promise<void> {
  await eventually(condition, 'the condition');
}

/** GETs an emulator API path with a token minted for this read only (its budget is not igcord's). */
async function api(
  igcord: TestIgcord,
  token: string,
  path: string,
): Promise<{ data: unknown; pagination?: { next_url?: string } }> {
  const url = path.startsWith('http') ? new URL(path) : new URL(`${igcord.emulator.url}/v1${path}`);
  url.searchParams.set('access_token', token);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as { data: unknown; pagination?: { next_url?: string } };
}

/** Every media of tag `name` that `username` can see, newest tagging first, following next_url to the end. */
async function tagMediaSeenBy(igcord: TestIgcord, username: string, name: string): Promise<string[]> {
  const token = igcord.emulator.admin.mintToken({ username }).access_token;
  const ids: string[] = [];
  let page = await api(igcord, token, `/tags/${encodeURIComponent(name)}/media/recent?count=33`);
  for (;;) {
    ids.push(...(page.data as SeededMedia[]).map((m) => m.id));
    if (!page.pagination?.next_url) return ids;
    page = await api(igcord, token, page.pagination.next_url);
  }
}

/** Tag → how many of all sandbox users' media carry it (what /tags/{tag} counts), read owner by owner. */
async function seededTagCounts(igcord: TestIgcord): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const user of igcord.emulator.admin.users()) {
    const token = igcord.emulator.admin.mintToken({ username: String(user.username) }).access_token;
    const { data } = await api(igcord, token, '/users/self/media/recent?count=33');
    for (const media of data as SeededMedia[])
      for (const tag of media.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

describe('/tag', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;
  let viewer: string;
  let tag: string;
  let tagCount: number;
  let visible: string[];
  let accessToken: string;

  const run = (userId: string, subcommand: string, options: Record<string, string | boolean>) =>
    igcord.discord.sendCommand({ guildId, channelId, userId, name: 'tag', subcommand, options });
  const tagRequests = (route: string) => igcord.emulator.admin.requests().filter((r) => r.route === route);

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    const users = igcord.emulator.admin.users();
    viewer = String(users.find((u) => u.is_private === false)!.username);
    ({ accessToken } = await igcord.link(igcord.personId, viewer));

    // The most used seeded hashtag; topped up with the viewer's own posts so its list spans two API pages.
    const seeded = await seededTagCounts(igcord);
    tag = [...seeded.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const viewerId = String(users.find((u) => u.username === viewer)!.id);
    for (let seen = (await tagMediaSeenBy(igcord, viewer, tag)).length; seen < 22; seen += 1) {
      igcord.emulator.admin.postMedia(viewerId, { caption: `Another one #${tag}` });
    }
    tagCount = (await seededTagCounts(igcord)).get(tag)!;
    visible = await tagMediaSeenBy(igcord, viewer, tag);
    igcord.emulator.admin.clearRequests();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('info answers privately with the tag name and the number of posts Instagram counts', async () => {
    const reply = await run(igcord.personId, 'info', { name: `#${tag}` }).waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`#${tag}`);
    expect(embed.url).toBe(`https://www.instagram.com/explore/tags/${tag}/`);
    expect(embed.fields).toContainEqual({ name: 'Posts', value: tagCount.toLocaleString('en-US'), inline: true });
    expect(igcord.discord.messages(channelId).some((m) => m.id === reply.id)).toBe(false);
  });

  it('info with share posts the answer in the channel for everyone', async () => {
    const reply = await run(igcord.personId, 'info', { name: tag, share: true }).waitForReply();
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    const inChannel = igcord.discord.messages(channelId).find((m) => m.id === reply.id);
    expect(inChannel?.embeds[0]?.title).toBe(`#${tag}`);
  });

  it('search lists the tags that start with the query, the exact one first, with their counts', async () => {
    const query = tag.slice(0, 2);
    const reply = await run(igcord.personId, 'search', { query }).waitForReply();
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`Tags matching #${query}`);
    const lines = embed.description!.split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^\\[#${query}`));
    expect(embed.description).toContain(
      `[#${tag}](https://www.instagram.com/explore/tags/${tag}/) — ${tagCount} posts`,
    );
  });

  it('recent pages through the posts one at a time with buttons, fetching the next API page at its end', async () => {
    const handle = run(igcord.personId, 'recent', { name: tag });
    let message = await handle.waitForReply();
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toBe(`Recent posts tagged **#${tag}** · post 1`);
    expect(message.embeds[0]!.url).toContain('instagram.com/p/');
    expect(tagRequests('GET /tags/{tag}/media/recent')).toHaveLength(1);

    const shown: string[] = [message.embeds[0]!.url!];
    const next = (m: APIMessage) => {
      const buttons = (m.components?.[0] as { components: { custom_id: string; label: string; disabled?: boolean }[] })
        .components;
      return buttons.find((b) => b.label === 'Next ▶')!;
    };
    // Post 21 is the first of the second API page (20 a page).
    for (let post = 2; post <= 21; post += 1) {
      const button = next(message);
      expect(button.disabled).toBe(false);
      message = await igcord.discord
        .pressButton({ message, customId: button.custom_id, userId: igcord.personId })
        .waitForReply();
      expect(message.content).toMatch(new RegExp(`· post ${post}( of ${visible.length})?$`));
      shown.push(message.embeds[0]!.url!);
    }
    expect(tagRequests('GET /tags/{tag}/media/recent')).toHaveLength(2);
    expect(new Set(shown).size).toBe(21);
    // The posts come in the API's order (newest tagging first), as the emulator lists them for this viewer.
    const seededLinks = await Promise.all(
      visible.slice(0, 21).map(async (id) => {
        const token = igcord.emulator.admin.mintToken({ username: viewer }).access_token;
        return ((await api(igcord, token, `/media/${id}`)).data as { link: string }).link;
      }),
    );
    expect(shown).toEqual(seededLinks);
  });

  it('refuses the page buttons to anyone but the person who ran the command', async () => {
    const other = igcord.discord.createUser({ username: 'bystander' });
    igcord.discord.addMember(guildId, other.id);
    const message = await run(igcord.personId, 'recent', { name: tag, share: true }).waitForReply();
    const buttons = (message.components?.[0] as { components: { custom_id: string; label: string }[] }).components;
    const nextButton = buttons.find((b) => b.label === 'Next ▶')!;
    const refused = await igcord.discord
      .pressButton({ message, customId: nextButton.custom_id, userId: other.id })
      .waitForReply();
    expect(refused.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toBe(`Only <@${igcord.personId}> can page this.`);
    const unchanged = igcord.discord.messages(channelId).find((m) => m.id === message.id)!;
    expect(unchanged.content).toBe(message.content);
  });

  it('answers autocomplete within the deadline, and from the cache the second time (one search sent)', async () => {
    igcord.emulator.admin.clearRequests();
    const prefix = tag.slice(0, 3);
    const ask = () =>
      igcord.discord.sendAutocomplete({
        guildId,
        channelId,
        userId: igcord.personId,
        name: 'tag',
        subcommand: 'info',
        focused: 'name',
        value: prefix,
      });
    // firstResponse() rejects unless the bot answered within Discord's 3 s acknowledgement deadline.
    const first = await ask().firstResponse();
    expect(first.type).toBe(8);
    const choices = (first.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: `#${tag} · ${tagCount} posts`, value: tag });
    const second = await ask().firstResponse();
    expect(second.data).toEqual(first.data);
    expect(tagRequests('GET /tags/search')).toHaveLength(1);
  });

  it('offers no suggestions, and calls nothing, for someone who has not linked Instagram', async () => {
    const stranger = igcord.discord.createUser({ username: 'stranger' });
    igcord.discord.addMember(guildId, stranger.id);
    igcord.emulator.admin.clearRequests();
    const answer = await igcord.discord
      .sendAutocomplete({
        guildId,
        channelId,
        userId: stranger.id,
        name: 'tag',
        subcommand: 'recent',
        focused: 'name',
        value: tag,
      })
      .firstResponse();
    expect(answer.data).toEqual({ choices: [] });
    const reply = await run(stranger.id, 'info', { name: tag }).waitForReply();
    expect(reply.content).toMatch(/not linked an Instagram account/);
    expect(JSON.stringify(reply.components)).toContain('"custom_id":"instagram:link"');
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });

  it('refuses a tag with spaces in plain words without calling Instagram', async () => {
    igcord.emulator.admin.clearRequests();
    const handle = run(igcord.personId, 'info', { name: 'two words' });
    const reply = await handle.waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(replyIdOf(igcord, handle.id)).toBe('input.invalid-tag');
    expect(reply.content).toMatch(/^`name` must be one word of letters, digits, _ or emoji/);
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });

  it('answers a blocked tag with the not-allowed reply', async () => {
    const handle = run(igcord.personId, 'info', { name: 'blocked' });
    const reply = await handle.waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(replyIdOf(igcord, handle.id)).toBe('instagram.not-allowed');
  });

  it('asks a person whose link lacks public_content to relink with that permission', async () => {
    const basicOnly = igcord.discord.createUser({ username: 'basic-only' });
    igcord.discord.addMember(guildId, basicOnly.id);
    await igcord.link(basicOnly.id, viewer, ['basic']);
    const handle = run(basicOnly.id, 'info', { name: tag });
    const reply = await handle.waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(replyIdOf(igcord, handle.id)).toBe('instagram.scope-missing');
    expect(reply.content).toContain('"public_content" permission');
    expect(reply.components).toEqual([
      {
        type: 1,
        components: [
          expect.objectContaining({ type: 2, label: 'Relink Instagram', custom_id: 'instagram:link:public_content' }),
        ],
      },
    ]);
  });

  it('tells the person to try again when Instagram answers 500, also when they asked to share', async () => {
    const fault = igcord.emulator.admin.injectFault({ path: '^/v1/tags/', kind: 'status', status: 500 });
    try {
      const handle = run(igcord.personId, 'recent', { name: tag, share: true });
      const reply = await handle.waitForReply((m) => ((m.flags ?? 0) & EPHEMERAL ? true : false), WAIT_MS);
      expect(reply.content).toBe('Instagram is not answering properly right now. Try again in a few minutes.');
      // The public "thinking…" placeholder is removed right after: nothing about it is left in the channel.
      const placeholder = handle.replies().original!;
      expect(placeholder.id).not.toBe(reply.id);
      await until(() => igcord.discord.messages(channelId).every((m) => m.id !== placeholder.id));
    } finally {
      igcord.emulator.admin.removeFault(fault.id);
    }
  });

  it('never writes the access token to its logs', () => {
    expect(igcord.logs()).toContain('interaction handled');
    expect(igcord.logs()).not.toContain(accessToken);
  });
});
