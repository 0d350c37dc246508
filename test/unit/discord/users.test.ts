// The pure parts behind /user and /follows: reading a typed username, autocomplete choices within Discord's
// limits, bounded reading of cursor-paged user lists, list pages within the embed limits, and posts fetched
// page by page as a person pages.
import { describe, expect, it } from 'vitest';
import type { ListedPerson, Page, Post } from '../../../src/core/index.js';
import { messageEmbedsSchema } from '../../../src/discord/embeds/limits.js';
import { UserFacingError } from '../../../src/discord/errors.js';
import { mediaPages } from '../../../commands/_shared/media-pages.js';
import { describeRelationship } from '../../../commands/follows/relationship-text.js';
import { userChoices } from '../../../commands/_shared/users/user-autocomplete.js';
import {
  collectUsers,
  MAX_LIST_PAGES,
  userListSource,
  USERS_PER_PAGE,
} from '../../../commands/_shared/users/user-list.js';
import { parseUsername } from '../../../commands/_shared/users/username.js';
import { imageMedia } from './media-fixtures.js';
import { createTranslations } from '../../../src/i18n/i18n.js';

const person = (i: number, fullName = `Person ${i}`): ListedPerson => ({
  id: String(1000 + i),
  username: `person.${i}`,
  name: fullName,
});

/** A chain of API pages over `items`, `size` a page, counting the fetches. */
function pagesOf<T>(items: T[], size: number): { first: () => Promise<Page<T>>; fetched: () => number } {
  let fetched = 0;
  const page = (start: number): Page<T> => {
    const hasMore = start + size < items.length;
    return {
      data: items.slice(start, start + size),
      nextCursor: hasMore ? String(start + size) : undefined,
      next: hasMore ? () => Promise.resolve(page(((fetched += 1), start + size))) : undefined,
    };
  };
  return { first: () => Promise.resolve(page(((fetched += 1), 0))), fetched: () => fetched };
}

describe('reading a typed username', () => {
  it('accepts a bare name, an @name and a profile link', () => {
    expect(parseUsername('kenji.photo')).toBe('kenji.photo');
    expect(parseUsername('  @mateo_rios ')).toBe('mateo_rios');
    expect(parseUsername('https://www.instagram.com/lena_bakes/?hl=en')).toBe('lena_bakes');
    expect(parseUsername('instagram.com/ines.sea')).toBe('ines.sea');
  });

  it('rejects anything that cannot be a username with a user-facing error naming it', () => {
    for (const bad of ['', 'two words', 'a'.repeat(31), 'semi;colon', '@']) {
      let thrown: unknown;
      try {
        parseUsername(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UserFacingError);
      expect((thrown as UserFacingError).id).toBe('input.invalid-username');
    }
  });
});

describe('autocomplete choices', () => {
  it('offers at most 25, each name within 100 characters, each username once', () => {
    const many = Array.from({ length: 40 }, (_, i) => person(i, 'N'.repeat(150)));
    const choices = userChoices([many[0]!, ...many]);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.name.startsWith(`@${choice.value} · `)).toBe(true);
    }
  });
});

describe('reading a paged user list', () => {
  it('reads every page of a short list', async () => {
    const list = pagesOf(
      Array.from({ length: 120 }, (_, i) => person(i)),
      50,
    );
    const { users, truncated } = await collectUsers(list.first);
    expect(users).toHaveLength(120);
    expect(truncated).toBe(false);
    expect(list.fetched()).toBe(3);
  });

  it('stops after the bound and says the list was cut', async () => {
    const list = pagesOf(
      Array.from({ length: 1000 }, (_, i) => person(i)),
      50,
    );
    const { users, truncated } = await collectUsers(list.first);
    expect(list.fetched()).toBe(MAX_LIST_PAGES);
    expect(users).toHaveLength(MAX_LIST_PAGES * 50);
    expect(truncated).toBe(true);
  });

  it('stops when a page repeats the previous one instead of looping', async () => {
    let calls = 0;
    const same = (): Page<ListedPerson> => ({
      data: [person(1)],
      nextCursor: '1',
      next: () => Promise.resolve(((calls += 1), same())),
    });
    const { users } = await collectUsers(() => Promise.resolve(same()), 50);
    expect(users).toHaveLength(1);
    expect(calls).toBe(1);
  });
});

describe('user list pages', () => {
  it('shows ten people a page, numbered across pages, within Discord’s embed limits even with very long names', async () => {
    const users = Array.from({ length: 23 }, (_, i) => person(i, i === 20 ? 'Ana *bold* _x_' : 'Ä'.repeat(4000)));
    const source = userListSource(users, {
      title: 'Your followers',
      empty: 'Nobody.',
      note: 'Instagram has more.',
      t: createTranslations().forLocale('en'),
    });
    expect(source.count).toBe(3);
    const last = await source.render(2);
    expect(() => messageEmbedsSchema.parse(last.embeds)).not.toThrow();
    const description = last.embeds![0]!.description!;
    expect(description.split('\n').filter((l) => l.startsWith('`'))).toHaveLength(23 - 2 * USERS_PER_PAGE);
    expect(description).toContain('`21.`');
    expect(description).toContain('· Ana \\*bold\\* \\_x\\_');
    expect(description).toContain(`· ${'Ä'.repeat(99)}…`);
    expect(description.endsWith('Instagram has more.')).toBe(true);
    expect(last.embeds![0]!.footer!.text).toBe('Instagram · 21–23 of 23 people');
  });

  it('says the empty text when there is nobody', async () => {
    const source = userListSource([], {
      t: createTranslations().forLocale('en'),
      title: 'Pending follow requests',
      empty: 'Nobody is waiting for your approval.',
    });
    expect(source.count).toBe(1);
    expect((await source.render(0)).embeds![0]!.description).toBe('Nobody is waiting for your approval.');
  });
});

describe('posts paged as the person pages', () => {
  const posts = (n: number): Post[] =>
    Array.from({ length: n }, (_, i) => ({
      ...imageMedia(),
      id: `${i}_3`,
      permalink: `https://www.instagram.com/p/P${i}/`,
    }));

  it('counts one page ahead while Instagram has more, and fetches it only when asked', async () => {
    const api = pagesOf(posts(5), 2);
    const first = await api.first();
    const source = mediaPages(first, {
      heading: 'Recent posts of **@igcord_tester**',
      fetchMore: (next) => next(),
      empty: 'none',
      end: () => 'end',
      t: createTranslations().forLocale('en'),
    });
    expect(source.count).toBe(3);
    expect((await source.render(1)).embeds![0]!.url).toBe('https://www.instagram.com/p/P1/');
    expect(api.fetched()).toBe(1);
    const third = await source.render(2);
    expect(third.embeds![0]!.url).toBe('https://www.instagram.com/p/P2/');
    expect(api.fetched()).toBe(2);
    expect(source.count).toBe(5);
    await source.render(4);
    expect(source.count).toBe(5);
    expect((await source.render(4)).content).toContain('post 5 of 5');
    expect(api.fetched()).toBe(3);
  });
});

describe('relationship sentences', () => {
  it('says both directions and privacy', () => {
    const text = describeRelationship(
      'wren.studio',
      { outgoing: 'requested', incoming: 'followed-by', targetIsPrivate: true },
      createTranslations().forLocale('en-US'),
    );
    expect(text).toBe(
      [
        'You asked to follow **@wren.studio**; the request is pending.',
        '**@wren.studio** follows you.',
        "**@wren.studio**'s account is private.",
      ].join('\n'),
    );
  });
});
