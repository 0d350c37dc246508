// /feed add-location by name or coordinates, end to end: the `location` option suggests places — around typed
// coordinates, and by name around the point the person last used (the API cannot search places by name, only
// around a point) — and a feed can be added with the place's name as well as its id.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyIdOf } from '../support/reply-id.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const SQUARE = { name: 'Kauppatori Market Square', lat: 60.1675, lng: 24.9525 };

describe('/feed add-location by name', () => {
  let igcord: TestIgcord;
  let channelId: string;
  let squareId: string;

  const suggest = async (userId: string, value: string) => {
    const answer = await igcord.discord
      .sendAutocomplete({
        guildId: igcord.guild.guildId,
        channelId,
        userId,
        name: 'feed',
        subcommand: 'add-location',
        options: { channel: channelId },
        focused: 'location',
        value,
      })
      .firstResponse();
    expect(answer.type).toBe(8);
    return (answer.data as { choices: { name: string; value: string }[] }).choices;
  };
  const addLocation = async (
    userId: string,
    location: string,
  ): Promise<APIMessage & { replyId: string | undefined }> => {
    const handle = igcord.discord.sendCommand({
      channelId,
      userId,
      name: 'feed',
      subcommand: 'add-location',
      options: { channel: channelId, location },
    });
    const reply = await handle.waitForReply(undefined, 15_000);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  };
  const searches = () => igcord.emulator.admin.requests().filter((r) => r.route === 'GET /locations/search');
  const newAdmin = async (name: string) => {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(igcord.guild.guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    await igcord.link(user.id, String(igcord.emulator.admin.users()[0]!.username));
    return user.id;
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    channelId = igcord.guild.channels.general!;
    const { accessToken, instagramUserId } = await igcord.link(
      igcord.personId,
      String(igcord.emulator.admin.users()[0]!.username),
    );
    const found = await igcord.app.instagram.locations.search(
      { userId: instagramUserId, accessToken },
      { lat: SQUARE.lat, lng: SQUARE.lng, distance: 100 },
    );
    squareId = String(found.data.find((l) => l.name === SQUARE.name)!.id);
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('declares the location option with autocomplete', () => {
    const feed = (
      igcord.discord.commands(igcord.guild.guildId) as {
        name: string;
        options: { name: string; options: { name: string; autocomplete?: boolean }[] }[];
      }[]
    ).find((c) => c.name === 'feed')!;
    const option = feed.options.find((o) => o.name === 'add-location')!.options.find((o) => o.name === 'location');
    expect(option?.autocomplete).toBe(true);
  });

  it('suggests the places around typed coordinates, each by its id', async () => {
    const admin = await newAdmin('coords-admin');
    const choices = await suggest(admin, `${SQUARE.lat}, ${SQUARE.lng}`);
    expect(choices[0]).toMatchObject({ value: squareId });
    expect(choices[0]!.name).toContain(SQUARE.name);
  });

  it('suggests places by name around the point the person last used, searching Instagram there', async () => {
    const admin = await newAdmin('name-admin');
    // Nothing to search around yet: no suggestion by name, and no call spent.
    igcord.emulator.admin.clearRequests();
    expect(await suggest(admin, 'kauppa')).toEqual([]);
    expect(searches()).toHaveLength(0);

    await suggest(admin, `${SQUARE.lat},${SQUARE.lng}`);
    igcord.emulator.admin.clearRequests();
    const byName = await suggest(admin, 'kauppa');
    expect(byName).toContainEqual(expect.objectContaining({ value: squareId }));
    expect(byName.every((c) => c.name.toLowerCase().includes('kauppa'))).toBe(true);
    // One search around that point (the lookup cache may serve it without a call).
    expect(searches().length).toBeLessThanOrEqual(1);
  });

  it('adds a feed by the place’s name, following its id', async () => {
    const admin = await newAdmin('add-admin');
    await suggest(admin, `${SQUARE.lat},${SQUARE.lng}`);
    const reply = await addLocation(admin, SQUARE.name.toLowerCase());
    expect(reply.content).toContain(`location ${SQUARE.name} (${squareId})`);
    const feedId = /`([a-z0-9]+)`/.exec(reply.content)![1]!;
    expect(await igcord.app.storage.feeds.get(feedId)).toMatchObject({ source: { kind: 'location', id: squareId } });
  });

  it('refuses a name it cannot place, saying how to pick one', async () => {
    const admin = await newAdmin('lost-admin');
    const reply = await addLocation(admin, 'Nowhere In Particular');
    expect(reply.replyId).toBe('input.invalid-location');
    expect(reply.content).toMatch(/coordinates/);
  });
});
