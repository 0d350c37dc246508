// "Not found" and "not allowed" name what was asked for, end to end: the person reads which user, post, tag or
// location Instagram refused — not a bare "could not find that" — with the same stable reply ids as before.
import { MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyIdOf } from '../support/reply-id.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

interface SeededUser {
  id: string;
  username: string;
  is_private: boolean;
  requested_by: string[];
}

const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

describe('not-found and not-allowed replies', () => {
  let igcord: TestIgcord;
  let privateUser: SeededUser;

  const ask = async (name: string, subcommand: string, options: Record<string, string>) => {
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name,
      subcommand,
      options,
    });
    const reply = await handle.waitForReply(undefined, 10_000);
    expect(isEphemeral(reply)).toBe(true);
    return { content: reply.content, id: replyIdOf(igcord, handle.id) };
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    const users = igcord.emulator.admin.users() as unknown as SeededUser[];
    privateUser = users.find((u) => u.is_private && u.requested_by.length > 0)!;
    // Someone who only asked to follow the private user, so may not see their posts.
    const me = users.find((u) => u.id === privateUser.requested_by[0])!;
    await igcord.link(igcord.personId, me.username);
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('names the username nobody has: /user profile user:nobody_here', async () => {
    const { content, id } = await ask('user', 'profile', { user: 'nobody_here' });
    expect(id).toBe('user.not-found');
    expect(content).toContain('@nobody_here');
  });

  it('names the shortcode of a post Instagram does not know: /media show', async () => {
    const { content, id } = await ask('media', 'show', { media: 'Zq9NoSuchPost' });
    expect(id).toBe('instagram.not-found');
    expect(content).toContain('Zq9NoSuchPost');
  });

  it('names the media id of a post Instagram does not know', async () => {
    const { content, id } = await ask('media', 'likes', { media: '999999999999_1' });
    expect(id).toBe('instagram.not-found');
    expect(content).toContain('999999999999_1');
  });

  it('names the private user whose posts the person may not see: /user media', async () => {
    const { content, id } = await ask('user', 'media', { user: privateUser.username });
    expect(id).toBe('instagram.not-allowed');
    expect(content).toContain(`@${privateUser.username}`);
  });

  it('names the blocked tag: /tag info name:blocked', async () => {
    const { content, id } = await ask('tag', 'info', { name: 'blocked' });
    expect(id).toBe('instagram.not-allowed');
    expect(content).toContain('#blocked');
  });

  it('names the location id Instagram does not know: /location info', async () => {
    const { content, id } = await ask('location', 'info', { location: '999999999999' });
    expect(id).toBe('instagram.not-found');
    expect(content).toContain('999999999999');
  });
});
