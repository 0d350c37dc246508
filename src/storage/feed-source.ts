// What a feed follows: a linked account's own posts, a tag, or a location; and the stable string key of a source
// (`account:<instagram user id>`, `tag:<name>`, `location:<id>`) under which cursors, dirty marks and the
// feeds-by-source index are stored, so every feed of one source shares one cursor and one Instagram call.
import { z } from 'zod';
import { storedId } from './store-context.js';

export const feedSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), instagramUserId: storedId }),
  // Instagram tag names are letters, digits and underscores (reference §5.5); stored lower-case.
  z.object({ kind: z.literal('tag'), name: z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, { error: 'expected a tag name without #' }) }),
  z.object({ kind: z.literal('location'), id: storedId }),
]);
export type FeedSource = z.output<typeof feedSourceSchema>;

export type SourceKey = string;

export function sourceKey(source: FeedSource): SourceKey {
  switch (source.kind) {
    case 'account':
      return `account:${source.instagramUserId}`;
    case 'tag':
      return `tag:${source.name.toLowerCase()}`;
    case 'location':
      return `location:${source.id}`;
  }
}

/** The source a key names, or undefined if the key is not one `sourceKey` makes. */
export function parseSourceKey(key: string): FeedSource | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  const candidate =
    kind === 'account' ? { kind, instagramUserId: rest } : kind === 'tag' ? { kind, name: rest } : kind === 'location' ? { kind, id: rest } : undefined;
  const parsed = feedSourceSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
