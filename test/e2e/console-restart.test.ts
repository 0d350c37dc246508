// The sandbox remembers: a second `npm start` with the same data directory finds the guild, the person, the
// Instagram emulator's world and the tokens the first one left, so a linked account stays linked and a feed keeps
// posting (until now the second start began from zero, and igcord paused the old feeds because their channel,
// guild and owner had vanished). Two real `npm start` child processes, one after the other, on one data directory.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleChild } from '../support/console-child.js';

const POST = /#instagram — new message from igcord:[\s\S]*?└─+┘/g;

describe('the sandbox across restarts (npm start twice on one data directory)', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-restart-'));
  const dataDir = join(cwd, 'data');
  let first: ConsoleChild | undefined;
  let second: ConsoleChild | undefined;
  let third: ConsoleChild | undefined;
  let accountBefore = '';

  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    await third?.kill();
  });

  it('first run: links mila.garden, adds a feed to #instagram that posts, then quits', async () => {
    first = new ConsoleChild(cwd, dataDir);
    await first.waitFor(/Type help for the commands/);
    first.type('/instagram link');
    await first.waitFor(/authorize <username>/);
    first.type('authorize mila.garden');
    await first.waitFor(/Linked[\s\S]*igcord \(only you can see this\):[\s\S]*mila\.garden/);
    first.type('/instagram me');
    accountBefore = await first.waitFor(/└─+┘/);
    expect(accountBefore).toMatch(/┌─ .*@mila\.garden/);
    first.type('/feed add-account channel:#instagram');
    await first.waitFor(/Feed .* added/);
    first.type('watch #instagram');
    await first.waitFor(/Watching #instagram/);
    first.type('post mila.garden Before the restart');
    await first.waitFor(/new message from igcord:[\s\S]*Before the restart[\s\S]*└─+┘/);
    first.type('quit');
    expect(await first.exited).toBe(0);
  });

  it("keeps the fakes' worlds in owner-only files in the sandbox data directory", () => {
    const sandboxDir = join(dataDir, 'sandbox');
    const worlds = readdirSync(sandboxDir).filter((name) => /world.*\.json$/.test(name));
    expect(worlds.sort()).toEqual(['discord-world.json', 'instagram-world.json']);
    for (const name of worlds) expect(statSync(join(sandboxDir, name)).mode & 0o777).toBe(0o600);
  });

  it('second run: /instagram me answers with the same account without linking again', async () => {
    second = new ConsoleChild(cwd, dataDir);
    await second.waitFor(/Type help for the commands/);
    second.type('/instagram me');
    // An answer is printed in one piece: its heading means all of it is there.
    const me = await second.waitFor(/^igcord( \(only you can see this\))?:$/m);
    expect(me).toMatch(/┌─ .*@mila\.garden/);
    // The same account: the profile box reads as it did before the restart (id, name, counts).
    const box = (text: string) =>
      text.slice(text.indexOf('┌─'), text.lastIndexOf('┘') + 1).replace(/\d+ (seconds?|minutes?) ago/g, '');
    expect(box(me)).toBe(box(accountBefore));
  });

  it('second run: /feed list shows the feed still active', async () => {
    second!.type('/feed list');
    const list = await second!.waitFor(/State: /);
    expect(list).toContain('#instagram');
    expect(list).toContain('State: ▶ active');
  });

  it('second run: a new post arrives in #instagram exactly once, and the earlier one is not repeated', async () => {
    second!.type('watch #instagram');
    await second!.waitFor(/Watching #instagram/);
    second!.type('post mila.garden After the restart');
    await second!.waitFor(/new message from igcord:[\s\S]*After the restart[\s\S]*└─+┘/);
    // A later post through the same feed: once it is printed, anything queued before it has been delivered too.
    second!.type('post mila.garden And one more');
    await second!.waitFor(/new message from igcord:[\s\S]*And one more[\s\S]*└─+┘/);
    const posts = [...second!.output.matchAll(POST)].map((m) => m[0]);
    expect(posts.filter((p) => p.includes('After the restart'))).toHaveLength(1);
    expect(posts.filter((p) => p.includes('Before the restart'))).toHaveLength(0);
    expect(posts).toHaveLength(2);
    second!.type('quit');
    expect(await second!.exited).toBe(0);
  });

  it('third run: a world file that cannot be read back is set aside, said in the log, and that world starts afresh', async () => {
    const sandboxDir = join(dataDir, 'sandbox');
    const path = join(sandboxDir, 'instagram-world.json');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100));
    third = new ConsoleChild(cwd, dataDir);
    await third.waitFor(/Type help for the commands/);
    third.type('users');
    await third.waitFor(/mila\.garden/);
    const files = readdirSync(sandboxDir);
    expect(files.filter((name) => name.startsWith('instagram-world.json.unreadable-'))).toHaveLength(1);
    expect(files).toContain('instagram-world.json');
    expect(readFileSync(join(sandboxDir, 'igcord.log'), 'utf8')).toContain('a saved world could not be read back');
    third.type('quit');
    expect(await third.exited).toBe(0);
    // The fresh world replaced the unreadable one on disk.
    expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow();
  });
});
