// /user end to end: the whole of igcord in sandbox mode, driven as a person would through the Discord fake, with
// the Instagram emulator's seeded world as the truth the rendered answers are checked against.
import { escapeMarkdown, MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyIdOf } from '../support/reply-id.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

interface SeededUser {
  id: string;
  username: string;
  full_name: string;
  is_private: boolean;
  requested_by: string[];
  counts: { media: number; follows: number; followed_by: number };
}

const EPHEMERAL = MessageFlags.Ephemeral;
const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
const buttonsOf = (m: APIMessage) =>
  (m.components?.[0] as { components?: { custom_id: string; label: string; disabled?: boolean }[] } | undefined)
    ?.components ?? [];
const fieldValue = (embed: APIEmbed, name: string) => embed.fields?.find((f) => f.name === name)?.value;

describe('/user', () => {
  let igcord: TestIgcord;
  let users: SeededUser[];
  let me: SeededUser;
  let privateUser: SeededUser;
  let other: SeededUser;
  let token: string;
  let channelId: string;

  const run = (
    name: string,
    subcommand: string,
    options: Record<string, string | boolean> = {},
    userId = igcord.personId,
  ) => igcord.discord.sendCommand({ guildId: igcord.guild.guildId, channelId, userId, name, subcommand, options });
  const instagramRequests = (route: string) => igcord.emulator.admin.requests().filter((r) => r.route === route);
  const api = async (path: string, accessToken = token) => {
    const response = await fetch(
      `${igcord.emulator.url}/v1${path}${path.includes('?') ? '&' : '?'}access_token=${accessToken}`,
    );
    return ((await response.json()) as { data: unknown }).data;
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    channelId = igcord.guild.channels.general!;
    users = igcord.emulator.admin.users() as unknown as SeededUser[];
    privateUser = users.find((u) => u.is_private && u.requested_by.length > 0)!;
    // Someone who asked to follow the private user, so is not (yet) allowed to see their posts.
    me = users.find((u) => u.id === privateUser.requested_by[0])!;
    other = users.find((u) => !u.is_private && u.id !== me.id)!;
    ({ accessToken: token } = await igcord.link(igcord.personId, me.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('shows the invoker’s own profile, privately, with the counts Instagram has', async () => {
    const handle = run('user', 'profile');
    const first = await handle.firstResponse();
    expect(first.type).toBe(5);
    expect(first.data).toMatchObject({ flags: EPHEMERAL });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expect(isEphemeral(reply)).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`${me.full_name} (@${me.username})`);
    expect(embed.url).toBe(`https://www.instagram.com/${me.username}/`);
    expect(fieldValue(embed, 'Posts')).toBe(me.counts.media.toLocaleString('en-US'));
    expect(fieldValue(embed, 'Followers')).toBe(me.counts.followed_by.toLocaleString('en-US'));
    expect(fieldValue(embed, 'Following')).toBe(me.counts.follows.toLocaleString('en-US'));
    expect(igcord.discord.messages(channelId).some((m) => m.id === reply.id)).toBe(false);
  });

  it('shows another user’s profile, resolving the typed username through the user search', async () => {
    igcord.emulator.admin.clearRequests();
    const reply = await run('user', 'profile', { user: `@${other.username}` }).waitForReply(undefined, WAIT_MS);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`${other.full_name} (@${other.username})`);
    expect(fieldValue(embed, 'Followers')).toBe(other.counts.followed_by.toLocaleString('en-US'));
    expect(fieldValue(embed, 'Posts')).toBe(other.counts.media.toLocaleString('en-US'));
    expect(instagramRequests('GET /users/search')).toHaveLength(1);
    expect(instagramRequests('GET /users/{id}').map((r) => r.path)).toEqual([`/v1/users/${other.id}`]);
  });

  it('reads the invoker’s own profile without a search when they name themselves', async () => {
    igcord.emulator.admin.clearRequests();
    const reply = await run('user', 'profile', { user: me.username.toUpperCase() }).waitForReply(undefined, WAIT_MS);
    expect(reply.embeds[0]!.title).toBe(`${me.full_name} (@${me.username})`);
    expect(igcord.emulator.admin.requests().map((r) => r.route)).toEqual(['GET /users/self']);
  });

  it('answers a username nobody has with a plain not-found reply, and a malformed one without calling Instagram', async () => {
    const missingHandle = run('user', 'profile', { user: 'nobody.here.at.all' });
    const missing = await missingHandle.waitForReply(undefined, WAIT_MS);
    expect(replyIdOf(igcord, missingHandle.id)).toBe('user.not-found');
    expect(missing.content).toContain('@nobody.here.at.all');
    expect(isEphemeral(missing)).toBe(true);

    igcord.emulator.admin.clearRequests();
    const malformedHandle = run('user', 'profile', { user: 'not a name!' });
    await malformedHandle.waitForReply(undefined, WAIT_MS);
    expect(replyIdOf(igcord, malformedHandle.id)).toBe('input.invalid-username');
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });

  it('refuses a private user’s posts with the not-allowed reply', async () => {
    const handle = run('user', 'media', { user: privateUser.username });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expect(replyIdOf(igcord, handle.id)).toBe('instagram.not-allowed');
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds).toHaveLength(0);
  });

  it('pages through the invoker’s posts with the buttons, in Instagram’s order, and only for the invoker', async () => {
    const recent = (await api('/users/self/media/recent')) as { id: string; link: string }[];
    expect(recent.length).toBeGreaterThan(2);
    const reply = await run('user', 'media').waitForReply(undefined, WAIT_MS);
    expect(reply.content).toContain('post 1 of');
    expect(reply.embeds[0]!.url).toBe(recent[0]!.link);
    expect(reply.embeds[0]!.title).toMatch(new RegExp(`by @${me.username.replace(/\./g, '\\.')}$`));
    const [previous, indicator, next] = buttonsOf(reply);
    expect(previous!.disabled).toBe(true);
    expect(indicator!.label).toBe(`Page 1 of ${recent.length}`);

    const press = igcord.discord.pressButton({ message: reply, customId: next!.custom_id, userId: igcord.personId });
    expect((await press.firstResponse()).type).toBe(7);
    const second = press.replies().original!;
    expect(second.embeds[0]!.url).toBe(recent[1]!.link);
    expect(buttonsOf(second)[1]!.label).toBe(`Page 2 of ${recent.length}`);
  });

  it('refuses page presses from anyone but the invoker on a shared list of posts', async () => {
    const reply = await run('user', 'media', { share: true }).waitForReply(undefined, WAIT_MS);
    expect(isEphemeral(reply)).toBe(false);
    const stranger = igcord.discord.createUser({ username: 'stranger' });
    igcord.discord.addMember(igcord.guild.guildId, stranger.id);
    const press = igcord.discord.pressButton({
      message: reply,
      customId: buttonsOf(reply)[2]!.custom_id,
      userId: stranger.id,
    });
    const refused = await press.waitForReply(undefined, WAIT_MS);
    expect(refused.content).toBe(`Only <@${igcord.personId}> can page this.`);
    expect(isEphemeral(refused)).toBe(true);
    // The shared message still shows the first post.
    const shown = igcord.discord.messages(channelId).find((m) => m.id === reply.id)!;
    expect(shown.content).toContain('post 1 of');
  });

  it('lists the accounts a search matches', async () => {
    const query = other.username.slice(0, 3);
    const expected = users.filter(
      (u) => u.username.toLowerCase().includes(query) || u.full_name.toLowerCase().includes(query),
    );
    const reply = await run('user', 'search', { query }).waitForReply(undefined, WAIT_MS);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`Instagram accounts matching “${query}”`);
    for (const user of expected)
      expect(embed.description).toContain(
        `[${escapeMarkdown(`@${user.username}`)}](https://www.instagram.com/${user.username}/)`,
      );
    expect(embed.footer?.text).toBe(
      `Instagram · 1–${expected.length} of ${expected.length} ${expected.length === 1 ? 'person' : 'people'}`,
    );
  });

  it('posts the answer in the channel when asked to share it', async () => {
    const handle = run('user', 'profile', { share: true });
    const first = await handle.firstResponse();
    expect(first.type).toBe(5);
    expect(((first.data as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL).toBe(0);
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expect(isEphemeral(reply)).toBe(false);
    const posted = await igcord.discord.waitForMessage(channelId, (m) => m.id === reply.id, WAIT_MS);
    expect(posted.embeds[0]!.title).toBe(`${me.full_name} (@${me.username})`);
  });

  it('never shows one Discord user another’s Instagram data', async () => {
    const second = igcord.discord.createUser({ username: 'second' });
    igcord.discord.addMember(igcord.guild.guildId, second.id);

    const unlinked = await run('user', 'profile', {}, second.id).waitForReply(undefined, WAIT_MS);
    expect(unlinked.content).toContain('You have not linked an Instagram account');
    expect(buttonsOf(unlinked)[0]!.custom_id).toBe('instagram:link');
    expect(JSON.stringify(unlinked)).not.toContain(me.username);

    await igcord.link(second.id, other.username);
    const own = await run('user', 'profile', {}, second.id).waitForReply(undefined, WAIT_MS);
    expect(own.embeds[0]!.title).toBe(`${other.full_name} (@${other.username})`);
    const media = await run('user', 'media', {}, second.id).waitForReply(undefined, WAIT_MS);
    expect(media.embeds[0]!.title).toMatch(new RegExp(`by @${other.username.replace(/\./g, '\\.')}$`));
  });

  it('tells the person to relink when Instagram refuses their token, and marks the link broken', async () => {
    const revoked = igcord.discord.createUser({ username: 'revoked' });
    igcord.discord.addMember(igcord.guild.guildId, revoked.id);
    const { accessToken } = await igcord.link(revoked.id, other.username);
    igcord.emulator.admin.revokeToken(accessToken);

    const reply = await run('user', 'media', {}, revoked.id).waitForReply(undefined, WAIT_MS);
    expect(reply.content).toContain('Your Instagram link no longer works');
    expect(buttonsOf(reply)[0]!.custom_id).toBe('instagram:link');
    expect((await igcord.app.storage.accounts.get(revoked.id))?.status).toBe('broken');

    igcord.emulator.admin.clearRequests();
    const again = await run('user', 'profile', {}, revoked.id).waitForReply(undefined, WAIT_MS);
    // The username is markdown-escaped like all Instagram text (`mateo\_rios` shows as mateo_rios).
    expect(again.content).toContain(`Your Instagram link to @${other.username.replace(/_/g, '\\_')} no longer works`);
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });

  it('says to try again later when Instagram fails', async () => {
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: '^/v1/users/search',
      kind: 'status',
      status: 500,
    });
    try {
      const reply = await run('user', 'search', { query: 'ke' }).waitForReply(undefined, WAIT_MS);
      expect(reply.content).toBe('Instagram is not answering properly right now. Try again in a few minutes.');
      expect(isEphemeral(reply)).toBe(true);
    } finally {
      igcord.emulator.admin.removeFault(fault.id);
    }
  });

  it('suggests users while typing, and answers the same query again from the cache', async () => {
    const query = other.username.slice(0, 2);
    igcord.emulator.admin.clearRequests();
    const ask = () =>
      igcord.discord.sendAutocomplete({
        guildId: igcord.guild.guildId,
        channelId,
        userId: igcord.personId,
        name: 'user',
        subcommand: 'profile',
        focused: 'user',
        value: query,
      });
    const first = await ask().firstResponse();
    expect(first.type).toBe(8);
    const choices = (first.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain(other.username);
    expect(choices.find((c) => c.value === other.username)!.name).toBe(`@${other.username} · ${other.full_name}`);
    expect(choices.length).toBeLessThanOrEqual(25);

    const again = await ask().firstResponse();
    expect(again.data).toEqual(first.data);
    expect(instagramRequests('GET /users/search')).toHaveLength(1);
  });

  it('answers autocomplete within Discord’s deadline with no choices when Instagram is slow', async () => {
    const fault = igcord.emulator.admin.injectFault({
      method: 'GET',
      path: '^/v1/users/search',
      kind: 'latency',
      ms: 5000,
    });
    try {
      // The fake refuses an autocomplete answer after Discord's 3 s, and firstResponse() then rejects.
      const answer = await igcord.discord
        .sendAutocomplete({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'follows',
          subcommand: 'status',
          focused: 'user',
          value: 'slowpoke',
        })
        .firstResponse();
      expect(answer.type).toBe(8);
      expect(answer.data).toEqual({ choices: [] });
    } finally {
      igcord.emulator.admin.removeFault(fault.id);
    }
  });

  it('suggests nothing, and asks Instagram nothing, for someone who has not linked an account', async () => {
    const nobody = igcord.discord.createUser({ username: 'nobody' });
    igcord.discord.addMember(igcord.guild.guildId, nobody.id);
    igcord.emulator.admin.clearRequests();
    const answer = await igcord.discord
      .sendAutocomplete({
        guildId: igcord.guild.guildId,
        channelId,
        userId: nobody.id,
        name: 'user',
        subcommand: 'media',
        focused: 'user',
        value: 'ke',
      })
      .firstResponse();
    expect(answer.data).toEqual({ choices: [] });
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });
});

describe('/user autocomplete on a nearly spent budget', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord({ RATE_LIMIT_GLOBAL: '5' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('looks users up while the budget has room, and stops before the last fifth of it', async () => {
    const channelId = igcord.guild.channels.general!;
    const seeded = igcord.emulator.admin.users() as unknown as SeededUser[];
    const me = seeded[0]!;
    await igcord.link(igcord.personId, me.username);
    const suggest = (value: string) =>
      igcord.discord
        .sendAutocomplete({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'user',
          subcommand: 'profile',
          focused: 'user',
          value,
        })
        .firstResponse();
    const searches = () => igcord.emulator.admin.requests().filter((r) => r.route === 'GET /users/search').length;

    const early = await suggest(seeded[1]!.username.slice(0, 3));
    expect((early.data as { choices: unknown[] }).choices.length).toBeGreaterThan(0);
    expect(searches()).toBe(1);

    // Three profile calls bring the five-call budget down to one left: the reserve autocomplete never touches.
    for (let i = 0; i < 3; i += 1) {
      const reply = await igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'user',
          subcommand: 'profile',
        })
        .waitForReply(undefined, WAIT_MS);
      expect(reply.embeds[0]!.title).toContain(me.username);
    }
    expect(igcord.app.limiter.quota(me.id).remaining).toBe(1);

    const late = await suggest(seeded[2]!.username.slice(0, 3));
    expect(late.data).toEqual({ choices: [] });
    expect(searches()).toBe(1);
  });
});
