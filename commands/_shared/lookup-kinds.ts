// Every kind of autocomplete lookup igcord caches, each with the type of its answer. A command that wants the same
// answer as another (the tags of /tag and of /feed add-tag) uses the same kind and shares its entries and its
// Instagram calls; one that wants a different shape declares a kind of its own here.
import type { ListedPerson, PlaceInfo, TagInfo } from '../../src/core/index.js';
import { LookupKind } from './lookup-cache.js';

export const LOOKUPS = {
  /** Instagram's tag search for a typed prefix (GET /tags/search). */
  tags: new LookupKind<TagInfo[]>('tags'),
  /** Locations near a "lat,lng" (GET /locations/search). */
  locations: new LookupKind<PlaceInfo[]>('locations'),
  /** Instagram's user search for a typed name (GET /users/search). */
  users: new LookupKind<ListedPerson[]>('users'),
  /** The account's pending follow requests (GET /users/self/requested-by). */
  requestedBy: new LookupKind<ListedPerson[]>('requested-by'),
} as const;
