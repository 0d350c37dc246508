import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, del, get, post } from './helpers.js';

let emu: InstagramEmulator;
let me: string;
let token: string;
let publicOther: string;
let privateStranger: string;

beforeAll(async () => {
  emu = await startInstagramEmulator({ seed: 'endpoints' });
  const users = emu.admin.users();
  const meUser = users.find((u) => u.is_private === false);
  me = String(meUser?.id);
  token = emu.admin.mintToken({ userId: me }).access_token;
  publicOther = String(users.find((u) => u.is_private === false && u.id !== me)?.id);
  for (const u of users.filter((x) => x.is_private === true)) {
    const rel = await get(emu.url, `/users/${String(u.id)}/relationship`, { access_token: token });
    if (rel.body.data.outgoing_status !== 'follows') privateStranger = String(u.id);
  }
});
afterAll(() => emu.close());

describe('users', () => {
  it('answers /users/self with the full user and counts', async () => {
    const a = await get(emu.url, '/users/self', { access_token: token });
    expect(a.status).toBe(200);
    expect(a.body.meta).toEqual({ code: 200 });
    expect(a.body.data).toMatchObject({ id: me, counts: { media: 20 } });
    expect(Object.keys(a.body.data)).toEqual(
      expect.arrayContaining(['id', 'username', 'full_name', 'profile_picture', 'bio', 'website', 'counts']),
    );
  });

  it('answers another user by id and reports an unknown one as APINotFoundError with meta code 400', async () => {
    expect((await get(emu.url, `/users/${publicOther}`, { access_token: token })).body.data.id).toBe(publicOther);
    const missing = await get(emu.url, '/users/12345', { access_token: token });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      meta: { code: 400, error_type: 'APINotFoundError', error_message: 'this user does not exist' },
    });
  });

  it("refuses a private user's media to a non-follower with APINotAllowedError", async () => {
    const a = await get(emu.url, `/users/${privateStranger}/media/recent`, { access_token: token });
    expect(a.body.meta).toEqual({
      code: 400,
      error_type: 'APINotAllowedError',
      error_message: 'you cannot view this resource',
    });
  });

  it('searches users by q and requires q', async () => {
    const name = String(emu.admin.users()[3]?.username);
    const found = await get(emu.url, '/users/search', { access_token: token, q: name });
    expect(found.body.data[0]).toEqual({
      id: expect.any(String),
      username: name,
      full_name: expect.any(String),
      profile_picture: expect.any(String),
    });
    expect((await get(emu.url, '/users/search', { access_token: token })).body.meta.error_type).toBe(
      'APIInvalidParametersError',
    );
  });

  it('lists the media the owner liked', async () => {
    const all = (await get(emu.url, `/users/${publicOther}/media/recent`, { access_token: token })).body.data;
    const target = all.find((m: { user_has_liked: boolean }) => !m.user_has_liked);
    await post(emu.url, `/media/${String(target.id)}/likes`, { access_token: token });
    const liked = await get(emu.url, '/users/self/media/liked', { access_token: token });
    expect(liked.body.data[0].id).toBe(target.id);
    expect(liked.body.data[0].user_has_liked).toBe(true);
  });
});

describe('scopes', () => {
  it('lets basic read own data but names the missing scope for other users', async () => {
    const basic = emu.admin.mintToken({ userId: me, scopes: ['basic'] }).access_token;
    expect((await get(emu.url, '/users/self/media/recent', { access_token: basic })).status).toBe(200);
    expect((await get(emu.url, `/users/${me}`, { access_token: basic })).status).toBe(200);
    const other = await get(emu.url, `/users/${publicOther}/media/recent`, { access_token: basic });
    expect(other.body.meta).toEqual({
      code: 400,
      error_type: 'OAuthPermissionsException',
      error_message:
        'This request requires scope=public_content, but this access token is not authorized with this scope. ' +
        'The user must re-authorize your application with scope=public_content to be granted this permissions.',
    });
    const mine = (await get(emu.url, '/users/self/media/recent', { access_token: basic, count: '1' })).body.data[0];
    const like = await post(emu.url, `/media/${String(mine.id)}/likes`, { access_token: basic });
    expect(like.body.meta.error_message).toContain('scope=likes');
    expect((await get(emu.url, '/users/self/follows', { access_token: basic })).body.meta.error_message).toContain(
      'scope=follower_list',
    );
  });

  it('answers a missing token with OAuthParameterException and an unknown or revoked one with OAuthAccessTokenException', async () => {
    expect((await get(emu.url, '/users/self')).body.meta).toEqual({
      code: 400,
      error_type: 'OAuthParameterException',
      error_message: 'Missing client_id or access_token URL parameter.',
    });
    const t = emu.admin.mintToken({ userId: me }).access_token;
    emu.admin.revokeToken(t);
    const revoked = await get(emu.url, '/users/self', { access_token: t });
    expect(revoked.body.meta).toEqual({
      code: 400,
      error_type: 'OAuthAccessTokenException',
      error_message: 'The access_token provided is invalid.',
    });
  });
});

describe('relationships', () => {
  it('follows a public user at once and only requests a private one, then unfollows', async () => {
    const fresh = emu.admin.users().find((u) => u.is_private === true && u.id !== privateStranger && u.id !== me);
    const target = String(fresh?.id ?? privateStranger);
    await post(emu.url, `/users/${target}/relationship`, { access_token: token, action: 'unfollow' });
    const follow = await post(emu.url, `/users/${target}/relationship`, { access_token: token, action: 'follow' });
    expect(follow.body.data).toEqual({ outgoing_status: 'requested', target_user_is_private: true });
    const pub = await post(emu.url, `/users/${publicOther}/relationship`, { access_token: token, action: 'follow' });
    expect(pub.body.data.outgoing_status).toBe('follows');
    const follows = await get(emu.url, '/users/self/follows', { access_token: token });
    expect(follows.body.data.map((u: { id: string }) => u.id)).toContain(publicOther);
    const un = await post(emu.url, `/users/${publicOther}/relationship`, { access_token: token, action: 'unfollow' });
    expect(un.body.data.outgoing_status).toBe('none');
    const rel = await get(emu.url, `/users/${publicOther}/relationship`, { access_token: token });
    expect(rel.body.data).toMatchObject({ outgoing_status: 'none', target_user_is_private: false });
  });

  it('lets a private user approve and ignore pending requests', async () => {
    const owner = emu.admin.users().find((u) => u.is_private === true && (u.requested_by as string[]).length >= 2);
    const ownerToken = emu.admin.mintToken({ userId: String(owner?.id) }).access_token;
    const pending = await get(emu.url, '/users/self/requested-by', { access_token: ownerToken });
    expect(pending.body.pagination).toEqual({});
    const [first, second] = pending.body.data as { id: string }[];
    const approved = await post(emu.url, `/users/${String(first?.id)}/relationship`, {
      access_token: ownerToken,
      action: 'approve',
    });
    expect(approved.body.data.incoming_status).toBe('followed_by');
    const ignored = await post(emu.url, `/users/${String(second?.id)}/relationship`, {
      access_token: ownerToken,
      action: 'ignore',
    });
    expect(ignored.body.data.incoming_status).toBe('none');
    const after = await get(emu.url, '/users/self/requested-by', { access_token: ownerToken });
    expect(after.body.data.map((u: { id: string }) => u.id)).not.toContain(first?.id);
    const bad = await post(emu.url, `/users/${publicOther}/relationship`, { access_token: token, action: 'block' });
    expect(bad.body.meta.error_type).toBe('APIInvalidParametersError');
  });
});

describe('media, comments and likes', () => {
  it('answers a media by id and by shortcode identically', async () => {
    const m = (await get(emu.url, '/users/self/media/recent', { access_token: token, count: '1' })).body.data[0];
    const shortcode = /\/p\/([^/]+)\//.exec(String(m.link))?.[1] ?? '';
    const byId = await get(emu.url, `/media/${String(m.id)}`, { access_token: token });
    const byCode = await get(emu.url, `/media/shortcode/${shortcode}`, { access_token: token });
    expect(byId.body.data).toEqual(m);
    expect(byCode.body.data).toEqual(m);
    expect((await get(emu.url, '/media/999_1', { access_token: token })).body.meta.error_type).toBe('APINotFoundError');
  });

  it('searches media by lat/lng with distances, and requires lat and lng', async () => {
    const found = await get(emu.url, '/media/search', {
      access_token: token,
      lat: '60.1675',
      lng: '24.9525',
      distance: '5000',
    });
    expect(found.body.data.length).toBeGreaterThan(0);
    for (const m of found.body.data) expect(m.distance).toBeLessThanOrEqual(5000);
    expect(found.body.pagination).toBeUndefined();
    expect((await get(emu.url, '/media/search', { access_token: token, lat: '60' })).body.meta.error_type).toBe(
      'APIInvalidParametersError',
    );
  });

  it('creates, lists and deletes a comment; data is null for the writes', async () => {
    const m = (await get(emu.url, `/users/${publicOther}/media/recent`, { access_token: token, count: '1' })).body
      .data[0];
    const created = await post(emu.url, `/media/${String(m.id)}/comments`, {
      access_token: token,
      text: 'Lovely #light',
    });
    expect(created.body).toEqual({ meta: { code: 200 }, data: null });
    const list = await get(emu.url, `/media/${String(m.id)}/comments`, { access_token: token });
    const mine = list.body.data.find((c: { text: string }) => c.text === 'Lovely #light');
    expect(mine.id).toMatch(/^\d{17}$/);
    expect(mine.from.id).toBe(me);
    const removed = await del(emu.url, `/media/${String(m.id)}/comments/${String(mine.id)}`, { access_token: token });
    expect(removed.body).toEqual({ meta: { code: 200 }, data: null });
  });

  it('enforces the comment rules with their error types', async () => {
    const m = (await get(emu.url, '/users/self/media/recent', { access_token: token, count: '1' })).body.data[0];
    const path = `/media/${String(m.id)}/comments`;
    const typeOf = async (text: string) =>
      (await post(emu.url, path, { access_token: token, text })).body.meta.error_type;
    expect(await typeOf('a'.repeat(301))).toBe('APICommentTooLongError');
    expect(await typeOf('#a #b #c #d #e')).toBe('APICommentTooManyTagsError');
    expect(await typeOf('THIS IS LOUD')).toBe('APICommentAllCapsError');
    expect(await typeOf('see http://a.example and http://b.example')).toBe('APIInvalidParametersError');
  });

  it("refuses to delete someone else's comment on someone else's media", async () => {
    const otherToken = emu.admin.mintToken({ userId: publicOther }).access_token;
    const m = (await get(emu.url, `/users/${publicOther}/media/recent`, { access_token: token, count: '1' })).body
      .data[0];
    await post(emu.url, `/media/${String(m.id)}/comments`, { access_token: otherToken, text: 'by the owner' });
    const third = String(
      emu.admin.users().find((u) => u.id !== me && u.id !== publicOther && u.is_private === false)?.id,
    );
    const thirdToken = emu.admin.mintToken({ userId: third }).access_token;
    const list = await get(emu.url, `/media/${String(m.id)}/comments`, { access_token: token });
    const c = list.body.data.find((x: { text: string }) => x.text === 'by the owner');
    const refused = await del(emu.url, `/media/${String(m.id)}/comments/${String(c.id)}`, { access_token: thirdToken });
    expect(refused.body.meta.error_type).toBe('APINotAllowedError');
  });

  it('likes and unlikes, and lists likers', async () => {
    const m = (
      await get(emu.url, `/users/${publicOther}/media/recent`, {
        access_token: token,
        count: '1',
        max_id: '9'.repeat(19),
      })
    ).body.data[0];
    expect((await post(emu.url, `/media/${String(m.id)}/likes`, { access_token: token })).body).toEqual({
      meta: { code: 200 },
      data: null,
    });
    const likers = await get(emu.url, `/media/${String(m.id)}/likes`, { access_token: token });
    expect(likers.body.data.map((u: { id: string }) => u.id)).toContain(me);
    expect((await get(emu.url, `/media/${String(m.id)}`, { access_token: token })).body.data.user_has_liked).toBe(true);
    expect((await del(emu.url, `/media/${String(m.id)}/likes`, { access_token: token })).body.data).toBeNull();
    expect((await get(emu.url, `/media/${String(m.id)}`, { access_token: token })).body.data.user_has_liked).toBe(
      false,
    );
  });
});

describe('tags and locations', () => {
  it('answers tag info, tag search (exact first) and blocked tags', async () => {
    const info = await get(emu.url, '/tags/sunset', { access_token: token });
    expect(info.body.data).toEqual({ media_count: expect.any(Number), name: 'sunset' });
    expect(info.body.data.media_count).toBeGreaterThan(0);
    const search = await get(emu.url, '/tags/search', { access_token: token, q: 'su' });
    expect(search.body.data.length).toBeGreaterThan(0);
    const exact = await get(emu.url, '/tags/search', { access_token: token, q: 'summer' });
    expect(exact.body.data[0].name).toBe('summer');
    const blocked = await get(emu.url, '/tags/blocked/media/recent', { access_token: token });
    expect(blocked.body.meta).toEqual({
      code: 400,
      error_type: 'APINotAllowedError',
      error_message: 'This tag cannot be viewed',
    });
  });

  it('answers a location with a string id, its media, and searches by lat/lng or facebook_places_id', async () => {
    const near = await get(emu.url, '/locations/search', { access_token: token, lat: '60.1675', lng: '24.9525' });
    const loc = near.body.data[0];
    expect(typeof loc.id).toBe('string');
    expect(loc.name).toBe('Kauppatori Market Square');
    const one = await get(emu.url, `/locations/${String(loc.id)}`, { access_token: token });
    expect(one.body.data).toEqual(loc);
    const recent = await get(emu.url, `/locations/${String(loc.id)}/media/recent`, { access_token: token });
    for (const m of recent.body.data) expect(String(m.location.id)).toBe(loc.id);
    const far = await get(emu.url, '/locations/search', { access_token: token, lat: '0', lng: '0' });
    expect(far.body.data).toEqual([]);
    expect((await get(emu.url, '/locations/search', { access_token: token })).body.meta.error_type).toBe(
      'APIInvalidParametersError',
    );
    expect((await get(emu.url, '/locations/1', { access_token: token })).body.meta.error_type).toBe('APINotFoundError');
  });
});

describe('transport', () => {
  it('tolerates .json and trailing slashes', async () => {
    for (const path of ['/users/self.json', '/users/self/', '/users/self']) {
      expect((await get(emu.url, path, { access_token: token })).body.data.id).toBe(me);
    }
  });

  it('answers unknown routes with an HTML 404 page and rate-limit headers', async () => {
    const a = await get(emu.url, '/no/such/thing', { access_token: token });
    expect(a.status).toBe(404);
    expect(a.headers.get('content-type')).toContain('text/html');
    expect(a.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(a.headers.get('x-ratelimit-limit')).toBe('500');
  });

  it('wraps the body in the JSONP callback', async () => {
    const a = await get(emu.url, '/users/self', { access_token: token, callback: 'cb' });
    expect(a.text.startsWith('cb({')).toBe(true);
    expect(a.text.endsWith('});')).toBe(true);
  });

  it('treats a POST with _method=DELETE as DELETE', async () => {
    const m = (await get(emu.url, `/users/${publicOther}/media/recent`, { access_token: token, count: '1' })).body
      .data[0];
    await post(emu.url, `/media/${String(m.id)}/likes`, { access_token: token });
    await post(emu.url, `/media/${String(m.id)}/likes`, { access_token: token, _method: 'DELETE' });
    expect((await get(emu.url, `/media/${String(m.id)}`, { access_token: token })).body.data.user_has_liked).toBe(
      false,
    );
  });

  it('does not understand JSON bodies: the token in one is missing', async () => {
    const a = await call(`${emu.url}/v1/media/1_1/likes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: token }),
    });
    expect(a.body.meta.error_type).toBe('OAuthParameterException');
  });
});
