// Linking an Instagram account, end to end: the real bot on the Discord fake, igcord's link page and the fake's
// Discord authorize page (Discord confirms the person first), the Instagram emulator's authorize page, the real HTTP
// callback, a cookie-keeping browser that submits each page's form as a person would, and SQLite storage. Also unlink, the profile,
// the budget, the paste-a-token modal, and each failure a linked command can meet (not linked, revoked token,
// missing scope), always on the invoker's own link.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../commands/_shared/describe-error.js';
import { withInstagram } from '../../commands/_shared/linked-account.js';
import { InstagramScopeError } from '../../src/providers/v1/errors.js';
import { createLogger } from '../../src/log.js';
import { FormBrowser } from '../../src/console/form-browser.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { visitedAt, walkLink } from '../support/link-walk.js';
import { WAIT_MS } from '../support/eventually.js';
import { pressConfirm } from '../support/press-confirm.js';

describe('/instagram linking, end to end', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** A fresh Discord member, so tests never share a link. */
  function newPerson(username: string): string {
    const user = igcord.discord.createUser({ username });
    igcord.discord.addMember(guildId, user.id);
    return user.id;
  }

  function instagramUser(username: string): { id: string; username: string } {
    const user = igcord.emulator.admin.users().find((u) => u.username === username);
    if (!user) throw new Error(`no seeded Instagram user ${username}`);
    return { id: String(user.id), username };
  }

  /** A username as message content carries it: markdown-escaped like all Instagram text (`a\_b` shows as a_b). */
  function shown(username: string): string {
    return username.replace(/_/g, '\\_');
  }

  function seededUsernames(): string[] {
    return igcord.emulator.admin.users().map((u) => String(u.username));
  }

  function run(userId: string, subcommand: string, options?: Record<string, string>) {
    return igcord.discord.sendCommand({
      guildId,
      channelId,
      userId,
      name: 'instagram',
      subcommand,
      ...(options ? { options } : {}),
    });
  }

  /** Runs /instagram link and returns the reply and the authorize URL on its link button. */
  async function startLink(userId: string, options?: Record<string, string>) {
    const handle = run(userId, 'link', options);
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { handle, reply, url: authorizeUrlOf(reply) };
  }

  /**
   * What a person does with the Link button in their own browser: open it, confirm on Discord's authorize page as
   * `person`, then Authorize (as `username`) or Cancel on Instagram's. Returns igcord's page and the callback URL.
   */
  async function decide(url: string, person: string, username: string, decision: 'authorize' | 'cancel' = 'authorize') {
    const walk = await walkLink(igcord, new FormBrowser(), url, {
      discordUserId: person,
      instagramUsername: username,
      instagram: decision,
    });
    const callbackUrl = visitedAt(walk, igcord.app.http.url, '/oauth/callback');
    expect(callbackUrl).toBeDefined();
    return { status: walk.page.status, headers: walk.page.headers, html: walk.page.html, url: callbackUrl! };
  }

  async function callback(url: string) {
    const response = await fetch(url);
    return { status: response.status, headers: response.headers, html: await response.text(), url };
  }

  /** The Instagram authorize address the link leads to once `person` confirmed on Discord. */
  async function instagramAuthorizeUrl(url: string, person: string): Promise<string> {
    const browser = new FormBrowser();
    const onDiscord = await browser.get(url);
    const onInstagram = await browser.submit(onDiscord, 'authorize', { user_id: person, decision: 'authorize' });
    expect(new URL(onInstagram.url).origin).toBe(new URL(igcord.emulator.url).origin);
    return onInstagram.url;
  }

  it('links by OAuth: the callback page names the account and the Discord user, the reply is edited, /instagram me shows the profile', async () => {
    const person = newPerson('oauth-alice');
    const username = seededUsernames()[0]!;
    const { handle, reply, url } = await startLink(person);
    expect(reply.content).toContain('Authorize on Instagram');
    // The button opens igcord's own link page, never Instagram directly.
    expect(url.startsWith(`${igcord.app.http.url}/link?state=`)).toBe(true);
    expect(new URL(url).searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(
      new URL(await instagramAuthorizeUrl((await startLink(person)).url, person)).searchParams.get('response_type'),
    ).toBe('code');

    const page = await decide(url, person, username);
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-outcome="linked"');
    expect(page.html).toContain(`@${username}`);
    expect(page.html).toContain('oauth-alice');
    expect(page.html).toContain(person);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-type')).toContain('text/html');

    const account = await igcord.app.storage.accounts.get(person);
    expect(account).toMatchObject({ instagramUserId: instagramUser(username).id, username, status: 'active' });
    const { accessToken } = (await igcord.app.storage.accounts.getWithToken(person))!;
    // The page never carries a secret, and the token is only stored encrypted.
    expect(page.html).not.toContain(accessToken);
    expect(page.html).not.toContain(new URL(page.url).searchParams.get('code')!);
    const dataDir = igcord.app.config.dataDir;
    const files = readdirSync(dataDir).filter((f) => f.startsWith('igcord.sqlite'));
    expect(files).toContain('igcord.sqlite');
    for (const file of files) {
      // The main file and its write-ahead log: the token's secret part appears in neither.
      const raw = readFileSync(join(dataDir, file));
      expect(raw.includes(Buffer.from(accessToken.split('.').at(-1)!))).toBe(false);
    }

    // The ephemeral reply that carried the button now says it is linked, with no buttons left.
    const edited = await handle.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
    expect(edited.content).toContain(`@${shown(username)}`);
    expect(edited.components ?? []).toEqual([]);
    expect(
      igcord.discord
        .restLog()
        .some((e) => e.method === 'PATCH' && e.path.includes('/messages/@original') && e.status === 200),
    ).toBe(true);

    const me = await run(person, 'me').waitForReply(undefined, WAIT_MS);
    expect(me.flags! & 64).toBe(64);
    expect(me.content).toContain(`@${shown(username)}`);
    expect(JSON.stringify(me.embeds)).toContain(`@${username}`);
    expect(igcord.logs()).not.toContain(accessToken);
  });

  it('shows the cancelled page, burns the state and links nothing when the person presses Cancel', async () => {
    const person = newPerson('oauth-cancel');
    const { handle, url } = await startLink(person);
    const page = await decide(url, person, seededUsernames()[1]!, 'cancel');
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-outcome="cancelled"');
    expect(page.html).toContain('You cancelled linking');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    await handle.waitForReply((m) => m.content.includes('cancelled'), WAIT_MS);
    // The same state cannot be used afterwards.
    const again = await callback(
      `${igcord.app.http.url}/oauth/callback?state=${new URL(page.url).searchParams.get('state')}&code=abc`,
    );
    expect(again.status).toBe(400);
    expect(again.html).toContain('data-outcome="state-invalid"');
  });

  /** Gets a real, unused code for `username` from the emulator, carrying `state`. */
  async function codeWithState(username: string, state: string): Promise<string> {
    const authorize = igcord.app.instagram.oauth.authorizeUrl({ responseType: 'code', scopes: ['basic'], state });
    const form = formFields(await (await fetch(authorize)).text(), 'authorize');
    form.set('user_id', instagramUser(username).id);
    form.set('decision', 'authorize');
    const redirect = await fetch(`${igcord.emulator.url}/oauth/authorize/`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    return new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  }

  /** True when the code was still unused, i.e. igcord never exchanged it. Uses it up. */
  async function codeStillUnused(code: string): Promise<boolean> {
    const { clientId, clientSecret } = igcord.app.config.instagram;
    const response = await fetch(`${igcord.emulator.url}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: clientId!,
        client_secret: clientSecret!,
        grant_type: 'authorization_code',
        redirect_uri: `${igcord.app.http.url}/oauth/callback`,
        code,
      }),
    });
    return response.status === 200;
  }

  it('refuses a forged state with a 400 page before exchanging the code, and links nothing', async () => {
    const person = newPerson('oauth-forged');
    const forgedState = 'A'.repeat(43);
    const code = await codeWithState(seededUsernames()[2]!, forgedState);
    const page = await callback(`${igcord.app.http.url}/oauth/callback?code=${code}&state=${forgedState}`);
    expect(page.status).toBe(400);
    expect(page.html).toContain('data-outcome="state-invalid"');
    expect(page.html).not.toContain(code);
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    expect(await codeStillUnused(code)).toBe(true);
  });

  it('never echoes query values into the page', async () => {
    const page = await callback(
      `${igcord.app.http.url}/oauth/callback?state=${encodeURIComponent('<script>alert(1)</script>')}&code=%3Cb%3E`,
    );
    expect(page.status).toBe(400);
    expect(page.html).not.toContain('<script>');
    expect(page.html).not.toContain('<b>');
    const missing = await callback(`${igcord.app.http.url}/oauth/callback`);
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('data-outcome="state-invalid"');
  });

  it('refuses a reused state: the second callback shows the invalid page and does not exchange its code', async () => {
    const person = newPerson('oauth-reuse');
    const username = seededUsernames()[3]!;
    const { url } = await startLink(person);
    const first = await decide(url, person, username);
    expect(first.html).toContain('data-outcome="linked"');
    const state = new URL(first.url).searchParams.get('state')!;
    const code = await codeWithState(seededUsernames()[4]!, state);
    const second = await callback(`${igcord.app.http.url}/oauth/callback?code=${code}&state=${state}`);
    expect(second.status).toBe(400);
    expect(second.html).toContain('data-outcome="state-invalid"');
    // Still linked to the first account, and the second code was never exchanged.
    expect((await igcord.app.storage.accounts.get(person))?.username).toBe(username);
    expect(await codeStillUnused(code)).toBe(true);
  });

  it('refuses an expired state with the expired page and does not exchange its code', async () => {
    const person = newPerson('oauth-expired');
    const state = await igcord.app.storage.oauthStates.create({
      stage: 'instagram',
      discordUserId: person,
      scopes: ['basic'],
      ttlMs: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const code = await codeWithState(seededUsernames()[5]!, state.state);
    const page = await callback(`${igcord.app.http.url}/oauth/callback?code=${code}&state=${state.state}`);
    expect(page.status).toBe(400);
    // Storage drops a state whose TTL has passed, so it reads as unknown here; the page names expiry either way.
    // (The distinct expired page, with a state storage still holds, is in linking-callback.test.ts.)
    expect(page.html).toMatch(/data-outcome="state-(expired|invalid)"/);
    expect(page.html).toContain('expired');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    expect(await codeStillUnused(code)).toBe(true);
  });

  it('links a pasted token after checking it with /users/self, and refuses an invalid one', async () => {
    const person = newPerson('paste-bob');
    const username = seededUsernames()[6]!;
    const { reply } = await startLink(person);

    const opened = igcord.discord.pressButton({ message: reply, customId: 'instagram:paste', userId: person });
    expect((await opened.firstResponse()).type).toBe(9);

    const bad = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: '1234.abcdef0.00000000000000000000000000000000' },
      userId: person,
    });
    const refusal = await bad.waitForReply((m) => m.content.includes('token'), WAIT_MS);
    expect(refusal.content).toContain('did not accept that token');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();

    const malformed = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: '<b>not a token</b>' },
      userId: person,
    });
    await malformed.waitForReply((m) => m.content.includes('does not look like an Instagram access token'), WAIT_MS);

    const minted = igcord.emulator.admin.mintToken({ username, scopes: ['basic', 'likes'] });
    const badScopes = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: minted.access_token, scopes: 'basic superpowers' },
      userId: person,
    });
    await badScopes.waitForReply((m) => m.content.includes('scopes are not valid'), WAIT_MS);
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();

    const verifiesBefore = igcord.emulator.admin.requests().filter((r) => r.route === 'GET /users/self').length;
    // The person corrects the prefilled scopes to what the token was granted.
    const good = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: ` ${minted.access_token} `, scopes: 'likes basic' },
      userId: person,
    });
    // The link message itself changes to say which account is linked.
    const updated = await good.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
    expect(updated.content).toContain(`@${shown(username)}`);
    expect(updated.components ?? []).toEqual([]);
    const linked = await igcord.app.storage.accounts.get(person);
    expect(linked).toMatchObject({
      username,
      instagramUserId: String(minted.user.id),
      status: 'active',
      scopes: ['basic', 'likes'],
    });
    expect(igcord.emulator.admin.requests().filter((r) => r.route === 'GET /users/self').length).toBe(
      verifiesBefore + 1,
    );
    expect(igcord.logs()).not.toContain(minted.access_token);
  });

  it('stores the prefilled scopes when the person pastes a token and leaves the scopes field as it is', async () => {
    const person = newPerson('paste-dora');
    const username = seededUsernames()[5]!;
    const { reply } = await startLink(person);
    await igcord.discord.pressButton({ message: reply, customId: 'instagram:paste', userId: person }).firstResponse();
    const minted = igcord.emulator.admin.mintToken({ username });
    const good = igcord.discord.submitModal({
      customId: 'instagram:paste-token',
      fields: { token: minted.access_token },
      userId: person,
    });
    await good.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
    expect((await igcord.app.storage.accounts.get(person))?.scopes).toEqual(igcord.app.config.instagram.scopes);
  });

  it('unlinks: deletes the token and pauses the feeds the user owns until they link again', async () => {
    const person = newPerson('unlink-carol');
    const username = seededUsernames()[7]!;
    const { instagramUserId } = await igcord.link(person, username);
    const feed = await igcord.app.storage.feeds.add({
      guildId,
      channelId,
      source: { kind: 'account', instagramUserId },
      ownerDiscordUserId: person,
      ownerInstagramUserId: instagramUserId,
      createdBy: person,
      delivery: { mode: 'message' },
    });

    const reply = await pressConfirm(igcord, await run(person, 'unlink').waitForReply(undefined, WAIT_MS), person);
    expect(reply).toContain(`Unlinked Instagram account **@${shown(username)}**`);
    expect(reply).toContain('now paused');
    expect(reply).toContain(`<#${channelId}>`);
    expect(await igcord.app.storage.accounts.getWithToken(person)).toBeUndefined();
    expect(await igcord.app.storage.feeds.get(feed.id)).toMatchObject({
      state: { kind: 'paused', by: 'owner-unlinked' },
    });

    const again = await run(person, 'unlink').waitForReply(undefined, WAIT_MS);
    expect(again.content).toContain('nothing to unlink');

    // Linking the same account again resumes the feed.
    const { url, handle } = await startLink(person);
    expect((await decide(url, person, username)).status).toBe(200);
    expect(await igcord.app.storage.feeds.get(feed.id)).toMatchObject({ state: { kind: 'active' } });
    await handle.waitForReply((m) => m.content.includes('paused feed of this account resumed'), WAIT_MS);
  });

  it("shows the limiter's used, remaining and limit for the invoker's account with /instagram quota", async () => {
    const person = newPerson('quota-dan');
    await igcord.link(person, seededUsernames()[8]!);
    await run(person, 'me').waitForReply(undefined, WAIT_MS);
    const reply = await run(person, 'quota').waitForReply(undefined, WAIT_MS);
    const embed = reply.embeds[0]!;
    const limit = igcord.app.config.limits.global;
    expect(embed.description).toContain(`**1** of **${limit}** calls used`);
    expect(embed.description).toContain(`**${limit - 1}** remaining`);
    expect(embed.description).toMatch(/<t:\d+:R>/);
    expect(embed.fields?.map((f) => f.name)).toEqual(['Likes', 'Comments', 'Relationships']);
  });

  it("never lets a second user reach the first user's link: each command runs on the invoker's own link", async () => {
    const first = newPerson('owner-erin');
    const second = newPerson('other-frank');
    const username = seededUsernames()[9]!;
    await igcord.link(first, username);

    for (const subcommand of ['me', 'quota']) {
      const reply = await run(second, subcommand).waitForReply(undefined, WAIT_MS);
      expect(reply.content).toContain('You have not linked an Instagram account');
      expect(JSON.stringify(reply)).not.toContain(username);
      expect(firstButton(reply)).toMatchObject({ custom_id: 'instagram:link', label: 'Link Instagram' });
    }
    // The Link button starts the second user's own link, bound to the second user.
    const notLinked = await run(second, 'me').waitForReply(undefined, WAIT_MS);
    const pressed = igcord.discord.pressButton({ message: notLinked, customId: 'instagram:link', userId: second });
    const prompt = await pressed.waitForReply(undefined, WAIT_MS);
    const page = await decide(authorizeUrlOf(prompt), second, seededUsernames()[0]!);
    expect(page.html).toContain('other-frank');
    expect((await igcord.app.storage.accounts.get(second))?.username).toBe(seededUsernames()[0]);
    expect((await igcord.app.storage.accounts.get(first))?.username).toBe(username);
  });

  it('marks a revoked token broken and asks to relink, without calling Instagram again', async () => {
    const person = newPerson('revoked-gina');
    const username = seededUsernames()[1]!;
    const { accessToken } = await igcord.link(person, username);
    igcord.emulator.admin.revokeToken(accessToken);

    const first = await run(person, 'me').waitForReply(undefined, WAIT_MS);
    expect(first.content).toContain('no longer works');
    expect(firstButton(first)).toMatchObject({ custom_id: 'instagram:link', label: 'Relink Instagram' });
    expect(await igcord.app.storage.accounts.get(person)).toMatchObject({ status: 'broken' });

    const calls = igcord.emulator.admin.requests().length;
    const second = await run(person, 'me').waitForReply(undefined, WAIT_MS);
    expect(second.content).toContain(`Your Instagram link to @${shown(username)} no longer works`);
    expect(igcord.emulator.admin.requests().length).toBe(calls);
  });

  it('names a missing scope and its relink button asks Instagram for that scope', async () => {
    const person = newPerson('scope-hank');
    const { instagramUserId } = await igcord.link(person, seededUsernames()[2]!, ['basic']);
    const other = seededUsernames()
      .map(instagramUser)
      .find((u) => u.id !== instagramUserId)!;
    const deps = { storage: igcord.app.storage, log: createLogger({ level: 'silent' }) };
    const error = await withInstagram(deps, person, ({ auth }) => igcord.app.instagram.users.get(auth, other.id)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InstagramScopeError);
    const described = describeError(error);
    expect(described.content).toContain('"public_content"');
    expect(described.components[0]?.components[0]).toMatchObject({ custom_id: 'instagram:link:public_content' });

    // The error reply as the user would see it, then the relink button pressed.
    const message = (await igcord.app.bot.discord.client.rest.post(Routes.channelMessages(channelId), {
      body: { content: described.content, components: described.components },
    })) as APIMessage;
    const pressed = igcord.discord.pressButton({
      messageId: message.id,
      customId: 'instagram:link:public_content',
      userId: person,
    });
    const prompt = await pressed.waitForReply(undefined, WAIT_MS);
    const scope = new URL(await instagramAuthorizeUrl(authorizeUrlOf(prompt), person)).searchParams.get('scope')!;
    expect(scope.split(' ')).toEqual(expect.arrayContaining(['basic', 'public_content']));
  });

  it('asks only for the scopes given to /instagram link, and refuses unknown ones', async () => {
    const person = newPerson('scopes-ivy');
    const { url } = await startLink(person, { scopes: 'likes' });
    expect(new URL(await instagramAuthorizeUrl(url, person)).searchParams.get('scope')).toBe('basic likes');
    const refused = await run(person, 'link', { scopes: 'everything' }).waitForReply(undefined, WAIT_MS);
    expect(refused.content).toContain('not valid');
  });
});

/** The URL of the link-style button of the link prompt. */
function authorizeUrlOf(message: APIMessage): string {
  for (const row of message.components ?? []) {
    for (const component of (row as { components: { style?: number; url?: string }[] }).components) {
      if (component.style === 5 && component.url) return component.url;
    }
  }
  throw new Error(`no link button on the message: ${JSON.stringify(message.components)}`);
}

function firstButton(message: APIMessage): unknown {
  return (message.components?.[0] as { components?: unknown[] } | undefined)?.components?.[0];
}

/** The named form's fields (hidden inputs), decoded from the page's HTML escapes. */
function formFields(page: string, formId: string): URLSearchParams {
  const form = new RegExp(`<form id="${formId}"[\\s\\S]*?</form>`).exec(page)?.[0];
  if (!form) throw new Error(`no form #${formId} on the page`);
  const fields = new URLSearchParams();
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(
      match[1]!,
      match[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
    );
  }
  return fields;
}
