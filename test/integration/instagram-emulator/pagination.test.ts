import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, get } from './helpers.js';

let emu: InstagramEmulator;
let token: string;
let me: string;

beforeAll(async () => {
  emu = await startInstagramEmulator({ seed: 'pagination' });
  me = String(emu.admin.users().find((u) => u.is_private === false)?.id);
  token = emu.admin.mintToken({ userId: me }).access_token;
});
afterAll(() => emu.close());

/** Follows next_url from a first page to the end; returns every item id and every pagination object seen. */
async function walk(first: string): Promise<{ ids: string[]; pages: Record<string, string>[] }> {
  const ids: string[] = [];
  const pages: Record<string, string>[] = [];
  let next: string | undefined = first;
  for (let guard = 0; next && guard < 50; guard++) {
    const answer = await call(next);
    expect(answer.status).toBe(200);
    ids.push(...answer.body.data.map((x: { id: string }) => x.id));
    pages.push(answer.body.pagination);
    next = answer.body.pagination.next_url;
  }
  return { ids, pages };
}

describe('pagination', () => {
  it('walks own recent media newest first, each once, with next_max_id and the original query kept', async () => {
    const { ids, pages } = await walk(`${emu.url}/v1/users/self/media/recent?access_token=${token}&count=3&_=junk`);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const pks = ids.map((id) => BigInt(id.split('_')[0] ?? ''));
    expect([...pks].sort((a, b) => (a > b ? -1 : 1))).toEqual(pks);
    const firstPage = pages[0] ?? {};
    expect(Object.keys(firstPage).sort()).toEqual(['next_max_id', 'next_url']);
    const nextUrl = new URL(firstPage.next_url ?? '');
    expect(nextUrl.searchParams.get('_')).toBe('junk');
    expect(nextUrl.searchParams.get('max_id')).toBe(firstPage.next_max_id);
    expect(pages[pages.length - 1]).toEqual({});
  });

  it('leaves sig out of next_url', async () => {
    const a = await get(emu.url, '/users/self/media/recent', { access_token: token, count: '2', sig: 'abc' });
    expect(new URL(a.body.pagination.next_url).searchParams.has('sig')).toBe(false);
  });

  it('returns only newer media for min_id', async () => {
    const all = (await get(emu.url, '/users/self/media/recent', { access_token: token })).body.data;
    const newer = await get(emu.url, '/users/self/media/recent', { access_token: token, min_id: all[5].id });
    expect(newer.body.data.map((m: { id: string }) => m.id)).toEqual(all.slice(0, 5).map((m: { id: string }) => m.id));
  });

  it('walks a tag feed by tag ids with the exact tag pagination keys', async () => {
    const { ids, pages } = await walk(`${emu.url}/v1/tags/travel/media/recent?access_token=${token}&count=4`);
    const info = await get(emu.url, '/tags/travel', { access_token: token });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(4);
    expect(ids.length).toBeLessThanOrEqual(info.body.data.media_count);
    const first = pages[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(
      ['deprecation_warning', 'min_tag_id', 'next_max_id', 'next_max_tag_id', 'next_min_id', 'next_url'].sort(),
    );
    expect(first.next_max_id).toBe(first.next_max_tag_id);
    expect(first.next_min_id).toBe(first.min_tag_id);
    expect(first.deprecation_warning).toBe(
      'next_max_id and min_id are deprecated for this endpoint; use min_tag_id and max_tag_id instead',
    );
    // Polling with min_tag_id yields nothing until a new media is tagged, then exactly that one.
    const empty = await get(emu.url, '/tags/travel/media/recent', {
      access_token: token,
      min_tag_id: first.min_tag_id ?? '',
    });
    expect(empty.body.data).toEqual([]);
    const posted = emu.admin.postMedia(me, { caption: 'New trip #Travel' });
    const fresh = await get(emu.url, '/tags/travel/media/recent', {
      access_token: token,
      min_tag_id: first.min_tag_id ?? '',
    });
    expect(fresh.body.data.map((m: { id: string }) => m.id)).toEqual([posted.id]);
  });

  it('walks follows and followed-by with cursor', async () => {
    const list = await get(emu.url, '/users/self/followed-by', { access_token: token });
    const { ids, pages } = await walk(`${emu.url}/v1/users/self/followed-by?access_token=${token}&count=1`);
    expect(ids).toEqual(list.body.data.map((u: { id: string }) => u.id));
    if (ids.length > 1) expect(Object.keys(pages[0] ?? {}).sort()).toEqual(['next_cursor', 'next_url']);
    const follows = await walk(`${emu.url}/v1/users/self/follows?access_token=${token}&count=2`);
    expect(new Set(follows.ids).size).toBe(follows.ids.length);
    expect(follows.ids.length).toBeGreaterThan(2);
  });

  it('walks liked media with next_max_like_id', async () => {
    for (const u of emu.admin.users().filter((x) => x.id !== me && x.is_private === false)) {
      const media = (await get(emu.url, `/users/${String(u.id)}/media/recent`, { access_token: token, count: '2' }))
        .body.data;
      for (const m of media)
        await call(`${emu.url}/v1/media/${String(m.id)}/likes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `access_token=${token}`,
        });
    }
    const all = await get(emu.url, '/users/self/media/liked', { access_token: token, count: '100' });
    const { ids, pages } = await walk(`${emu.url}/v1/users/self/media/liked?access_token=${token}&count=3`);
    // A page holds at most 33; the walk continues past it, in the same order, each media once.
    expect(all.body.data).toHaveLength(33);
    expect(ids.slice(0, 33)).toEqual(all.body.data.map((m: { id: string }) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(33);
    expect(Object.keys(pages[0] ?? {}).sort()).toEqual(['next_max_like_id', 'next_url']);
  });

  it('walks a location feed', async () => {
    const loc = (await get(emu.url, '/locations/search', { access_token: token, lat: '60.1675', lng: '24.9525' })).body
      .data[0];
    const { ids } = await walk(`${emu.url}/v1/locations/${String(loc.id)}/media/recent?access_token=${token}&count=2`);
    const all = await get(emu.url, `/locations/${String(loc.id)}/media/recent`, { access_token: token, count: '100' });
    expect(ids).toEqual(all.body.data.map((m: { id: string }) => m.id));
    expect(ids.length).toBeGreaterThan(2);
  });
});
