// The `user` option of /user and /follows: what a person types (a username, "@name", or a profile link) checked
// and reduced to the bare Instagram username before anything is sent to Instagram. A value that cannot be a
// username gets a plain-words answer and costs no call.
import { z } from 'zod';
import { validateOption } from '../input/validate-option.js';
import { text } from '../../../src/i18n/i18n.js';

/** Instagram usernames: letters, digits, periods and underscores, at most 30 characters. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._]{1,30}$/;

const PROFILE_LINK = /^(?:https?:\/\/)?(?:www\.)?instagram\.com\/([^/?#]+)\/?(?:[?#].*)?$/i;

export const usernameSchema = z
  .string()
  .trim()
  .transform((value) => {
    const fromLink = PROFILE_LINK.exec(value)?.[1];
    return (fromLink ?? value).replace(/^@/, '');
  })
  .pipe(z.string().regex(USERNAME_PATTERN, { error: 'expected letters, digits, periods or underscores (at most 30)' }));

/** The bare username in `input`, or a UserFacingError (`input.invalid-username`) that names what was typed. */
export function parseUsername(input: string): string {
  const shown = input.trim().slice(0, 60).replace(/`/g, "'");
  return validateOption(usernameSchema, input, {
    option: 'user',
    id: 'input.invalid-username',
    message: () => text('lookups.notAUsername', { typed: shown }),
  });
}
