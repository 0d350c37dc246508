import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTAGRAM_EPOCH_MS, pkFromShortcode, shortcodeFromPk } from '../../../sandbox/instagram/ids.js';
import { startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { get } from './helpers.js';

describe('the seeded world', () => {
  let a: InstagramEmulator;
  let b: InstagramEmulator;
  let other: InstagramEmulator;
  beforeAll(async () => {
    [a, b, other] = await Promise.all([
      startInstagramEmulator({ seed: 'world-test' }),
      startInstagramEmulator({ seed: 'world-test' }),
      startInstagramEmulator({ seed: 'another seed' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), other.close()]);
  });

  async function allMedia(emu: InstagramEmulator, userId: string): Promise<Record<string, unknown>[]> {
    const { access_token } = emu.admin.mintToken({ userId });
    const answer = await get(emu.url, '/users/self/media/recent', { access_token, count: '50' });
    expect(answer.status).toBe(200);
    return answer.body.data;
  }

  it('is the same for the same seed (users and media ids) and differs for another seed', async () => {
    expect(b.admin.users()).toEqual(a.admin.users());
    const first = String(a.admin.users()[0]?.id);
    expect(await allMedia(b, first)).toEqual(await allMedia(a, first));
    expect(other.admin.users().map((u) => u.id)).not.toEqual(a.admin.users().map((u) => u.id));
  });

  it('has at least ten sandbox users, some private with pending follow requests', () => {
    const users = a.admin.users();
    expect(users.length).toBeGreaterThanOrEqual(10);
    const privates = users.filter((u) => u.is_private === true);
    expect(privates.length).toBeGreaterThan(0);
    for (const p of privates) expect((p.requested_by as string[]).length).toBeGreaterThan(0);
    for (const u of users) expect(u.id).toMatch(/^\d+$/);
  });

  it('gives each user 20 visible media mixing image, video and carousel, with realistic ids', async () => {
    const types = new Set<string>();
    for (const user of a.admin.users()) {
      const media = await allMedia(a, String(user.id));
      expect(media).toHaveLength(20);
      for (const m of media) {
        types.add(m.type as string);
        const [pk, owner] = String(m.id).split('_');
        expect(owner).toBe(user.id);
        const pkBig = BigInt(pk ?? '');
        const shortcode = /\/p\/([^/]+)\/$/.exec(String(m.link))?.[1] ?? '';
        expect(shortcodeFromPk(pkBig)).toBe(shortcode);
        expect(pkFromShortcode(shortcode)).toBe(pkBig);
        expect(typeof m.created_time).toBe('string');
        const createdMs = Number(pkBig >> 23n) + INSTAGRAM_EPOCH_MS;
        expect(Math.abs(Math.floor(createdMs / 1000) - Number(m.created_time))).toBeLessThanOrEqual(1);
        const caption = m.caption as { id: string; text: string } | null;
        if (caption) {
          expect(caption.id).toMatch(/^\d{17}$/);
          const written = (caption.text.match(/#\w+/g) ?? []).map((t) => t.slice(1).toLowerCase());
          expect(m.tags).toEqual([...new Set(written)]);
        }
        if (m.location) expect(typeof (m.location as { id: unknown }).id).toBe('number');
        if (m.type === 'carousel') expect((m.carousel_media as unknown[]).length).toBeGreaterThan(1);
        if (m.type === 'video') expect(m.videos).toBeDefined();
      }
    }
    expect([...types].sort()).toEqual(['carousel', 'image', 'video']);
  });

  it('mints tokens shaped <uid>.<client_id[0:7]>.<32 hex>', () => {
    const user = a.admin.users()[0];
    const { access_token, user: owner } = a.admin.mintToken({ username: String(user?.username) });
    expect(owner.id).toBe(user?.id);
    expect(access_token).toMatch(new RegExp(`^${String(user?.id)}\\.[0-9a-f]{7}\\.[0-9a-f]{32}$`));
  });

  it("hides media older than a user's 20 newest (sandbox rule) as APINotFoundError", async () => {
    const user = String(a.admin.users()[0]?.id);
    const { access_token } = a.admin.mintToken({ userId: user });
    const visible = await allMedia(a, user);
    const oldest = visible[visible.length - 1] as { id: string };
    const posted = a.admin.postMedia(user, { caption: 'fresh #igcord' });
    const answer = await get(a.url, `/media/${oldest.id}`, { access_token });
    expect(answer.status).toBe(400);
    expect(answer.body.meta).toEqual({ code: 400, error_type: 'APINotFoundError', error_message: 'invalid media id' });
    expect((await get(a.url, `/media/${String(posted.id)}`, { access_token })).body.data.id).toBe(posted.id);
  });
});
