// Every kind of autocomplete lookup igcord caches, each with the type of its answer. A command that wants the same
// answer as another (the tags of /tag and of /feed add-tag) uses the same kind and shares its entries and its
// Instagram calls; one that wants a different shape declares a kind of its own here.
// Each kind's schema checks its answers when they are read back from a shared state (docs/decisions/0022).
import { z } from 'zod';
import { personSchema, placeSchema, type ListedPerson, type PlaceInfo, type TagInfo } from '../../src/core/index.js';
import { LookupKind } from './lookup-cache.js';

const tags = z.array(z.object({ name: z.string(), postCount: z.number() }));
const places = z.array(placeSchema.extend({ address: z.string().optional() }));
const people = z.array(personSchema.extend({ id: z.string() }));

export const LOOKUPS = {
  /** Instagram's tag search for a typed prefix (GET /tags/search). */
  tags: new LookupKind<TagInfo[]>('tags', tags),
  /** Locations near a "lat,lng" (GET /locations/search). */
  locations: new LookupKind<PlaceInfo[]>('locations', places),
  /** Instagram's user search for a typed name (GET /users/search). */
  users: new LookupKind<ListedPerson[]>('users', people),
  /** The account's pending follow requests (GET /users/self/requested-by). */
  requestedBy: new LookupKind<ListedPerson[]>('requested-by', people),
} as const;
