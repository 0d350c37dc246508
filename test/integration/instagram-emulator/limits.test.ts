import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { get, post } from './helpers.js';

const WINDOW_MS = 1200;

describe('per-token sliding window', () => {
  let emu: InstagramEmulator;
  let me: string;
  beforeAll(async () => {
    emu = await startInstagramEmulator({ seed: 'limits', windowMs: WINDOW_MS, globalLimit: 5, writeLimit: 2 });
    me = String(emu.admin.users()[0]?.id);
  });
  afterAll(() => emu.close());

  it('serves N calls, answers call N+1 with the 429 envelope and headers, and frees as the window slides', async () => {
    const { access_token } = emu.admin.mintToken({ userId: me });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await get(emu.url, '/users/self', { access_token });
      expect(a.status).toBe(200);
      expect(a.headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(a.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const over = await get(emu.url, '/users/self', { access_token });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      meta: {
        code: 429,
        error_type: 'OAuthRateLimitException',
        error_message: 'The maximum number of requests per hour has been exceeded.',
      },
    });
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    const log = emu.admin.requests().filter((e) => e.tokenUserId === me);
    expect(log[log.length - 1]).toMatchObject({ status: 429, counted: false, errorType: 'OAuthRateLimitException' });
    expect(JSON.stringify(log)).not.toContain(access_token);
    await new Promise((r) => setTimeout(r, WINDOW_MS + 100));
    const freed = await get(emu.url, '/users/self', { access_token });
    expect(freed.status).toBe(200);
    expect(freed.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('counts failed calls too, and keeps budgets per token', async () => {
    const a = emu.admin.mintToken({ userId: me }).access_token;
    const b = emu.admin.mintToken({ userId: me }).access_token;
    const failed = await get(emu.url, '/users/1', { access_token: a });
    expect(failed.body.meta.error_type).toBe('APINotFoundError');
    expect(failed.headers.get('x-ratelimit-remaining')).toBe('4');
    expect((await get(emu.url, '/users/self', { access_token: b })).headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('limits each write endpoint separately, and the writes count against the global budget', async () => {
    const { access_token } = emu.admin.mintToken({ userId: me });
    const media = (await get(emu.url, '/users/self/media/recent', { access_token, count: '1' })).body.data[0];
    const like = () => post(emu.url, `/media/${String(media.id)}/likes`, { access_token });
    expect((await like()).status).toBe(200);
    expect((await like()).status).toBe(200);
    const third = await like();
    expect(third.status).toBe(429);
    expect(third.body.meta.error_type).toBe('OAuthRateLimitException');
    // The comments bucket is separate.
    const comment = await post(emu.url, `/media/${String(media.id)}/comments`, { access_token, text: 'still fine' });
    expect(comment.status).toBe(200);
    expect(comment.headers.get('x-ratelimit-remaining')).toBe('1');
    const entries = emu.admin.requests().filter((e) => e.route === 'POST /media/{media}/likes');
    expect(entries.map((e) => [e.writeBucket, e.counted])).toEqual(
      expect.arrayContaining([
        ['likes', true],
        ['likes', false],
      ]),
    );
  });
});

describe('budgets by mode', () => {
  it('reports 5000 in live mode and 500 in sandbox mode', async () => {
    const [live, sandbox] = await Promise.all([startInstagramEmulator({ mode: 'live' }), startInstagramEmulator()]);
    try {
      for (const [emu, limit] of [
        [live, '5000'],
        [sandbox, '500'],
      ] as const) {
        const { access_token } = emu.admin.mintToken({ userId: String(emu.admin.users()[0]?.id) });
        const a = await get(emu.url, '/users/self', { access_token });
        expect(a.headers.get('x-ratelimit-limit')).toBe(limit);
        expect(a.headers.get('x-ratelimit-remaining')).toBe(String(Number(limit) - 1));
      }
    } finally {
      await Promise.all([live.close(), sandbox.close()]);
    }
  });
});
