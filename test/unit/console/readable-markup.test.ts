// How the console reads Discord markdown for a terminal: what igcord sends Discord is escaped markdown (a
// username `mateo_rios` goes out as `mateo\_rios`), and a person at the console must read it as Discord shows
// it; relative times are in the unit a person would say, not in tens of thousands of minutes.
import { describe, expect, it } from 'vitest';
import { readableMarkup, type RenderNames } from '../../../src/console/render-message.js';
import { relativeTime } from '../../../src/console/relative-time.js';

const names: RenderNames = { user: () => undefined, channel: () => undefined, role: () => undefined };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('console markdown for a terminal', () => {
  it('shows escaped characters as Discord shows them: @mateo\\_rios reads @mateo_rios', () => {
    expect(readableMarkup('You follow @mateo\\_rios and \\*stars\\* \\# not a heading', names)).toBe(
      'You follow @mateo_rios and *stars* # not a heading',
    );
  });

  it('drops bold, underline and strike markers but keeps the words', () => {
    expect(readableMarkup('You follow **@mateo\\_rios**; __new__ and ~~old~~', names)).toBe(
      'You follow @mateo_rios; new and old',
    );
  });

  it('keeps escaped markers literal: \\*\\*not bold\\*\\* stays starred', () => {
    expect(readableMarkup('\\*\\*not bold\\*\\*', names)).toBe('**not bold**');
  });

  it('shows a markdown link once: its text and address, or the address alone when they are the same', () => {
    expect(readableMarkup('Website: [https://example.com/a](https://example.com/a)', names)).toBe(
      'Website: https://example.com/a',
    );
    expect(readableMarkup('[@lena\\_bakes](https://www.instagram.com/lena_bakes/)', names)).toBe(
      '@lena_bakes <https://www.instagram.com/lena_bakes/>',
    );
  });

  it('leaves inline code as typed', () => {
    expect(readableMarkup('see `/feed test feed:ab_cd`', names)).toBe('see `/feed test feed:ab_cd`');
  });
});

describe('console relative times', () => {
  it.each([
    [0, 'now'],
    [20_000, 'now'],
    [30 * MINUTE, 'in 30 min'],
    [-1 * MINUTE, '1 min ago'],
    [-59 * MINUTE, '59 min ago'],
    [-3 * HOUR, '3 hours ago'],
    [1 * HOUR, 'in 1 hour'],
    [-2 * DAY, '2 days ago'],
    [-60 * DAY, '2 months ago'],
    [-5310997 * MINUTE, '10 years ago'],
  ])('%d ms from now reads "%s"', (offset, words) => {
    expect(relativeTime(offset)).toBe(words);
  });

  it('renders an old <t:…:R> timestamp in years, not minutes', () => {
    const now = Date.UTC(2026, 10, 30);
    expect(readableMarkup('<t:1477339653:R>', names, now)).toBe('2016-10-24T20:07:33Z (10 years ago)');
  });
});
