// `npm start` with INSTAGRAM_PROVIDER=graph and no credentials: the sandbox boots on the Graph emulator, and its
// console works the same way — `users` lists the Graph emulator's seeded accounts, `post <user>` publishes media
// there (which, as on Graph, no webhook announces), and /help answers with what this API cannot do.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleChild } from '../support/console-child.js';

describe('npm start on the Graph provider without credentials', () => {
  let session: ConsoleChild;

  beforeAll(() => {
    const cwd = mkdtempSync(join(tmpdir(), 'igcord-graph-console-'));
    session = new ConsoleChild(cwd, join(cwd, 'data'), { INSTAGRAM_PROVIDER: 'graph' });
  });
  afterAll(async () => {
    await session?.kill();
  });

  it('boots the sandbox on the Graph emulator', async () => {
    const banner = await session.waitFor(/Type help for the commands/, 60_000);
    expect(banner).toContain('igcord — SANDBOX');
    expect(banner).toMatch(/Instagram emulator\s+http:\/\/127\.0\.0\.1:\d+/);
  });

  it("lists the Graph emulator's professional accounts", async () => {
    session.type('users');
    const out = await session.waitFor(/north\.trails/);
    expect(out).toMatch(/igcord\.studio — igcord Studio, id \d+, business, both logins/);
  });

  it('posts media as an account on the Graph emulator', async () => {
    session.type('post lena.creates Morning light');
    const out = await session.waitFor(/posted media/);
    expect(out).toMatch(/lena\.creates posted media \d+ on the emulator; feeds find it at their next poll/);
  });

  it('stops cleanly on quit', async () => {
    session.type('quit');
    expect(await session.exited).toBe(0);
  });
});
