// igcord's provider-neutral domain: posts, profiles, linked accounts, feed sources, a feed's state and the one
// lifecycle that changes it, what a provider can serve, the errors the delivery engine raises, the poster port it
// posts through, and the Instagram errors every layer decides on. Nothing here knows Discord or any Instagram
// provider (docs/decisions/0014).
export * from './post.js';
export * from './profile.js';
export * from './linked-account.js';
export * from './account-linker.js';
export * from './owner-notices.js';
export * from './source.js';
export * from './capabilities.js';
export * from './feed-state.js';
export * from './feed-lifecycle.js';
export * from './feed-notice.js';
export * from './errors.js';
export * from './instagram-errors.js';
export * from './feed-poster.js';
export * from './feed-reader.js';
export * from './media-order.js';
export * from './instagram-port.js';
export * from './comment-rules.js';
export * from './post-links.js';
export * from './payer-standing.js';
export * from './feed-template.js';
export * from './feed-filters.js';
export * from './post-changes.js';
export * from './feed-digest.js';
export * from './filter-warm-up.js';
