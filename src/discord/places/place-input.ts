// What a person types into the /tag and /location options, checked before any Instagram call: a tag name (a
// leading `#` is dropped), coordinates in range, a search radius within what the API serves, and the `location`
// option's three forms (a numeric location id, "lat,lng", or a suggestion's value). Input we can judge locally
// gets a plain-words reply and costs no call; only what we cannot judge goes to Instagram.
import { z } from 'zod';
import { bareTag } from '../../instagram/places-api.js';
import { validate, ValidationError } from '../../util/validate.js';
import { UserFacingError } from '../errors.js';

/** The late API's location search radius: default 500 m, at most 750 m (reference §2.7, 2016 docs). */
export const MAX_LOCATION_DISTANCE_M = 750;
export const DEFAULT_LOCATION_DISTANCE_M = 500;

/**
 * Letters, digits, marks and `_`, plus emoji (Instagram has emoji hashtags since 2015); no spaces or
 * punctuation, which end a hashtag in a caption and so can never be part of one.
 */
const TAG_PATTERN = /^(?:[\p{L}\p{N}\p{M}_]|\p{Extended_Pictographic}|\u200d|\ufe0f)+$/u;
const TAG_MAX = 100;

const tagSchema = z
  .string()
  .transform((v) => bareTag(v))
  .pipe(
    z
      .string()
      .min(1, { error: 'Give a tag name, such as sunset.' })
      .max(TAG_MAX, { error: `A tag name has at most ${TAG_MAX} characters.` })
      .regex(TAG_PATTERN, { error: 'A tag is one word of letters, digits, _ or emoji, without spaces or punctuation (for example sunset or new_york).' }),
  );

const latitude = z
  .number({ error: 'The latitude must be a number.' })
  .refine(Number.isFinite, { error: 'The latitude must be a number.' })
  .min(-90, { error: 'The latitude must be between -90 and 90.' })
  .max(90, { error: 'The latitude must be between -90 and 90.' });
const longitude = z
  .number({ error: 'The longitude must be a number.' })
  .refine(Number.isFinite, { error: 'The longitude must be a number.' })
  .min(-180, { error: 'The longitude must be between -180 and 180.' })
  .max(180, { error: 'The longitude must be between -180 and 180.' });

export const coordinatesSchema = z.object({
  lat: latitude,
  lng: longitude,
  distance: z
    .number()
    .min(1, { error: `The distance must be between 1 and ${MAX_LOCATION_DISTANCE_M} metres.` })
    .max(MAX_LOCATION_DISTANCE_M, { error: `The distance must be between 1 and ${MAX_LOCATION_DISTANCE_M} metres (Instagram searches at most ${MAX_LOCATION_DISTANCE_M} m around a point).` })
    .optional(),
});

export interface Coordinates {
  lat: number;
  lng: number;
  distance?: number | undefined;
}

/** A location id: digits only (ids are numeric strings in the API; numbers inside media). */
const LOCATION_ID = /^\d{1,30}$/;
/** "60.1699, 24.9384" or "60.1699 24.9384": what a map app copies. */
const COORDINATE_PAIR = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

export type LocationInput = { kind: 'id'; id: string } | { kind: 'near'; at: Coordinates };

/** Runs `schema` over an option value; a failure becomes a plain-words reply with the stable `id`. */
function checkOption<S extends z.ZodType>(schema: S, value: unknown, id: string, what: string): z.output<S> {
  try {
    return validate(schema, value, what);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const reasons = [...new Set(error.issues.map((issue) => issue.message))];
    throw new UserFacingError(id, reasons.join(' '), { cause: error });
  }
}

/** The bare tag name of the `name`/`query` option, or a plain-words refusal. */
export function parseTagName(value: string): string {
  return checkOption(tagSchema, value, 'places.invalid-tag', 'tag name');
}

/**
 * Coordinates (and radius) checked locally, then rounded to 6 decimals (about 10 cm): the API reads plain
 * decimals, and a JavaScript number below 1e-6 would otherwise be sent in exponent form ("1e-7").
 */
export function parseCoordinates(input: Coordinates): Coordinates {
  const checked = checkOption(coordinatesSchema, input, 'places.invalid-coordinates', 'coordinates');
  const round = (n: number) => Number(n.toFixed(6));
  return { lat: round(checked.lat), lng: round(checked.lng), distance: checked.distance };
}

/** "lat,lng" text when it is one (in range or not), else undefined. */
export function coordinatePair(text: string): Coordinates | undefined {
  const match = COORDINATE_PAIR.exec(text);
  if (!match) return undefined;
  return { lat: Number(match[1]), lng: Number(match[2]) };
}

/** The `location` option: a location id, or coordinates to search at; anything else is refused in plain words. */
export function parseLocationInput(value: string): LocationInput {
  const text = value.trim();
  if (LOCATION_ID.test(text)) return { kind: 'id', id: text };
  const pair = coordinatePair(text);
  if (pair) return { kind: 'near', at: parseCoordinates(pair) };
  throw new UserFacingError(
    'places.invalid-location',
    'Pick a location from the suggestions, or give a numeric Instagram location id, or coordinates such as `60.1699, 24.9384`.',
  );
}

/** Metres between two points on the Earth (haversine), for showing how far each search result is. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}
