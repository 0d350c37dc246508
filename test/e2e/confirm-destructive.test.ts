// The two commands that undo a person's setup — /feed remove and /instagram unlink — ask first: an ephemeral
// Confirm / Cancel pair, nothing changed until Confirm, nothing changed at all on Cancel.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const buttonIds = (message: APIMessage): string[] =>
  JSON.stringify(message.components ?? [])
    .match(/"custom_id":"[^"]+"/g)
    ?.map((m) => m.slice('"custom_id":"'.length, -1)) ?? [];

describe('confirming what cannot be undone', () => {
  let igcord: TestIgcord;
  let general: string;
  beforeAll(async () => {
    igcord = await startTestIgcord();
    general = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** Presses the button of `message` whose id starts with `prefix`; resolves with what the message became. */
  async function press(message: APIMessage, userId: string, prefix: string): Promise<string> {
    const customId = buttonIds(message).find((id) => id.startsWith(prefix));
    expect(customId, JSON.stringify(message.components)).toBeDefined();
    const pressed = igcord.discord.pressButton({ message, customId: customId!, userId });
    await pressed.firstResponse();
    const update = pressed.replies().callbacks[0];
    expect(update?.type).toBe(7);
    expect(JSON.stringify(update?.data)).toContain('"components":[]');
    return JSON.stringify(update?.data);
  }

  it('/feed remove asks with Confirm and Cancel; Cancel keeps the feed, Confirm removes it', async () => {
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(igcord.personId, username);
    const ask = (feed: string) =>
      igcord.discord
        .sendCommand({
          channelId: general,
          userId: igcord.personId,
          name: 'feed',
          subcommand: 'remove',
          options: { feed },
        })
        .waitForReply(undefined, WAIT_MS);
    const added = await igcord.discord
      .sendCommand({
        channelId: general,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'add-tag',
        options: { channel: general, tag: 'confirmtag' },
      })
      .waitForReply(undefined, WAIT_MS);
    const id = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;

    const first = await ask(id);
    expect(first.flags! & 64).toBe(64);
    expect(first.content).toContain(`Remove feed \`${id}\``);
    expect(await igcord.app.storage.feeds.get(id)).toBeDefined();
    expect(await press(first, igcord.personId, 'feed:remove-cancel:')).toContain('nothing was removed');
    expect(await igcord.app.storage.feeds.get(id)).toMatchObject({ state: { kind: 'active' } });

    const second = await ask(id);
    expect(await press(second, igcord.personId, 'feed:remove:')).toContain('is removed');
    expect(await igcord.app.storage.feeds.get(id)).toBeUndefined();
  });

  it('/instagram unlink asks with Confirm and Cancel; Cancel keeps the link, Confirm unlinks', async () => {
    const person = igcord.discord.createUser({ username: 'unlink-asker' }).id;
    igcord.discord.addMember(igcord.guild.guildId, person);
    await igcord.link(person, String(igcord.emulator.admin.users()[1]!.username));
    const ask = () =>
      igcord.discord
        .sendCommand({ channelId: general, userId: person, name: 'instagram', subcommand: 'unlink' })
        .waitForReply(undefined, WAIT_MS);

    const first = await ask();
    expect(first.flags! & 64).toBe(64);
    expect(first.content).toContain('Unlink');
    expect(await igcord.app.storage.accounts.getWithToken(person)).toBeDefined();
    expect(await press(first, person, 'instagram:unlink-cancel')).toContain('still linked');
    expect(await igcord.app.storage.accounts.getWithToken(person)).toBeDefined();

    const second = await ask();
    expect(await press(second, person, 'instagram:unlink-confirm')).toContain('Unlinked Instagram account');
    expect(await igcord.app.storage.accounts.getWithToken(person)).toBeUndefined();
  });
});
