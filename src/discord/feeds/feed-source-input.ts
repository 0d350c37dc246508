// The source options of /feed add-tag and add-location, checked with zod before anything is stored or any
// Instagram call is spent: a tag is taken without its `#` (reference §2.6: the API takes the bare name) and
// stored lower-case, a location is Instagram's numeric location id.
import { z } from 'zod';
import { bareTag } from '../../instagram/places-api.js';
import { ValidationError, validate } from '../../util/validate.js';
import { UserFacingError } from '../errors.js';

const tagName = z
  .string()
  .transform((raw) => bareTag(raw))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, { error: 'a tag is letters, digits and underscores, without spaces' }))
  .transform((name) => name.toLowerCase());

const locationId = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/, { error: "a location is Instagram's numeric location id" });

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  try {
    return validate(schema, value, what);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const reason = error.issues[0]?.message ?? 'it is not valid';
    throw new UserFacingError('feed.invalid-input', `That ${what} does not work: ${reason}.`, { cause: error });
  }
}

/** `#Sunset` → `sunset`; an invalid name becomes an answer that says why. */
export const parseTagName = (raw: string): string => checked(tagName, raw, 'tag');

export const parseLocationId = (raw: string): string => checked(locationId, raw, 'location');
