// Logs that help, as a person using the sandbox console produces them: a typo at the console is answered there in
// plain words and is nobody's incident, so it is not logged as an error with a stack trace; and a normal stop
// (`quit`) logs the disconnection once, without discord.js's "reconnecting" noise that would send an operator
// looking for a network problem that never happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleDriver, type ConsoleDriver } from '../support/console-driver.js';

const errorLines = (text: string) => text.split('\n').filter((line) => /"level":50/.test(line) || /"stack"/.test(line));

describe('the sandbox console logs', () => {
  let c: ConsoleDriver;
  beforeAll(async () => {
    c = await startConsoleDriver();
  });
  afterAll(async () => {
    await c?.close();
  });

  it('answers console typos in plain words and logs none of them as an error with a stack', async () => {
    const typos: Array<[string, RegExp]> = [
      ['wach #instagram', /Unknown command "wach"/],
      ['post nobody Fresh basil', /no sandbox user "nobody"; users lists them/],
      ['/feed add-account chanel:#instagram', /"chanel:#instagram" is not an option/],
      ['/feed add-account channel:#nowhere', /option channel expects #channel/],
      ['/nope', /there is no \/nope/],
    ];
    for (const [line, answer] of typos) {
      c.type(line);
      expect(await c.waitFor(answer)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(errorLines(c.consoleLogs())).toEqual([]);
    expect(errorLines(c.igcord.logs())).toEqual([]);
  });

  it('stops on quit, logging the disconnection and no gateway reconnect or disconnect', async () => {
    c.type('quit');
    await c.console.done;
    await c.close();
    const logs = c.igcord.logs();
    expect(logs).toContain('"msg":"disconnected from Discord"');
    expect(logs).not.toMatch(/gateway reconnecting|gateway disconnected/);
  });
});
