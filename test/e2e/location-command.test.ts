// /location end to end: the whole of igcord in sandbox mode, driven as a person would through the Discord fake,
// with the expected places read from the emulator's seeded world over its own API (not through igcord).
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';

const EPHEMERAL = 64;

interface SeededLocation {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

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

describe('/location', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;
  let place: SeededLocation;
  /** Links of the place's posts the viewer can see, newest first. */
  let posts: string[];

  const run = (userId: string, subcommand: string, options: Record<string, string | number | boolean>) =>
    igcord.discord.sendCommand({ guildId, channelId, userId, name: 'location', subcommand, options });
  const suggest = (userId: string, value: string) =>
    igcord.discord
      .sendAutocomplete({
        guildId,
        channelId,
        userId,
        name: 'location',
        subcommand: 'info',
        focused: 'location',
        value,
      })
      .firstResponse();
  const choicesOf = (answer: { data: unknown }) =>
    (answer.data as { choices: { name: string; value: string }[] }).choices;
  const requests = () => igcord.emulator.admin.requests();

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    const viewer = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(igcord.personId, viewer);

    // The seeded place with the most posts the viewer can see, found through the posts' own locations.
    const token = igcord.emulator.admin.mintToken({ username: viewer }).access_token;
    const seen = new Map<string, string[]>();
    for (const user of igcord.emulator.admin.users()) {
      const own = igcord.emulator.admin.mintToken({ username: String(user.username) }).access_token;
      const { data } = await api(igcord, own, '/users/self/media/recent?count=33');
      for (const media of data as { location: { id: number | string } | null }[]) {
        if (media.location?.id != null) seen.set(String(media.location.id), []);
      }
    }
    for (const id of seen.keys()) {
      let page = await api(igcord, token, `/locations/${id}/media/recent`);
      for (;;) {
        seen.get(id)!.push(...(page.data as { link: string }[]).map((m) => m.link));
        if (!page.pagination?.next_url) break;
        page = await api(igcord, token, page.pagination.next_url);
      }
    }
    const [id, links] = [...seen.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    place = (await api(igcord, token, `/locations/${id}`)).data as SeededLocation;
    posts = links;
    expect(posts.length).toBeGreaterThan(1);
    igcord.emulator.admin.clearRequests();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('info by location id answers privately with the name, id, coordinates and links', async () => {
    const reply = await run(igcord.personId, 'info', { location: place.id }).waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`📍 ${place.name}`);
    expect(embed.url).toBe(`https://www.instagram.com/explore/locations/${place.id}/`);
    expect(embed.fields).toContainEqual({ name: 'Location id', value: place.id, inline: true });
    const coordinates = embed.fields!.find((f) => f.name === 'Coordinates')!.value;
    expect(coordinates).toContain(
      `[${place.latitude.toFixed(5)}, ${place.longitude.toFixed(5)}](https://www.openstreetmap.org/`,
    );
  });

  it('info by "lat,lng" shows the nearest place there, and share posts it in the channel', async () => {
    const reply = await run(igcord.personId, 'info', {
      location: `${place.latitude}, ${place.longitude}`,
      share: true,
    }).waitForReply();
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(igcord.discord.messages(channelId).find((m) => m.id === reply.id)?.embeds[0]?.title).toBe(
      `📍 ${place.name}`,
    );
  });

  it('recent shows the posts at the place one at a time, in the API order, with working buttons', async () => {
    let message = await run(igcord.personId, 'recent', { location: place.id }).waitForReply();
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    // All of them arrive in one API page (20) unless there are more, and then the total is not known yet.
    const total = posts.length > 20 ? '' : ` of ${posts.length}`;
    expect(message.content).toBe(`Recent posts at **${place.name}** · post 1${total}`);
    expect(message.embeds[0]!.url).toBe(posts[0]);
    expect(message.embeds[0]!.fields).toContainEqual(
      expect.objectContaining({
        name: '📍 Location',
        value: `[${place.name}](https://www.instagram.com/explore/locations/${place.id}/)`,
      }),
    );
    const next = (m: APIMessage) =>
      (m.components?.[0] as { components: { custom_id: string; label: string }[] }).components.find(
        (b) => b.label === 'Next ▶',
      )!;
    message = await igcord.discord
      .pressButton({ message, customId: next(message).custom_id, userId: igcord.personId })
      .waitForReply();
    expect(message.content).toBe(`Recent posts at **${place.name}** · post 2${total}`);
    expect(message.embeds[0]!.url).toBe(posts[1]);
  });

  it('search lists the places around a point, nearest first, with ids and distances', async () => {
    const reply = await run(igcord.personId, 'search', {
      lat: place.latitude,
      lng: place.longitude,
      distance: 750,
    }).waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`Places within 750 m of ${place.latitude}, ${place.longitude}`);
    const lines = embed.description!.split('\n');
    expect(lines[0]).toBe(
      `[${place.name}](https://www.instagram.com/explore/locations/${place.id}/) — id \`${place.id}\` · 0 m`,
    );
    const metres = lines.map((l) => Number(/· (\d+) m$/.exec(l)![1]));
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    expect(metres.every((m) => m <= 750)).toBe(true);
  });

  it('refuses coordinates out of range in plain words naming the option, without calling Instagram', async () => {
    igcord.emulator.admin.clearRequests();
    const refusal = async (subcommand: string, options: Record<string, string | number>) => {
      const handle = run(igcord.personId, subcommand, options);
      const reply = await handle.waitForReply();
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      return { reply, id: replyIdOf(igcord, handle.id) };
    };
    // Numbers outside the registered ranges never arrive: Discord's client (and so the fake) will not send them.
    expect(() => run(igcord.personId, 'search', { lat: 200, lng: 24.9 })).toThrow(/option lat must be from -90 to 90/);
    expect(() => run(igcord.personId, 'search', { lat: 60.17, lng: 24.9, distance: 5000 })).toThrow(
      /option distance must be from 1 to 750/,
    );
    // Coordinates typed as text are igcord's to check.
    const badText = await refusal('info', { location: '95, 24.9' });
    expect(badText).toMatchObject({ id: 'input.invalid', reply: { content: '`lat` must be between -90 and 90.' } });
    const notAPlace = await refusal('recent', { location: 'helsinki' });
    expect(notAPlace.id).toBe('input.invalid-location');
    expect(requests()).toHaveLength(0);
  });

  it('says so in plain words when no place is near the coordinates given', async () => {
    const reply = await run(igcord.personId, 'recent', { location: '0, 0' }).waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toBe(
      'Instagram knows no location within 500 m of 0, 0. Try `/location search` with a larger distance.',
    );
    expect(requests().at(-1)?.route).toBe('GET /locations/search');
  });

  it('answers a location id Instagram does not know with the not-found reply', async () => {
    const reply = await run(igcord.personId, 'info', { location: '999999999999' }).waitForReply();
    expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/^Instagram could not find the location `999999999999`/);
  });

  it('suggests the places around typed coordinates, from the cache the second time', async () => {
    const stranger = igcord.discord.createUser({ username: 'fresh-eyes' });
    igcord.discord.addMember(guildId, stranger.id);
    const viewer = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(stranger.id, viewer);
    igcord.emulator.admin.clearRequests();
    const typed = `${place.latitude},${place.longitude}`;
    const first = await suggest(stranger.id, typed);
    expect(first.type).toBe(8);
    const choices = choicesOf(first);
    expect(choices[0]).toEqual({ name: `📍 ${place.name} · 0 m`, value: place.id });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choicesOf(await suggest(stranger.id, typed))).toEqual(choices);
    expect(requests().filter((r) => r.route === 'GET /locations/search')).toHaveLength(1);

    // Coordinates out of range are not searched.
    igcord.emulator.admin.clearRequests();
    expect(choicesOf(await suggest(stranger.id, '95,24.9'))).toEqual([]);
    expect(requests()).toHaveLength(0);
  });

  it('suggests the places a person looked up lately, matching what they type, without calling Instagram', async () => {
    const person = igcord.discord.createUser({ username: 'returning' });
    igcord.discord.addMember(guildId, person.id);
    const viewer = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(person.id, viewer);
    expect(choicesOf(await suggest(person.id, place.name.slice(0, 4)))).toEqual([]);
    await run(person.id, 'info', { location: place.id }).waitForReply();

    igcord.emulator.admin.clearRequests();
    const typed = place.name.slice(1, 6).toLowerCase();
    expect(choicesOf(await suggest(person.id, typed))).toEqual([{ name: `🕘 ${place.name}`, value: place.id }]);
    expect(choicesOf(await suggest(person.id, 'zzzz-no-such-place'))).toEqual([]);
    expect(choicesOf(await suggest(person.id, place.id))).toEqual([
      { name: `Location id ${place.id}`, value: place.id },
    ]);
    expect(requests()).toHaveLength(0);
  });

  it('offers no suggestions to someone who has not linked Instagram', async () => {
    const stranger = igcord.discord.createUser({ username: 'unlinked' });
    igcord.discord.addMember(guildId, stranger.id);
    igcord.emulator.admin.clearRequests();
    expect(choicesOf(await suggest(stranger.id, `${place.latitude},${place.longitude}`))).toEqual([]);
    expect(requests()).toHaveLength(0);
  });

  it('asks a person whose link lacks public_content to relink with that permission', async () => {
    const basicOnly = igcord.discord.createUser({ username: 'basic-places' });
    igcord.discord.addMember(guildId, basicOnly.id);
    const viewer = String(igcord.emulator.admin.users().find((u) => u.is_private === false)!.username);
    await igcord.link(basicOnly.id, viewer, ['basic']);
    const reply = await run(basicOnly.id, 'recent', { location: place.id }).waitForReply();
    expect(reply.content).toContain('"public_content" permission');
    expect(JSON.stringify(reply.components)).toContain('"custom_id":"instagram:link:public_content"');
  });

  it('tells the person to try again when Instagram answers 500', async () => {
    const fault = igcord.emulator.admin.injectFault({ path: '^/v1/locations/', kind: 'status', status: 500 });
    try {
      const reply = await run(igcord.personId, 'search', { lat: place.latitude, lng: place.longitude }).waitForReply(
        undefined,
        WAIT_MS,
      );
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toBe('Instagram is not answering properly right now. Try again in a few minutes.');
    } finally {
      igcord.emulator.admin.removeFault(fault.id);
    }
  });
});
