// A feed's source and its stable key now live in the provider-neutral core (src/core/source.ts); storage keeps
// this module so its own imports read as before.
export { feedSourceSchema, parseSourceKey, sourceKey, type FeedSource, type SourceKey } from '../core/source.js';
