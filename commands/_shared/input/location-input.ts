// The one location parser: what /location (location, lat, lng, distance), /media near and /feed add-location
// accept as a place, checked before any Instagram call. A place is a numeric location id (ids are numeric strings
// in the API), or coordinates — typed as "lat,lng" the way a map app copies them, or given as number options —
// within range and with a search radius the endpoint serves. Coordinates are rounded to 6 decimals (about 10 cm):
// the API reads plain decimals, and a number below 1e-6 would otherwise be sent in exponent form ("1e-7").
import { z } from 'zod';
import { UserFacingError } from '../../../src/discord/errors.js';
import { text } from '../../../src/i18n/i18n.js';
import { validateOption } from './validate-option.js';

export interface Coordinates {
  lat: number;
  lng: number;
  distance?: number | undefined;
}

export type LocationInput = { kind: 'id'; id: string } | { kind: 'near'; at: Coordinates };

const LOCATION_ID = /^\d{1,30}$/;
/** "60.1699, 24.9384" or "60.1699 24.9384". */
const COORDINATE_PAIR = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

// Issue messages are catalogue keys, worded in the reader's language by validateOption (its header says how).
const inRange = (min: number, max: number) =>
  z
    .number({ error: text('replies.options.notANumber').key })
    .refine(Number.isFinite, { error: text('replies.options.notANumber').key })
    .refine((n) => n >= min && n <= max, { error: text('replies.options.between').key, params: { min, max } });

/** A point on the Earth. */
export const pointSchema = z.object({ lat: inRange(-90, 90), lng: inRange(-180, 180) });

/** A point with an optional whole-metre radius of at most `maxDistance` (each endpoint has its own cap). */
export const coordinatesSchema = (maxDistance: number) =>
  pointSchema.extend({
    distance: z
      .number()
      .int({ error: text('replies.options.wholeMetres').key })
      .refine((n) => n >= 1, { error: text('replies.options.distanceMin').key, params: { max: maxDistance } })
      .refine((n) => n <= maxDistance, { error: text('replies.options.distanceMax').key, params: { max: maxDistance } })
      .optional(),
  });

/** Coordinates given as options (`lat`, `lng`, `distance`), checked and rounded; a refusal names the option at fault. */
export function parseCoordinates(input: Coordinates, maxDistance: number): Coordinates {
  const checked = validateOption(coordinatesSchema(maxDistance), input, { option: 'coordinates' });
  const round = (n: number) => Number(n.toFixed(6));
  return { lat: round(checked.lat), lng: round(checked.lng), distance: checked.distance };
}

/** "lat,lng" text when it is one (in range or not), else undefined. */
export function coordinatePair(text: string): Coordinates | undefined {
  const match = COORDINATE_PAIR.exec(text);
  if (!match) return undefined;
  return { lat: Number(match[1]), lng: Number(match[2]) };
}

/** Typed coordinates in range, rounded, or undefined (for autocomplete, which cannot refuse). */
export function coordinatesIn(text: string): Coordinates | undefined {
  const pair = coordinatePair(text);
  if (!pair || !pointSchema.safeParse(pair).success) return undefined;
  return { lat: Number(pair.lat.toFixed(6)), lng: Number(pair.lng.toFixed(6)) };
}

/**
 * A place typed into `option`: a location id, or "lat,lng" when `coordinates` allows them (searched within
 * `maxDistance`); anything else is refused in plain words.
 */
export function parseLocationInput(
  value: string,
  option: string,
  coordinates: { maxDistance: number } | false,
): LocationInput {
  const typed = value.trim();
  if (LOCATION_ID.test(typed)) return { kind: 'id', id: typed };
  const pair = coordinates ? coordinatePair(typed) : undefined;
  if (pair && coordinates) return { kind: 'near', at: parseCoordinates(pair, coordinates.maxDistance) };
  throw new UserFacingError(
    'input.invalid-location',
    coordinates ? text('replies.options.locationForms') : text('replies.options.locationId', { option }),
  );
}
