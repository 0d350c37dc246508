// /follows end to end: the invoker's own follow lists, the relationship with another account, and the four
// relationship actions, checked against what the Instagram emulator's world says before and after.
import { escapeMarkdown, MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

interface SeededUser {
  id: string;
  username: string;
  full_name: string;
  is_private: boolean;
  requested_by: string[];
}
interface Relationship {
  outgoing_status: string;
  incoming_status?: string;
  target_user_is_private?: boolean;
}

const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const buttonsOf = (m: APIMessage) =>
  (m.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components ?? [];
const profileLink = (username: string) => `[${escapeMarkdown(`@${username}`)}](https://www.instagram.com/${username}/)`;

describe('/follows', () => {
  let igcord: TestIgcord;
  let users: SeededUser[];
  /** The invoker: a private account with pending follow requests. */
  let me: SeededUser;
  let token: string;
  let channelId: string;

  const run = (subcommand: string, options: Record<string, string | boolean> = {}, userId = igcord.personId) =>
    igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId,
      userId,
      name: 'follows',
      subcommand,
      options,
    });
  const answer = (subcommand: string, options: Record<string, string | boolean> = {}, userId = igcord.personId) =>
    run(subcommand, options, userId).waitForReply(undefined, WAIT_MS);
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${igcord.emulator.url}/v1${path}?access_token=${token}`);
    return ((await response.json()) as { data: T }).data;
  };
  const relationshipWith = (user: SeededUser) => api<Relationship>(`/users/${user.id}/relationship`);
  const writes = () => igcord.emulator.admin.requests().filter((r) => r.route === 'POST /users/{id}/relationship');

  beforeAll(async () => {
    igcord = await startTestIgcord();
    channelId = igcord.guild.channels.general!;
    users = igcord.emulator.admin.users() as unknown as SeededUser[];
    me = users.find((u) => u.is_private && u.requested_by.length >= 2)!;
    ({ accessToken: token } = await igcord.link(igcord.personId, me.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('lists the accounts the invoker follows, privately', async () => {
    const follows = await api<{ username: string }[]>('/users/self/follows');
    expect(follows.length).toBeGreaterThan(0);
    const reply = await answer('following');
    expect(isEphemeral(reply)).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Accounts you follow');
    for (const user of follows) expect(embed.description).toContain(profileLink(user.username));
    expect(embed.footer?.text).toBe(
      `Instagram · 1–${follows.length} of ${follows.length} ${follows.length === 1 ? 'person' : 'people'}`,
    );
  });

  it('lists the invoker’s followers', async () => {
    const followers = await api<{ username: string }[]>('/users/self/followed-by');
    const reply = await answer('followers');
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Your followers');
    for (const user of followers) expect(embed.description).toContain(profileLink(user.username));
    const others = users.filter((u) => u.id !== me.id && !followers.some((f) => f.username === u.username));
    for (const user of others) expect(embed.description).not.toContain(profileLink(user.username));
  });

  it('lists the pending follow requests', async () => {
    const reply = await answer('requests');
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Pending follow requests');
    const requesters = me.requested_by.map((id) => users.find((u) => u.id === id)!);
    for (const user of requesters) expect(embed.description).toContain(profileLink(user.username));
    expect(embed.footer?.text).toBe(`Instagram · 1–${requesters.length} of ${requesters.length} people`);
  });

  it('says how the invoker and another account relate', async () => {
    const requester = users.find((u) => u.id === me.requested_by[0])!;
    const expected = await relationshipWith(requester);
    expect(expected.incoming_status).toBe('requested_by');
    const reply = await answer('status', { user: requester.username });
    const name = `**${escapeMarkdown(`@${requester.username}`)}**`;
    expect(reply.content).toContain(`${name} asked to follow you`);
    expect(reply.content).toContain(
      expected.outgoing_status === 'follows'
        ? `You follow ${name}.`
        : expected.outgoing_status === 'requested'
          ? `You asked to follow ${name}`
          : `You do not follow ${name}.`,
    );
    expect(isEphemeral(reply)).toBe(true);
  });

  it('follows a public account and unfollows it again', async () => {
    // One the linked account follows: unfollowing one it does not follow is answered as a change of nothing.
    const candidates = users.filter((u) => !u.is_private && u.id !== me.id);
    const followed = await Promise.all(
      candidates.map(async (u) => (await relationshipWith(u)).outgoing_status === 'follows'),
    );
    const target = candidates.find((u, i) => followed[i])!;
    const unfollowed = await answer('unfollow', { user: target.username });
    expect(unfollowed.content).toBe(`You no longer follow **${escapeMarkdown(`@${target.username}`)}**.`);
    expect((await relationshipWith(target)).outgoing_status).toBe('none');

    const refollowed = await answer('follow', { user: target.username });
    expect(refollowed.content).toBe(`You now follow **${escapeMarkdown(`@${target.username}`)}**.`);
    expect(isEphemeral(refollowed)).toBe(true);
    expect((await relationshipWith(target)).outgoing_status).toBe('follows');
  });

  it('sends a follow request to a private account', async () => {
    const target = users.find((u) => u.is_private && u.id !== me.id)!;
    await answer('unfollow', { user: target.username });
    const reply = await answer('follow', { user: target.username });
    expect(reply.content).toContain('is private: your follow request was sent');
    expect((await relationshipWith(target)).outgoing_status).toBe('requested');
  });

  it('approves one pending request and ignores another', async () => {
    const [first, second] = me.requested_by.map((id) => users.find((u) => u.id === id)!);
    const approved = await answer('approve', { user: first!.username });
    expect(approved.content).toBe(
      `You approved **${escapeMarkdown(`@${first!.username}`)}**'s request: they now follow you.`,
    );
    expect((await relationshipWith(first!)).incoming_status).toBe('followed_by');

    const ignored = await answer('ignore', { user: second!.username });
    expect(ignored.content).toBe(`You ignored **${escapeMarkdown(`@${second!.username}`)}**'s request to follow you.`);
    expect((await relationshipWith(second!)).incoming_status).toBe('none');

    const pending = await api<{ id: string }[]>('/users/self/requested-by');
    expect(pending.map((u) => u.id)).not.toContain(first!.id);
    expect(pending.map((u) => u.id)).not.toContain(second!.id);
  });

  it('answers an approve for someone who did not ask without spending a relationship write', async () => {
    const stranger = users.find((u) => u.id !== me.id && !me.requested_by.includes(u.id))!;
    const before = writes().length;
    const reply = await answer('approve', { user: stranger.username });
    expect(reply.content).toContain('has not asked to follow you');
    expect(writes()).toHaveLength(before);
  });

  it('refuses to act on the invoker’s own account without calling Instagram', async () => {
    igcord.emulator.admin.clearRequests();
    const reply = await answer('follow', { user: me.username });
    expect(reply.content).toBe('That is your own Instagram account.');
    expect(igcord.emulator.admin.requests()).toHaveLength(0);
  });

  it('suggests the people who asked to follow, for approve and ignore', async () => {
    const fresh = users.find((u) => u.id !== me.id && !me.requested_by.includes(u.id))!;
    // A new request, made on Instagram by another account, so there is someone to suggest.
    const theirs = igcord.emulator.admin.mintToken({ username: fresh.username });
    await fetch(`${igcord.emulator.url}/v1/users/${me.id}/relationship`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: theirs.access_token, action: 'unfollow' }),
    });
    await fetch(`${igcord.emulator.url}/v1/users/${me.id}/relationship`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: theirs.access_token, action: 'follow' }),
    });
    const pending = await api<{ username: string }[]>('/users/self/requested-by');
    expect(pending.map((u) => u.username)).toContain(fresh.username);

    igcord.emulator.admin.clearRequests();
    const suggest = (subcommand: string, value: string) =>
      igcord.discord
        .sendAutocomplete({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'follows',
          subcommand,
          focused: 'user',
          value,
        })
        .firstResponse();
    const all = (await suggest('approve', '')).data as { choices: { name: string; value: string }[] };
    expect(all.choices.map((c) => c.value).sort()).toEqual(pending.map((u) => u.username).sort());
    const typed = (await suggest('ignore', fresh.username.slice(0, 4))).data as { choices: { value: string }[] };
    expect(typed.choices.map((c) => c.value)).toContain(fresh.username);
    // Both answers came from one read of the pending requests.
    expect(igcord.emulator.admin.requests().filter((r) => r.route === 'GET /users/self/requested-by')).toHaveLength(1);
  });

  it('shares the follow list in the channel when asked', async () => {
    const reply = await answer('following', { share: true });
    expect(isEphemeral(reply)).toBe(false);
    await igcord.discord.waitForMessage(channelId, (m) => m.id === reply.id, WAIT_MS);
  });

  it('names the missing follower_list permission, with a relink button, for a link granted only basic', async () => {
    const second = igcord.discord.createUser({ username: 'basic-only' });
    igcord.discord.addMember(igcord.guild.guildId, second.id);
    const someone = users.find((u) => u.id !== me.id)!;
    await igcord.link(second.id, someone.username, ['basic']);
    const reply = await answer('following', {}, second.id);
    expect(reply.content).toContain('"follower_list"');
    expect(buttonsOf(reply)[0]!.custom_id).toBe('instagram:link:follower_list');
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds).toHaveLength(0);
  });

  it('answers a Discord user who has not linked with the Link button, never the invoker’s lists', async () => {
    const third = igcord.discord.createUser({ username: 'unlinked' });
    igcord.discord.addMember(igcord.guild.guildId, third.id);
    const reply = await answer('followers', {}, third.id);
    expect(reply.content).toContain('You have not linked an Instagram account');
    expect(buttonsOf(reply)[0]!.custom_id).toBe('instagram:link');
    expect(reply.embeds).toHaveLength(0);
  });

  it('never writes the access token into the logs', () => {
    expect(igcord.logs()).toContain('relationship changed');
    expect(igcord.logs()).not.toContain(token);
  });
});
