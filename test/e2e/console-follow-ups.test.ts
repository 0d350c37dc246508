// The sandbox console prints an interaction's follow-up messages, also those that come after the answer it has
// already shown: a backfill answers its button at once ("Posting up to 3 posts…") and says "done: 3 posts" in a
// follow-up once the posts are out, which a person at the console must see as they would in Discord. Driven in
// process against the real bot, the Discord fake and the Instagram emulator (test/support/console-driver.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleDriver, type ConsoleDriver } from '../support/console-driver.js';

describe('follow-up messages at the sandbox console', () => {
  let c: ConsoleDriver;
  beforeAll(async () => {
    c = await startConsoleDriver();
    await c.igcord.link(c.igcord.personId, 'mila.garden');
  });
  afterAll(async () => {
    await c?.close();
  });

  it('prints a backfill\'s "done" follow-up after the answer to its button', async () => {
    c.type('/feed add-account channel:#instagram');
    const feedId = (await c.waitFor(/Feed `(\w+)` added/)).match(/Feed `(\w+)` added/)![1]!;
    c.type(`/feed backfill feed:${feedId} count:3`);
    const ask = await c.waitFor(/Post the last 3 posts[\s\S]*\[\d+\] Post 3/);
    const confirm = /\[(\d+)\] Post 3/.exec(ask)![1]!;
    c.type(`press ${confirm}`);
    const out = await c.waitFor(/done: 3 posts sent/);
    expect(out).toContain(`Backfill of feed \`${feedId}\` done: 3 posts sent to #instagram`);
    // The immediate answer comes first, the follow-up after it, each printed once.
    expect(out.indexOf('Posting up to 3 posts')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('Posting up to 3 posts')).toBeLessThan(out.indexOf('done: 3 posts'));
    expect(out.split('done: 3 posts').length).toBe(2);
  });
});
