// Media ids, shortcodes and instagram.com links are Instagram's, not this API's: they live in core
// (src/core/post-links.ts).
export * from '../../core/post-links.js';
