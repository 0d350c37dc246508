// Instagram's comment guidelines are Instagram's, not this API's: they live in core (src/core/comment-rules.ts).
export * from '../../core/comment-rules.js';
