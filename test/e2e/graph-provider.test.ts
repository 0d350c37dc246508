// igcord on the Graph provider, end to end: `INSTAGRAM_PROVIDER=graph` without credentials boots the sandbox on
// the Graph emulator (not the v1 one), registers only the commands Graph can serve with the Discord fake, says
// in /help why the others are missing, and answers a command from the Graph emulator with a token it minted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { assertNoSecretLogged } from '../support/secret-scan.js';

interface Registered {
  name: string;
  options?: { type: number; name: string }[];
}
const embedText = (e: APIEmbed) =>
  [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].filter(Boolean).join('\n');

describe('igcord on the Graph provider (sandbox)', () => {
  let app: Igcord;
  const lines: string[] = [];
  const sandbox = () => app.sandbox!;
  const command = (name: string, subcommand?: string, options?: Record<string, string | boolean>) =>
    sandbox().discord.sendCommand({
      guildId: sandbox().guild.guildId,
      channelId: sandbox().guild.channels.general!,
      userId: sandbox().personId,
      name,
      ...(subcommand ? { subcommand } : {}),
      ...(options ? { options } : {}),
    });

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'igcord-graph-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'debug',
      INSTAGRAM_PROVIDER: 'graph',
    });
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    app = await startIgcord(config, createLogger({ level: config.logLevel, destination }), {
      discordClientOptions: {
        rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    });
  });
  afterAll(async () => {
    const graph = app?.sandbox?.graph;
    await app?.close();
    if (graph)
      assertNoSecretLogged(
        lines.join(''),
        graph.issuedTokens().map((value, i) => ({ name: `Graph token ${i}`, value })),
        "igcord's log",
      );
  });

  it('boots on the Graph emulator, with its app credentials and hosts, instead of the v1 emulator', () => {
    expect(sandbox().instagram).toBeUndefined();
    const graph = sandbox().graph!;
    expect(graph).toBeDefined();
    const instagram = app.config.instagram;
    expect(instagram.provider).toBe('graph');
    expect(instagram.clientId).toBe(graph.admin.app().instagramAppId);
    expect(instagram.graph.hosts).toEqual(graph.hosts);
  });

  it('registers only what Graph serves: no /follows, /location or /tag, no likes, search or locations, and /comments, /insights and /feed', () => {
    const registered = sandbox().discord.commands(sandbox().guild.guildId) as Registered[];
    const names = registered.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['help', 'ping', 'instagram', 'media', 'user', 'comments', 'insights', 'feed']),
    );
    for (const absent of ['follows', 'location', 'tag', 'account', 'hashtag']) expect(names).not.toContain(absent);
    const subs = (name: string) => (registered.find((c) => c.name === name)?.options ?? []).map((o) => o.name);
    expect(subs('media')).toEqual(expect.arrayContaining(['show', 'comments', 'comment', 'uncomment']));
    for (const absent of ['near', 'liked', 'likes', 'like', 'unlike']) expect(subs('media')).not.toContain(absent);
    expect(subs('user')).not.toContain('search');
  });

  it('explains in /help why what is missing is missing', async () => {
    const handle = command('help');
    await handle.waitForReply(undefined, 10_000);
    const replies = handle.replies();
    const text = [replies.original!, ...replies.followUps].flatMap((m) => m.embeds.map(embedText)).join('\n');
    expect(text).toContain('Not available with this Instagram API');
    expect(text).toMatch(/`\/follows`[^\n]*Instagram's current API has no follower lists/);
    expect(text).toMatch(/`\/media likes`[^\n]*Instagram's current API has no likes lists/);
    expect(text).toMatch(/`\/location`[^\n]*no locations/);
    expect(text).toMatch(/`\/account`[^\n]*Business Discovery needs Facebook Login/);
    // Channel feeds are served on Graph (the own account's posts and stories); tag and location feeds are not.
    expect(text).toMatch(/`\/feed add-tag`[^\n]*no hashtag feeds/);
    expect(text).toMatch(/`\/feed add-location`[^\n]*no location feeds/);
    expect(text).not.toContain('no channel feeds');
    expect(text).not.toMatch(/`\/feed add-(account|stories)`/);
  });

  it('answers /instagram me from the Graph emulator for a person whose token is stored', async () => {
    const graph = sandbox().graph!;
    const studio = graph.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const minted = graph.admin.mintToken({ account: 'igcord.studio' });
    await app.storage.accounts.link({
      discordUserId: sandbox().personId,
      instagramUserId: studio.id,
      username: 'igcord.studio',
      scopes: ['instagram_business_basic'],
      accessToken: minted.access_token,
    });
    graph.admin.clearRequests();
    const handle = command('instagram', 'me');
    const reply = await handle.waitForReply(undefined, 10_000);
    expect(JSON.stringify(reply)).toContain('igcord.studio');
    expect(JSON.stringify(reply)).toContain(studio.name);
    expect(graph.admin.requests().map((r) => `${r.method} ${r.path}`)).toContain('GET /v25.0/me');
  });

  it('lists, hides and replies to the comments on your post, and shows your insights, from the Graph emulator', async () => {
    const graph = sandbox().graph!;
    const post = graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'New work' });
    const theirs = graph.admin.postComment({ mediaId: post.id, from: 'sam.reads', text: 'Lovely light' });
    const listed = await command('comments', 'list', { post: post.id }).waitForReply(undefined, 10_000);
    expect(listed.content).toContain('sam.reads');
    expect(listed.content).toContain('Lovely light');
    expect(listed.content).toContain(theirs.id);

    const hidden = await command('comments', 'hide', { comment: theirs.id }).waitForReply(undefined, 10_000);
    expect(hidden.content).toContain('is hidden');
    expect(
      graph.admin.requests().some((r) => r.method === 'POST' && r.path.endsWith(`/${theirs.id}`) && r.status === 200),
    ).toBe(true);

    const replied = await command('comments', 'reply', { comment: theirs.id, text: 'Thank you!' }).waitForReply(
      undefined,
      10_000,
    );
    // A hidden comment takes no reply (reference §1.4): Instagram's refusal reaches the person as words.
    expect(replied.content).not.toContain('Replied');
    await command('comments', 'hide', { comment: theirs.id, hidden: false }).waitForReply(undefined, 10_000);
    const again = await command('comments', 'reply', { comment: theirs.id, text: 'Thank you!' }).waitForReply(
      undefined,
      10_000,
    );
    expect(again.content).toContain(`Replied to comment \`${theirs.id}\``);

    const insights = await command('insights').waitForReply(undefined, 10_000);
    expect(insights.content).toContain('Insights of @igcord.studio');
    expect(insights.content).toMatch(/reach: \*\*[\d,]+\*\*/);
  });
});

describe('igcord on the Graph provider with Facebook Login (sandbox)', () => {
  let app: Igcord;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'igcord-graph-fb-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      INSTAGRAM_PROVIDER: 'graph',
      INSTAGRAM_GRAPH_LOGIN: 'facebook',
    });
    app = await startIgcord(config, createLogger({ level: 'silent' }), {
      discordClientOptions: {
        rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("registers /account and /hashtag, and answers /account profile from Business Discovery with the Meta app's Page token", async () => {
    const sandbox = app.sandbox!;
    const graph = sandbox.graph!;
    expect(app.config.instagram.clientId).toBe(graph.admin.app().metaAppId);
    const names = (sandbox.discord.commands(sandbox.guild.guildId) as Registered[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['account', 'hashtag', 'comments']));
    const studio = graph.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const minted = graph.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' });
    await app.storage.accounts.link({
      discordUserId: sandbox.personId,
      instagramUserId: studio.id,
      username: 'igcord.studio',
      scopes: [],
      accessToken: minted.access_token,
    });
    const reply = await sandbox.discord
      .sendCommand({
        guildId: sandbox.guild.guildId,
        channelId: sandbox.guild.channels.general!,
        userId: sandbox.personId,
        name: 'account',
        subcommand: 'profile',
        options: { username: 'harbor.cafe' },
      })
      .waitForReply(undefined, 10_000);
    expect(JSON.stringify(reply)).toContain('harbor.cafe');
    expect(graph.admin.requests().some((r) => r.host === 'facebook-graph')).toBe(true);
  });
});
