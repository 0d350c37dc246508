// The usage the Graph API reports, read by the client into the UsageReport every answer carries (reference
// §1.6): X-Business-Use-Case-Usage per account on calls charged to the account's BUC, X-App-Usage on platform
// calls (Business Discovery, hashtags), percentages as sent, "unknown" (undefined) before the server sends a
// header — never 0 % — and the figures rising as the emulator raises them.
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { clientFor } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator | undefined;
afterEach(() => emu?.close());

async function start(usage: Record<string, number> = {}) {
  emu = await startGraphEmulator({ seed: 'client-usage', now: START, frozenClock: true, usage });
  const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio');
  const ig = { userId: studio?.id ?? '', accessToken: emu.admin.mintToken({ account: 'igcord.studio' }).access_token };
  const fb = {
    userId: studio?.id ?? '',
    accessToken: emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token,
  };
  return { emu, studioId: studio?.id ?? '', ig, fb };
}

describe('usage headers in the UsageReport', () => {
  it('reads the account BUC percentages as they rise with each call, and no app usage on BUC calls', async () => {
    const { emu, studioId, ig } = await start({ bucCapacity: 20 });
    const client = clientFor(emu, 'instagram');
    const first = await client.profile(ig);
    const second = await client.media.recent(ig, { limit: 1 });
    expect(first.usage.buc).toEqual([
      { accountId: studioId, type: 'instagram', callCount: 5, totalCputime: 3, totalTime: 4, regainMinutes: 0 },
    ]);
    expect(second.usage.buc?.[0]?.callCount).toBe(10);
    expect(first.usage.app).toBeUndefined();
  });

  it('reads a usage the emulator raised, regain time included, on a call that still succeeds', async () => {
    const { emu, studioId, ig } = await start();
    emu.admin.setUsage('igcord.studio', { call_count: 85, total_cputime: 40, total_time: 60 });
    const answer = await clientFor(emu, 'instagram').profile(ig);
    expect(answer.usage.buc).toEqual([
      expect.objectContaining({ accountId: studioId, callCount: expect.any(Number), totalCputime: expect.any(Number) }),
    ]);
    expect(answer.usage.buc?.[0]?.callCount).toBeGreaterThanOrEqual(85);
  });

  it('says "unknown" (undefined) until the server sends a header, never 0 %', async () => {
    const { emu, ig } = await start({ headerAfterCalls: 2 });
    const client = clientFor(emu, 'instagram');
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push((await client.profile(ig)).usage);
    expect(reports.map((r) => r.buc === undefined)).toEqual([true, true, false]);
    expect(reports.every((r) => r.app === undefined)).toBe(true);
  });

  it('reads X-App-Usage on platform calls (Business Discovery) and no account BUC there', async () => {
    const { emu, fb } = await start({ appCapacity: 50 });
    const client = clientFor(emu, 'facebook');
    await client.discovery.profile(fb, 'north.trails');
    const second = await client.discovery.profile(fb, 'north.trails');
    expect(second.usage.app).toEqual({ callCount: 4, totalCputime: expect.any(Number), totalTime: expect.any(Number) });
    expect(second.usage.buc).toBeUndefined();
  });

  it('carries the usage on every page of a walk', async () => {
    const { emu, ig } = await start({ bucCapacity: 100 });
    const client = clientFor(emu, 'instagram');
    const counts: (number | undefined)[] = [];
    for await (const page of client.iteratePages(() => client.media.recent(ig, { limit: 10 })))
      counts.push(page.usage.buc?.[0]?.callCount);
    expect(counts).toEqual([1, 2, 3]);
  });
});
