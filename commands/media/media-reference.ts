// What a person may type to name an Instagram post in `/media`: a media id (`<pk>_<owner id>`, or a bare pk as
// very old media had), a shortcode (`BL9WAd2oHxD`), or a post link (`https://www.instagram.com/p/BL9WAd2oHxD/`).
// The text is classified here, before any call, so a typo costs nothing from the user's budget and gets a reply
// that says which forms are understood. Fetching by the classified form lives in the same file.
import { z } from 'zod';
import {
  parseMediaUrl,
  type InstagramAuth,
  type InstagramCallOptions,
  type InstagramPort,
  type Post,
} from '../../src/core/index.js';
import { ComposedError } from '../../src/discord/composed-error.js';
import { text, type Text } from '../../src/i18n/i18n.js';
import { about } from '../_shared/about-subject.js';
import { issueText } from '../_shared/input/validate-option.js';

export type MediaReference = { kind: 'id'; id: string } | { kind: 'shortcode'; shortcode: string; fromUrl: boolean };

/** Media ids as the API writes them (reference §2.3: `^\d+_\d+$`; very old media: plain integers). */
const MEDIA_ID = /^\d{1,25}(?:_\d{1,25})?$/;
/** Shortcodes: the pk in base 64 over `A–Z a–z 0–9 - _`; real ones are 10–11 characters, old ones shorter. */
const SHORTCODE = /^[A-Za-z0-9_-]{1,32}$/;

export const mediaReferenceSchema = z
  .string()
  .trim()
  // Catalogue keys, worded in the reader's language when the refusal is sent (validate-option.ts says how).
  .min(1, { error: text('replies.post.missing').key })
  .max(300, { error: text('replies.post.tooLong').key })
  .transform((typed, ctx): MediaReference => {
    if (MEDIA_ID.test(typed)) return { kind: 'id', id: typed };
    if (SHORTCODE.test(typed)) return { kind: 'shortcode', shortcode: typed, fromUrl: false };
    const fromUrl = parseMediaUrl(typed);
    if (fromUrl !== undefined) return { kind: 'shortcode', shortcode: fromUrl, fromUrl: true };
    ctx.addIssue({ code: 'custom', message: text('replies.post.notAPost').key, params: { typed: typed.slice(0, 80) } });
    return z.NEVER;
  });

/** Classifies the `media` option, or throws the user-facing explanation of what is accepted. */
export function parseMediaReference(typed: string): MediaReference {
  const result = mediaReferenceSchema.safeParse(typed);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const problem: Text | string = first ? issueText(first) : text('replies.post.missing');
  // The problem, then what is understood: two strings, one reply.
  throw new ComposedError(
    'input.invalid-media',
    typeof problem === 'string' ? text('replies.post.understood') : problem,
    (t) => `${typeof problem === 'string' ? problem : t(problem.key, problem.vars)} ${t('replies.post.understood')}`,
  );
}

/** Reads the post a reference names: one call, by id or by shortcode. */
export async function fetchMedia(
  instagram: InstagramPort,
  auth: InstagramAuth,
  reference: MediaReference,
  options?: InstagramCallOptions,
): Promise<Post> {
  // Instagram's "not found" then names the post as the person gave it.
  const subject = { kind: 'media', reference: reference.kind === 'id' ? reference.id : reference.shortcode } as const;
  return about(subject, () =>
    reference.kind === 'id'
      ? instagram.media.get(auth, reference.id, options)
      : instagram.media.byShortcode(auth, reference.shortcode, options),
  );
}
