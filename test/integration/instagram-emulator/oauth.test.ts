import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, get } from './helpers.js';

const implicitOff = {
  clientId: 'feedfacefeedfacefeedfacefeedface',
  clientSecret: 'cafebabecafebabecafebabecafebabe',
  redirectUris: ['http://cb.example/?this=that'],
  disableImplicit: true,
};

let emu: InstagramEmulator;
const redirectUri = SANDBOX_CLIENT.redirectUris[0] ?? '';

beforeAll(async () => {
  emu = await startInstagramEmulator({ seed: 'oauth', clients: [SANDBOX_CLIENT, implicitOff] });
});
afterAll(() => emu.close());

function authorizeUrl(params: Record<string, string>): string {
  return `${emu.url}/oauth/authorize/?${new URLSearchParams(params).toString()}`;
}

/** Submits the page's form the way a browser would: its hidden fields plus the chosen button. */
async function submit(page: string, formId: string, extra: Record<string, string>) {
  const form = new RegExp(`<form id="${formId}"[\\s\\S]*?</form>`).exec(page)?.[0] ?? '';
  const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
  const fields = new URLSearchParams();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(
      m[1] ?? '',
      (m[2] ?? '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
    );
  }
  // A select submits its selected option, or its first one.
  for (const m of form.matchAll(/<select id="[^"]*" name="([^"]+)">([\s\S]*?)<\/select>/g)) {
    const options = [...(m[2] ?? '').matchAll(/<option value="([^"]*)"( selected)?>/g)];
    const chosen = options.find((o) => o[2]) ?? options[0];
    if (chosen) fields.append(m[1] ?? '', chosen[1] ?? '');
  }
  const button = new RegExp(`<button type="submit" name="([^"]+)" value="([^"]+)"`).exec(form);
  fields.append(button?.[1] ?? '', button?.[2] ?? '');
  for (const [k, v] of Object.entries(extra)) fields.set(k, v);
  return call(`${emu.url}${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
}

function exchange(fields: Record<string, string>) {
  return call(`${emu.url}/oauth/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('OAuth code flow', () => {
  it('shows an HTML page with Authorize and Cancel forms, redirects with code and state, and exchanges the code once', async () => {
    const user = emu.admin.users()[2];
    const page = await call(
      authorizeUrl({
        client_id: SANDBOX_CLIENT.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'basic likes',
        state: 's t&8',
      }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<form id="authorize" method="post"');
    expect(page.text).toContain('<form id="cancel" method="post"');
    expect(page.text).toContain('>Authorize</button>');
    expect(page.text).toContain('>Cancel</button>');

    const answer = await submit(page.text, 'authorize', { user_id: String(user?.id) });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('s t&8');
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const fields = {
      client_id: SANDBOX_CLIENT.clientId,
      client_secret: SANDBOX_CLIENT.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code,
    };
    const token = await exchange(fields);
    expect(token.status).toBe(200);
    expect(token.body.user).toMatchObject({ id: user?.id, username: user?.username });
    expect(token.body.access_token).toMatch(
      new RegExp(`^${String(user?.id)}\\.${SANDBOX_CLIENT.clientId.slice(0, 7)}\\.[0-9a-f]{32}$`),
    );
    const self = await get(emu.url, '/users/self', { access_token: token.body.access_token });
    expect(self.body.data.id).toBe(user?.id);
    // The token carries the scopes asked for: likes yes, comments no.
    const media = (await get(emu.url, '/users/self/media/recent', { access_token: token.body.access_token })).body
      .data[0];
    const comment = await call(`${emu.url}/v1/media/${String(media.id)}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: token.body.access_token, text: 'hi' }).toString(),
    });
    expect(comment.body.meta.error_type).toBe('OAuthPermissionsException');

    const again = await exchange(fields);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      code: 400,
      error_type: 'OAuthException',
      error_message: 'Matching code was not found or was already used.',
    });
  });

  it('refuses an exchange whose redirect_uri differs from the one authorized', async () => {
    const page = await call(
      authorizeUrl({ client_id: SANDBOX_CLIENT.clientId, redirect_uri: redirectUri, response_type: 'code' }),
    );
    const answer = await submit(page.text, 'authorize', {});
    const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const bad = await exchange({
      client_id: SANDBOX_CLIENT.clientId,
      client_secret: SANDBOX_CLIENT.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: `${redirectUri}?x=1`,
      code,
    });
    expect(bad.body).toEqual({
      code: 400,
      error_type: 'OAuthException',
      error_message: 'Redirect URI does not match registered redirect URI',
    });
    expect(
      (
        await exchange({
          client_id: SANDBOX_CLIENT.clientId,
          client_secret: SANDBOX_CLIENT.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: redirectUri,
        })
      ).body.error_message,
    ).toBe('You must provide a code');
  });

  it('redirects with access_denied when the user cancels', async () => {
    const page = await call(
      authorizeUrl({
        client_id: SANDBOX_CLIENT.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        state: 'abc',
      }),
    );
    const answer = await submit(page.text, 'cancel', {});
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_reason')).toBe('user_denied');
    expect(location.searchParams.get('error_description')).toBe('The user denied your request.');
    expect(location.searchParams.get('code')).toBeNull();
  });
});

describe('redirect URI matching and authorize errors', () => {
  const authorize = (client: string, uri: string, type = 'code') =>
    call(authorizeUrl({ client_id: client, redirect_uri: uri, response_type: type }));

  it('accepts extra query parameters and a registered query as prefix, and nothing else', async () => {
    expect((await authorize(SANDBOX_CLIENT.clientId, `${redirectUri}?type=mobile`)).status).toBe(200);
    expect((await authorize(implicitOff.clientId, 'http://cb.example/?this=that&another=true')).status).toBe(200);
    const reordered = await authorize(implicitOff.clientId, 'http://cb.example/?another=true&this=that');
    expect(reordered.body).toEqual({
      code: 400,
      error_type: 'OAuthException',
      error_message: 'Redirect URI does not match registered redirect URI',
    });
    expect((await authorize(SANDBOX_CLIENT.clientId, `${redirectUri}/`)).status).toBe(400);
    expect((await authorize(SANDBOX_CLIENT.clientId, 'http://127.0.0.1:3000/')).status).toBe(400);
  });

  it('names missing parameters and unknown clients', async () => {
    expect((await call(`${emu.url}/oauth/authorize?client_id=${SANDBOX_CLIENT.clientId}`)).body.error_message).toBe(
      'You must include a valid client_id, response_type, and redirect_uri parameters',
    );
    expect((await authorize('0'.repeat(32), redirectUri)).body.error_message).toBe('Invalid Client ID');
  });

  it('rejects %2B-joined scopes and an empty scope', async () => {
    const plus = await call(
      `${emu.url}/oauth/authorize?client_id=${SANDBOX_CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=likes%2Bcomments`,
    );
    expect(plus.body.error_type).toBe('OAuthException');
    const joined = await call(
      `${emu.url}/oauth/authorize?client_id=${SANDBOX_CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=likes+comments`,
    );
    expect(joined.status).toBe(200);
    const empty = await call(
      `${emu.url}/oauth/authorize?client_id=${SANDBOX_CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=`,
    );
    expect(empty.body.error_type).toBe('OAuthException');
  });
});

describe('OAuth implicit flow', () => {
  it('redirects with #access_token= that works on the API', async () => {
    const page = await call(
      authorizeUrl({ client_id: SANDBOX_CLIENT.clientId, redirect_uri: redirectUri, response_type: 'token' }),
    );
    const answer = await submit(page.text, 'authorize', {});
    const location = new URL(answer.headers.get('location') ?? '');
    const token = /^#access_token=(.+)$/.exec(location.hash)?.[1] ?? '';
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
  });

  it('is refused for an app that disabled it', async () => {
    const answer = await call(
      authorizeUrl({
        client_id: implicitOff.clientId,
        redirect_uri: 'http://cb.example/?this=that',
        response_type: 'token',
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error_type).toBe('OAuthException');
  });
});
