// What a feed follows, as a discriminated union that grows with what providers can serve: a linked account's own
// posts, a linked account's stories, the comments on its posts and the posts that mention it (Graph), a tag, or a
// location; and the stable string key of a source (`account:<instagram user id>`, `stories:<id>`, `comments:<id>`,
// `mentions:<id>`, `tag:<name>`, `location:<id>`) under which cursors, dirty marks and the feeds-by-source index are stored, so
// every feed of one source shares one cursor and one Instagram call.
import { z } from 'zod';
import { TAG_NAME_MAX, TAG_NAME_PATTERN } from '../util/tag-name-pattern.js';

/** Ids as stored (the same rule as storage's `storedId`). */
const sourceId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'expected an id of letters, digits, _ . -' });

export const feedSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), instagramUserId: sourceId }),
  // The tag names /feed add-tag accepts (emoji tags included), without `#`; stored lower-case.
  z.object({
    kind: z.literal('tag'),
    name: z.string().min(1).max(TAG_NAME_MAX).regex(TAG_NAME_PATTERN, { error: 'expected a tag name without #' }),
  }),
  z.object({ kind: z.literal('location'), id: sourceId }),
  // A linked account's stories, each once while it lives (24 h); Graph serves them (reference §1.4).
  z.object({ kind: z.literal('stories'), instagramUserId: sourceId }),
  // Comments on a linked account's own posts, each once, in a moderation channel (Graph, reference §1.4).
  z.object({ kind: z.literal('comments'), instagramUserId: sourceId }),
  // Posts of others that tag or mention a linked account, each once (Graph, reference §1.4).
  z.object({ kind: z.literal('mentions'), instagramUserId: sourceId }),
]);
export type FeedSource = z.output<typeof feedSourceSchema>;
export type SourceKind = FeedSource['kind'];

export type SourceKey = string;

export function sourceKey(source: FeedSource): SourceKey {
  switch (source.kind) {
    case 'account':
      return `account:${source.instagramUserId}`;
    case 'tag':
      return `tag:${source.name.toLowerCase()}`;
    case 'location':
      return `location:${source.id}`;
    case 'stories':
    case 'comments':
    case 'mentions':
      return `${source.kind}:${source.instagramUserId}`;
  }
}

/** The source a key names, or undefined if the key is not one `sourceKey` makes. */
export function parseSourceKey(key: string): FeedSource | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  const candidate =
    kind === 'account'
      ? { kind, instagramUserId: rest }
      : kind === 'tag'
        ? { kind, name: rest }
        : kind === 'location'
          ? { kind, id: rest }
          : kind === 'stories' || kind === 'comments' || kind === 'mentions'
            ? { kind, instagramUserId: rest }
            : undefined;
  const parsed = feedSourceSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
