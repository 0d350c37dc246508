// The README's "A walk through the sandbox" typed literally into `npm start`, line by line, as a person copying it
// would. The block is read from README.md when the test runs, so the README and the sandbox cannot drift apart:
// a line the test does not know how to check fails it, and so does any line whose answer is an error, a press
// with no button behind it, or a post that does not reach the watched channel.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleChild } from '../support/console-child.js';
import { REPO } from '../support/child-process.js';

/** The fenced block under the "A walk through the sandbox" heading of README.md, as lines. */
function walkThrough(): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.split(/^## A walk through the sandbox\s*$/m)[1];
  const block = section?.match(/^```[^\n]*\n([\s\S]*?)^```/m)?.[1];
  if (!block) throw new Error('README.md has no fenced block under "## A walk through the sandbox"');
  return block.split('\n').filter((line) => line.trim() !== '');
}

/** A typed line without its README comment (`  # …`); a `#channel` or `#tag` has no space after the #. */
const withoutComment = (line: string) => line.replace(/\s+#\s.*$/, '').trim();

/** What the console prints when a line went wrong, whatever the line. */
const FAILURE =
  /^✗ |did not acknowledge|is still working on it|acknowledged without a message|Unknown command|The last answer had no buttons|Choose a number from|That button is (disabled|a link)|There is no sandbox user|Run \/instagram link first/m;
/** The heading of igcord's answer to a slash command or a button. */
const ANSWER = /^igcord( \(only you can see this\))?:$/m;

describe('the README walk-through, typed literally into npm start', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-readme-walk-'));
  const lines = walkThrough();
  let session: ConsoleChild | undefined;
  let watched: string | undefined;
  const posted: string[] = [];

  afterAll(async () => {
    await session?.kill();
  });

  it('starts with npm start and the banner the README shows', async () => {
    expect(lines[0]).toBe('$ npm start');
    session = new ConsoleChild(cwd, join(cwd, 'data'));
    const banner = await session.waitFor(/Type help for the commands/);
    const shown = lines.slice(
      1,
      lines.findIndex((l) => l.startsWith('> ')),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) if (line.trim() !== '…') expect(banner).toContain(line);
  });

  for (const [index, line] of lines.entries()) {
    if (!line.startsWith('> ')) continue;
    const typed = withoutComment(line.slice(2));
    it(`line ${index + 1}: ${typed}`, async () => {
      if (!session) throw new Error('npm start did not start');
      const [word, ...args] = typed.split(/\s+/);
      session.type(typed);
      let out: string;
      if (word === 'users') {
        out = await session.waitFor(/Sandbox Instagram users[\s\S]*mateo_rios — /);
      } else if (word === 'authorize') {
        out = await session.waitFor(new RegExp(`signed in as ${args[0]}[\\s\\S]*Linked[\\s\\S]*${ANSWER.source}`, 'm'));
        expect(out).toContain('callback page (HTTP 200)');
      } else if (word?.startsWith('/')) {
        out = await session.waitFor(new RegExp(`${ANSWER.source}|${FAILURE.source}`, 'm'));
        // The answer is printed in one piece; an error may be igcord's own reply, which says so in words.
        expect(out).not.toMatch(/not found|does not exist|no longer exists|couldn't|could not|failed|Nothing was/i);
        if (/\bshare:true\b/.test(typed)) expect(out).toMatch(/^igcord:$/m);
        const media = /\bmedia:(\S+)/.exec(typed)?.[1];
        if (media) expect(out).toContain(media);
        if (/^\/feed add/.test(typed)) expect(out).toMatch(/Feed .* added/);
      } else if (word === 'press') {
        out = await session.waitFor(new RegExp(`${ANSWER.source}|${FAILURE.source}`, 'm'));
      } else if (word === 'watch') {
        watched = args[0];
        out = await session.waitFor(new RegExp(`Watching ${args[0]}`));
      } else if (word === 'post') {
        if (!watched) throw new Error('the README posts before watching a channel, so nothing would show the post');
        const caption = args.slice(1).join(' ');
        posted.push(caption);
        out = await session.waitFor(
          new RegExp(`${watched} — new message from igcord:[\\s\\S]*${caption}[\\s\\S]*└─+┘`),
        );
        expect(out).toMatch(new RegExp(`┌─ .*@${args[0]!.replace('.', '\\.')}`));
      } else if (word === 'quit') {
        expect(await session.exited).toBe(0);
        out = session.fresh();
      } else {
        throw new Error(`the README walk-through has a line this test does not check: ${typed}`);
      }
      expect(out).not.toMatch(FAILURE);
    });
  }

  it('printed each posted caption in the watched channel exactly once', () => {
    expect(posted.length).toBeGreaterThan(0);
    for (const caption of posted) {
      expect(session!.output.split(`— new message from igcord:`).filter((part) => part.includes(caption))).toHaveLength(
        1,
      );
    }
  });
});
