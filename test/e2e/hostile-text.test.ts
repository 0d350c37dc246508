// Hostile Instagram text end to end: an Instagram user whose name and caption are built to ping a guild, show a
// phishing link as friendly words and reverse igcord's own text posts through the emulator. What the Discord
// fake receives — the feed post and the `/media show` reply — must carry it as plain text: no masked link, no
// mention, no bidi override, and `allowed_mentions` that lets nothing but the feed's own role ping.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/console/render-message.js';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

const MARK = 'free-nitro-4471';
const MENTION = /<@[!&]?\d+>|<#\d+>|@everyone|@here/i;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Masked links Discord would render (after its backslash escapes), as their URLs. */
const maskedLinkUrls = (markdown: string) =>
  [...markdown.replace(/\\[\s\S]/g, '\uE000').matchAll(/\[[^[\]]*\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]!);

describe('hostile Instagram text reaching Discord', () => {
  let igcord: FeedsIgcord;
  let instagramUserId: string;
  let roleId: string;
  let caption: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    const { guildId, channels } = igcord.guild;
    roleId = igcord.discord.createRole(guildId, { name: 'moderators' });
    caption = [
      `@everyone @here <@&${roleId}> <@${igcord.personId}> <#${channels.general}>`,
      `[x [${MARK}](https://evil.example/a) and [again](https://evil.example/b)`,
      '\\[escaped](https://evil.example/c) \u202Egnp.exe\u202C',
    ].join('\n');
    igcord.emulator.admin.createUser({
      username: 'hostile_name',
      full_name: '@everyone \u202E<@&1>[y](https://evil.example/d)',
    });
    ({ instagramUserId } = await igcord.link(igcord.personId, 'hostile_name'));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  type Body = { content?: string; embeds?: APIMessage['embeds'] };
  /** Where Discord renders markdown, masked links included: content, descriptions, fields. */
  const markdownTexts = (body: Body) =>
    [
      body.content ?? '',
      ...(body.embeds ?? []).flatMap((e) => [e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ].filter((t): t is string => t !== undefined);
  /** Titles, author names and footers: shown without masked links, so held only to no mention and no bidi. */
  const labelTexts = (body: Body) =>
    (body.embeds ?? [])
      .flatMap((e) => [e.title, e.author?.name, e.footer?.text])
      .filter((t): t is string => t !== undefined);

  const expectHarmless = (body: Body, ownMention?: string) => {
    for (const text of markdownTexts(body)) {
      for (const url of maskedLinkUrls(text)) expect(url).not.toContain('evil.example');
    }
    for (const text of [...markdownTexts(body), ...labelTexts(body)]) {
      const rest = ownMention === undefined ? text : text.replace(ownMention, '');
      expect(rest, text).not.toMatch(MENTION);
      expect(text).not.toMatch(BIDI);
    }
  };

  it('posts a feed media with a hostile caption and name as plain text, pinging only the feed role', async () => {
    const { channels } = igcord.guild;
    const feedRole = igcord.discord.createRole(igcord.guild.guildId, { name: 'insta-fans' });
    await igcord.addFeed({
      channelId: channels.general!,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
      mentionRoleId: feedRole,
    });
    const webhook = await igcord.createWebhook(channels.instagram!);
    await igcord.addFeed({
      channelId: channels.instagram!,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
      webhook,
    });

    igcord.emulator.admin.postMedia(instagramUserId, { caption });
    const byMark = (m: APIMessage) => m.embeds.some((e) => e.description?.includes(MARK));
    const message = await igcord.discord.waitForMessage(channels.general!, byMark, WAIT_MS);
    const hooked = await igcord.discord.waitForMessage(channels.instagram!, byMark, WAIT_MS);

    const sent = igcord.discord.restLog().filter((e) => e.method === 'POST' && JSON.stringify(e.body).includes(MARK));
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const entry of sent) {
      const body = entry.body as {
        content?: string;
        embeds?: APIMessage['embeds'];
        username?: string;
        allowed_mentions?: { parse?: string[]; roles?: string[] };
      };
      expectHarmless(body, `<@&${feedRole}>`);
      expect(body.allowed_mentions?.parse).toEqual([]);
      expect(body.allowed_mentions?.roles ?? []).toEqual(entry.path.startsWith('/webhooks/') ? [] : [feedRole]);
      if (body.username !== undefined) {
        expect(body.username).not.toMatch(MENTION);
        expect(body.username).not.toMatch(BIDI);
      }
    }
    expect(message.content).toBe(`<@&${feedRole}>`);
    // The words are all still there, only escaped: the caption reads as written.
    expect(message.embeds[0]!.description!.replace(/\\(.)/g, '$1').replace(/\u200B/g, '')).toContain(
      `[${MARK}](https://evil.example/a)`,
    );

    // The sandbox console shows the stored message without turning the defused mentions back into names.
    const names = {
      user: () => 'someone',
      channel: () => 'general',
      role: (id: string) => (id === feedRole ? 'insta-fans' : 'moderators'),
    };
    for (const shown of [message, hooked].map((m) => renderMessage(m, names).text)) {
      expect(shown).not.toContain('@moderators');
      expect(shown).not.toContain('#general');
      expect(shown).not.toMatch(MENTION);
      expect(shown).not.toMatch(BIDI);
    }
  });

  it('shows a hostile caption in /media show as plain text with pings restricted', async () => {
    const { guildId, channels } = igcord.guild;
    const posted = igcord.emulator.admin.postMedia(instagramUserId, { caption: `${caption} show` }) as {
      id?: string;
      data?: { id: string };
    };
    const mediaId = posted.data?.id ?? posted.id!;
    igcord.discord.clearLog();
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId: channels.general!,
      userId: igcord.personId,
      name: 'media',
      subcommand: 'show',
      options: { media: mediaId },
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    expect(reply.embeds?.[0]?.description).toContain(MARK);

    // The interaction's answer (its callback or the edit of @original), not the feed posts this media also caused.
    const sent = igcord.discord
      .restLog()
      .filter(
        (e) =>
          /\/interactions\/|\/webhooks\/\d+\/[^/]+\/messages\//.test(e.path) &&
          JSON.stringify(e.body ?? '').includes(MARK),
      );
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const entry of sent) {
      const body = entry.body as {
        content?: string;
        embeds?: APIMessage['embeds'];
        allowed_mentions?: { parse?: string[] };
        data?: { content?: string; embeds?: APIMessage['embeds']; allowed_mentions?: { parse?: string[] } };
      };
      const message = body.data ?? body;
      expectHarmless(message);
      expect(message.allowed_mentions?.parse).toEqual([]);
    }
    expectHarmless(reply);
  });
});
