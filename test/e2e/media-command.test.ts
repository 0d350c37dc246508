// /media end to end, as a person uses it: the whole of igcord in sandbox mode, slash commands sent on the Discord
// fake, posts read from and written to the Instagram emulator. Each test asserts what the fake received (embed
// titles, images, fields, buttons, who may see it) and, for writes, what the emulator now holds.
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIMessage,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../sandbox/discord/index.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const EPHEMERAL = 64;
const REPLY_WAIT_MS = WAIT_MS;

interface SeedMedia {
  id: string;
  type: 'image' | 'video' | 'carousel';
  link: string;
  user_has_liked: boolean;
  likes: { count: number };
  comments: { count: number };
  images: { standard_resolution: { url: string } };
  videos?: { standard_resolution: { url: string } };
  carousel_media?: { images?: { standard_resolution: { url: string } } }[];
  location: { name: string | null; latitude?: number; longitude?: number } | null;
  user: { username: string };
}

describe('/media', () => {
  let igcord: TestIgcord;
  let channelId: string;
  let guildId: string;
  let person: string;
  let stranger: string;
  let ownerToken: string;
  let instagramUserId: string;
  let media: SeedMedia[];

  const api = async <T>(path: string, init: RequestInit = {}, token = ownerToken): Promise<T> => {
    const url = new URL(`${igcord.emulator.url}/v1${path}`);
    url.searchParams.set('access_token', token);
    const response = await fetch(url, init);
    const body = (await response.json()) as { data: T };
    return body.data;
  };
  const pick = (type: SeedMedia['type'], where: (m: SeedMedia) => boolean = () => true) => {
    const found = media.find((m) => m.type === type && where(m));
    if (!found) throw new Error(`the seeded world has no ${type} for this test`);
    return found;
  };
  const shortcode = (m: SeedMedia) => /\/p\/([^/]+)\//.exec(m.link)![1]!;

  const run = (subcommand: string, options: CommandInput['options'] = {}, userId = person) =>
    igcord.discord.sendCommand({ guildId, channelId, userId, name: 'media', subcommand, options });
  const answer = async (subcommand: string, options: CommandInput['options'] = {}, userId = person) => {
    const handle = run(subcommand, options, userId);
    const first = await handle.firstResponse();
    const reply = await handle.waitForReply(undefined, REPLY_WAIT_MS);
    return { handle, first, reply };
  };
  const buttons = (message: Pick<APIMessage, 'components'>) =>
    ((message.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[]).flatMap(
      (row) => row.components,
    );
  const embed = (message: Pick<APIMessage, 'embeds'>, index = 0): APIEmbed => {
    const found = message.embeds?.[index];
    if (!found) throw new Error(`the message has no embed ${index}: ${JSON.stringify(message)}`);
    return found;
  };
  const field = (e: APIEmbed, name: string) => e.fields?.find((f) => f.name.includes(name))?.value;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    person = igcord.personId;
    stranger = igcord.discord.createUser({ username: 'stranger' }).id;
    igcord.discord.addMember(guildId, stranger);
    const linked = await igcord.link(person, 'mateo_rios');
    ownerToken = linked.accessToken;
    instagramUserId = linked.instagramUserId;
    media = await api<SeedMedia[]>('/users/self/media/recent?count=33');
  });
  afterAll(async () => {
    await igcord?.close();
  });

  describe('show', () => {
    it('shows a photo by its media id, privately, with the image, likes and comments', async () => {
      const photo = pick('image', (m) => m.location?.name != null);
      const { first, reply } = await answer('show', { media: photo.id });
      expect(first.type).toBe(5);
      expect((first.data as { flags?: number }).flags).toBe(EPHEMERAL);
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      const main = embed(reply);
      expect(main.title).toBe(`Photo by @${photo.user.username}`);
      expect(main.url).toBe(photo.link);
      expect(main.image?.url).toBe(photo.images.standard_resolution.url);
      expect(field(main, 'Likes')).toBe(String(photo.likes.count));
      expect(field(main, 'Comments')).toBe(String(photo.comments.count));
      expect(field(main, 'Location')).toContain(photo.location!.name!);
    });

    it('shows a video by its shortcode as its cover with a play link', async () => {
      const video = pick('video');
      const { reply } = await answer('show', { media: shortcode(video) });
      const main = embed(reply);
      expect(main.title).toBe(`Video by @${video.user.username}`);
      expect(main.image?.url).toBe(video.images.standard_resolution.url);
      expect(field(main, 'Video')).toContain(`[▶ Play video](${video.videos!.standard_resolution.url})`);
      expect(main.footer?.text).toContain('Video');
    });

    it('shows a carousel from a pasted post link as a gallery of embeds sharing the post URL', async () => {
      const carousel = pick('carousel', (m) => (m.carousel_media?.length ?? 0) >= 3);
      const { reply } = await answer('show', { media: `https://instagram.com/p/${shortcode(carousel)}/?igsh=abc` });
      const embeds = reply.embeds ?? [];
      // A video item without a still of its own shows none: the top-level still mirrors the first item only.
      const stills = carousel.carousel_media!.slice(0, 4).flatMap((item, i) => {
        const still =
          item.images?.standard_resolution.url ?? (i === 0 ? carousel.images.standard_resolution.url : undefined);
        return still === undefined ? [] : [still];
      });
      expect(embeds).toHaveLength(stills.length);
      expect(embed(reply).title).toBe(`Carousel by @${carousel.user.username}`);
      expect(embeds.every((e) => e.url === carousel.link)).toBe(true);
      expect(embeds.map((e) => e.image?.url)).toEqual(stills);
    });

    it('posts the answer to the channel when shared', async () => {
      const photo = pick('image');
      const { first, reply } = await answer('show', { media: photo.id, share: true });
      expect((first.data as { flags?: number } | undefined)?.flags ?? 0).toBe(0);
      expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
      const inChannel = await igcord.discord.waitForMessage(
        channelId,
        (m) => m.id === reply.id && (m.embeds?.length ?? 0) > 0,
        REPLY_WAIT_MS,
      );
      expect(embed(inChannel).url).toBe(photo.link);
    });

    it('explains which forms it understands when the text is not a post, without calling Instagram', async () => {
      igcord.emulator.admin.clearRequests();
      const { first } = await answer('show', { media: 'https://example.com/p/abc/' });
      expect(first.type).toBe(4);
      expect((first.data as { flags: number }).flags).toBe(EPHEMERAL);
      expect((first.data as { content: string }).content).toContain('is not an Instagram post');
      expect(igcord.emulator.admin.requests().filter((r) => r.tokenUserId === instagramUserId)).toEqual([]);
    });
  });

  describe('near', () => {
    it('pages through the posts near a place, each with its distance', async () => {
      const placed = media.filter((m) => m.location?.latitude != null);
      const centre = placed[0]!.location!;
      const expected = await api<SeedMedia[]>(
        `/media/search?lat=${centre.latitude}&lng=${centre.longitude}&distance=3000`,
      );
      expect(expected.length).toBeGreaterThan(1);
      const { reply } = await answer('near', { lat: centre.latitude!, lng: centre.longitude!, distance: 3000 });
      expect(reply.content).toContain(`1 of ${expected.length}`);
      expect(reply.content).toMatch(/m away/);
      expect(embed(reply).url).toBe(expected[0]!.link);
      const next = buttons(reply)[2]!;
      expect(next.label).toContain('Next');
      const press = igcord.discord.pressButton({ messageId: reply.id, customId: next.custom_id, userId: person });
      const updated = (await press.firstResponse()) as { type: number; data: Pick<APIMessage, 'content' | 'embeds'> };
      expect(updated.type).toBe(7);
      expect(updated.data.content).toContain(`2 of ${expected.length}`);
      expect(embed(updated.data).url).toBe(expected[1]!.link);
    });

    it('says so when nothing was posted near the place', async () => {
      const { reply } = await answer('near', { lat: -45, lng: 170, distance: 100 });
      expect(reply.content).toContain('No posts found within 100 m');
    });
  });

  describe('liked', () => {
    it("pages through the invoker's liked posts", async () => {
      const likedMedia = await api<SeedMedia[]>('/users/self/media/liked?count=20');
      expect(likedMedia.length).toBeGreaterThan(1);
      const { reply } = await answer('liked');
      expect(reply.content).toMatch(/^Your liked posts · post 1( of \d+)?$/);
      expect(embed(reply).url).toBe(likedMedia[0]!.link);
      const press = igcord.discord.pressButton({
        messageId: reply.id,
        customId: buttons(reply)[2]!.custom_id,
        userId: person,
      });
      const updated = (await press.firstResponse()) as { data: Pick<APIMessage, 'content' | 'embeds'> };
      expect(updated.data.content).toMatch(/^Your liked posts · post 2( of \d+)?$/);
      expect(embed(updated.data).url).toBe(likedMedia[1]!.link);
    });
  });

  describe('comments, comment and uncomment', () => {
    it('pages comments with buttons only the invoker may press', async () => {
      const target = pick('image', (m) => m.comments.count > 0);
      // Another seeded user adds comments so the list spans two pages.
      const commenter = igcord.emulator.admin.mintToken({ username: 'lena_bakes' }).access_token;
      for (let i = 1; i <= 11; i += 1) {
        await api(
          `/media/${target.id}/comments`,
          { method: 'POST', body: new URLSearchParams({ text: `lovely light, take ${i}` }) },
          commenter,
        );
      }
      const all = await api<{ id: string; text: string }[]>(`/media/${target.id}/comments`);
      expect(all.length).toBeGreaterThan(10);

      const { reply } = await answer('comments', { media: target.id, share: true });
      const page1 = embed(reply);
      expect(page1.title).toBe(`Comments on Photo by @${target.user.username}`);
      expect(page1.footer?.text).toBe(`Comments 1–10 of ${all.length}`);
      expect(page1.description).toContain(`id \`${all[0]!.id}\``);
      const [previous, indicator, next] = buttons(reply);
      expect(previous!.disabled).toBe(true);
      expect(indicator!.label).toBe(`Page 1 of ${Math.ceil(all.length / 10)}`);

      const refused = igcord.discord.pressButton({ messageId: reply.id, customId: next!.custom_id, userId: stranger });
      const refusal = (await refused.firstResponse()) as { type: number; data: { content: string; flags: number } };
      expect(refusal.type).toBe(4);
      expect(refusal.data.flags).toBe(EPHEMERAL);
      expect(refusal.data.content).toContain(`Only <@${person}> can page this`);

      const press = igcord.discord.pressButton({ messageId: reply.id, customId: next!.custom_id, userId: person });
      const page2 = (await press.firstResponse()) as { type: number; data: Pick<APIMessage, 'embeds' | 'components'> };
      expect(page2.type).toBe(7);
      expect(embed(page2.data).footer?.text).toBe(`Comments 11–${Math.min(20, all.length)} of ${all.length}`);
      expect(embed(page2.data).description).toContain(`id \`${all[10]!.id}\``);
      expect(embed(page2.data).description).toContain('lovely light, take');
    });

    it('posts a comment, confirms it with its id, and deletes it again', async () => {
      const target = pick('image');
      const text = 'What a calm morning by the sea';
      const { reply } = await answer('comment', { media: shortcode(target), text });
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toContain('is posted');
      expect(reply.content).toContain(text);
      const after = await api<{ id: string; text: string; from: { id: string } }[]>(`/media/${target.id}/comments`);
      const mine = after.filter((c) => c.text === text && c.from.id === instagramUserId);
      expect(mine).toHaveLength(1);
      expect(reply.content).toContain(`comment:${mine[0]!.id}`);

      const removed = await answer('uncomment', { media: target.id, comment: mine[0]!.id });
      expect(removed.reply.content).toContain('is deleted');
      const left = await api<{ id: string }[]>(`/media/${target.id}/comments`);
      expect(left.map((c) => c.id)).not.toContain(mine[0]!.id);
    });

    it('refuses a comment that breaks the rules, names each rule, and makes no call', async () => {
      const target = pick('image');
      igcord.emulator.admin.clearRequests();
      const { first } = await answer('comment', { media: target.id, text: 'BUY NOW #A #B #C #D #E' });
      const data = first.data as { content: string; flags: number };
      expect(first.type).toBe(4);
      expect(data.flags).toBe(EPHEMERAL);
      expect(data.content).toContain('was not sent');
      expect(data.content).toContain('at most 4 hashtags (this one has 5)');
      expect(data.content).toContain('cannot be all capital letters');
      expect(igcord.emulator.admin.requests()).toEqual([]);
    });
  });

  it('never writes the access token to the logs', async () => {
    await answer('show', { media: media[0]!.id });
    const logs = igcord.logs();
    expect(logs).toContain('"command":"media"');
    expect(logs).not.toContain(ownerToken);
  });

  describe('likes, like and unlike', () => {
    it('likes a post and unlikes it, confirming in one line with the count Instagram now reports', async () => {
      const target = pick('image', (m) => !m.user_has_liked);
      const liked = await answer('like', { media: target.id });
      expect(liked.reply.content).toContain('You like');
      expect(liked.reply.content).toContain(`(${target.likes.count + 1} likes now)`);
      expect(liked.reply.embeds ?? []).toEqual([]);
      const afterLike = await api<SeedMedia>(`/media/${target.id}`);
      expect(afterLike.user_has_liked).toBe(true);
      expect(afterLike.likes.count).toBe(target.likes.count + 1);

      const likers = await answer('likes', { media: target.id });
      expect(embed(likers.reply).title).toBe(`Likes on Photo by @${target.user.username}`);
      expect(embed(likers.reply).description).toContain('@mateo\\_rios');

      const unliked = await answer('unlike', { media: shortcode(target) });
      expect(unliked.reply.content).toContain('no longer like');
      expect(unliked.reply.content).toContain(`(${target.likes.count} like${target.likes.count === 1 ? '' : 's'} now)`);
      expect(unliked.reply.embeds ?? []).toEqual([]);
      const afterUnlike = await api<SeedMedia>(`/media/${target.id}`);
      expect(afterUnlike.user_has_liked).toBe(false);
      expect(afterUnlike.likes.count).toBe(target.likes.count);
    });
  });
});
