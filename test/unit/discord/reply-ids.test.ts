// The closed set of reply ids: one spelling per outcome, each id once, all in the same `area.outcome` shape that
// logs and tests match on. (That no other id compiles is the type's job: UserFacingError takes only a ReplyId.)
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UserFacingError } from '../../../src/discord/errors.js';
import { REPLY_IDS, type ReplyId } from '../../../src/discord/reply-ids.js';

describe('reply ids', () => {
  it('lists each id once, each as area.outcome in lowercase words', () => {
    expect(new Set(REPLY_IDS).size).toBe(REPLY_IDS.length);
    for (const id of REPLY_IDS) expect(id).toMatch(/^(?:internal|[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)$/);
  });

  it('is the only kind of id a UserFacingError takes', () => {
    expectTypeOf<ConstructorParameters<typeof UserFacingError>[0]>().toEqualTypeOf<ReplyId>();
    // @ts-expect-error a misspelt id (the outcome is `instagram.not-linked`) does not compile
    expect(new UserFacingError('instagram.not-link', 'x').id).toBe('instagram.not-link');
  });
});
