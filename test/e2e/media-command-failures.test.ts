// /media when something is wrong, end to end: a person who has not linked, a link without the needed
// permission, a token Instagram revoked, Instagram failing, and Instagram slower than Discord's 3-second
// acknowledgement deadline. Each answer is private, in plain words, and offers the next step.
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../sandbox/discord/index.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const EPHEMERAL = 64;
const REPLY_WAIT_MS = WAIT_MS;

describe('/media failures', () => {
  let igcord: TestIgcord;
  let channelId: string;
  let guildId: string;
  let mediaId: string;

  const newPerson = (username: string) => {
    const user = igcord.discord.createUser({ username });
    igcord.discord.addMember(guildId, user.id);
    return user.id;
  };
  const run = (userId: string, subcommand: string, options: CommandInput['options']) =>
    igcord.discord.sendCommand({ guildId, channelId, userId, name: 'media', subcommand, options });
  const buttons = (message: Pick<APIMessage, 'components'>) =>
    ((message.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[]).flatMap(
      (row) => row.components,
    );
  /** The answer the person finally sees (after "thinking…", if there was one). */
  const finalAnswer = async (userId: string, subcommand: string, options: CommandInput['options']) => {
    const handle = run(userId, subcommand, options);
    const first = await handle.firstResponse();
    const reply = await handle.waitForReply(undefined, REPLY_WAIT_MS);
    return { first, reply };
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    const owner = igcord.emulator.admin.mintToken({ username: 'mateo_rios' }).access_token;
    const response = await fetch(`${igcord.emulator.url}/v1/users/self/media/recent?count=1&access_token=${owner}`);
    mediaId = ((await response.json()) as { data: { id: string }[] }).data[0]!.id;
  });
  afterEach(() => {
    igcord.emulator.admin.clearFaults();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('tells a person who has not linked an account to link one, with the Link button', async () => {
    const userId = newPerson('unlinked');
    const { reply } = await finalAnswer(userId, 'show', { media: mediaId });
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('not linked an Instagram account');
    expect(buttons(reply).map((b) => b.custom_id)).toEqual(['instagram:link']);
  });

  it('names the missing likes permission and offers to relink for it', async () => {
    const userId = newPerson('basic-only');
    await igcord.link(userId, 'mateo_rios', ['basic']);
    igcord.emulator.admin.clearRequests();
    const { reply } = await finalAnswer(userId, 'like', { media: mediaId });
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('"likes" permission');
    expect(buttons(reply).map((b) => b.custom_id)).toEqual(['instagram:link:likes']);
    expect(igcord.emulator.admin.requests().find((r) => r.method === 'POST')?.errorType).toBe(
      'OAuthPermissionsException',
    );
  });

  it('marks a revoked link broken and asks the person to relink', async () => {
    const userId = newPerson('revoked');
    const { accessToken } = await igcord.link(userId, 'mateo_rios');
    igcord.emulator.admin.revokeToken(accessToken);
    const { reply } = await finalAnswer(userId, 'show', { media: mediaId });
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Link your account again');
    expect(buttons(reply).map((b) => b.label)).toEqual(['Relink Instagram']);
    const account = await igcord.app.storage.accounts.get(userId);
    expect(account?.status).toBe('broken');
  });

  it('says to try again later when Instagram answers 500', async () => {
    const userId = newPerson('down');
    await igcord.link(userId, 'mateo_rios');
    igcord.emulator.admin.injectFault({ path: '^/v1/media', kind: 'status', status: 500 });
    const handle = run(userId, 'comments', { media: mediaId, share: true });
    expect((await handle.firstResponse()).type).toBe(5);
    const reply = await handle.waitForReply((m) => m.content?.includes('Instagram is not') ?? false, REPLY_WAIT_MS);
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Instagram is not answering properly right now. Try again in a few minutes.');
    // The answer was private although `share` was asked for: the public "thinking…" placeholder is gone.
    expect(igcord.discord.messages(channelId).filter((m) => m.content?.includes('Instagram is not answering'))).toEqual(
      [],
    );
  });

  it('confirms a posted comment even when reading it back fails, so the person does not post it twice', async () => {
    const userId = newPerson('commenter');
    await igcord.link(userId, 'mateo_rios');
    igcord.emulator.admin.injectFault({
      method: 'GET',
      path: '^/v1/media/[^/]+/comments$',
      kind: 'status',
      status: 500,
    });
    const text = 'Posted once, read back never';
    const { reply } = await finalAnswer(userId, 'comment', { media: mediaId, text });
    expect(reply.content).toContain('is posted');
    expect(reply.content).not.toContain('/media uncomment');
    igcord.emulator.admin.clearFaults();
    const owner = igcord.emulator.admin.mintToken({ username: 'mateo_rios' }).access_token;
    const response = await fetch(`${igcord.emulator.url}/v1/media/${mediaId}/comments?access_token=${owner}`);
    const comments = ((await response.json()) as { data: { text: string }[] }).data;
    expect(comments.filter((c) => c.text === text)).toHaveLength(1);
  });

  it('confirms a like even when reading the post back fails', async () => {
    const userId = newPerson('liker');
    await igcord.link(userId, 'mateo_rios');
    const owner = igcord.emulator.admin.mintToken({ username: 'mateo_rios' }).access_token;
    const read = async () =>
      (
        (await (await fetch(`${igcord.emulator.url}/v1/media/${mediaId}?access_token=${owner}`)).json()) as {
          data: { link: string; user_has_liked: boolean };
        }
      ).data;
    const post = await read();
    // By shortcode, the first read is /media/shortcode/…; only the read-back by id fails.
    igcord.emulator.admin.injectFault({ method: 'GET', path: '^/v1/media/\\d+_\\d+$', kind: 'status', status: 500 });
    const { reply } = await finalAnswer(userId, 'like', { media: post.link });
    expect(reply.content).toContain('You like');
    expect(reply.embeds ?? []).toEqual([]);
    igcord.emulator.admin.clearFaults();
    expect((await read()).user_has_liked).toBe(true);
  });

  it('acknowledges within Discord’s deadline when Instagram takes 5 s, and edits in the answer later', async () => {
    const userId = newPerson('patient');
    await igcord.link(userId, 'mateo_rios');
    igcord.emulator.admin.injectFault({ path: '^/v1/media', kind: 'latency', ms: 5000, times: 1 });
    const handle = run(userId, 'show', { media: mediaId });
    // firstResponse() rejects when no acknowledgement arrived within the fake's 3-second deadline.
    const first = await handle.firstResponse();
    expect(first.type).toBe(5);
    expect((first.data as { flags: number }).flags).toBe(EPHEMERAL);
    const reply = await handle.waitForReply((m) => (m.embeds?.length ?? 0) > 0, REPLY_WAIT_MS);
    expect(reply.embeds![0]!.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    expect(handle.replies().callbacks).toHaveLength(1);
  });
});
