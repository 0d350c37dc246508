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
import { UserFacingError } from '../../src/discord/errors.js';
import { about } from '../_shared/about-subject.js';

export type MediaReference = { kind: 'id'; id: string } | { kind: 'shortcode'; shortcode: string; fromUrl: boolean };

/** Media ids as the API writes them (reference §2.3: `^\d+_\d+$`; very old media: plain integers). */
const MEDIA_ID = /^\d{1,25}(?:_\d{1,25})?$/;
/** Shortcodes: the pk in base 64 over `A–Z a–z 0–9 - _`; real ones are 10–11 characters, old ones shorter. */
const SHORTCODE = /^[A-Za-z0-9_-]{1,32}$/;

const UNDERSTOOD =
  'Give a post link (https://www.instagram.com/p/…/), its shortcode (the part after /p/), or a media id such as `1368346650868743235_1127977711`.';

export const mediaReferenceSchema = z
  .string()
  .trim()
  .min(1, { error: 'The post is missing.' })
  .max(300, { error: 'That is too long to be an Instagram post link, shortcode or id.' })
  .transform((text, ctx): MediaReference => {
    if (MEDIA_ID.test(text)) return { kind: 'id', id: text };
    if (SHORTCODE.test(text)) return { kind: 'shortcode', shortcode: text, fromUrl: false };
    const fromUrl = parseMediaUrl(text);
    if (fromUrl !== undefined) return { kind: 'shortcode', shortcode: fromUrl, fromUrl: true };
    ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 80)}" is not an Instagram post.` });
    return z.NEVER;
  });

/** Classifies the `media` option, or throws the user-facing explanation of what is accepted. */
export function parseMediaReference(text: string): MediaReference {
  const result = mediaReferenceSchema.safeParse(text);
  if (result.success) return result.data;
  const problem = result.error.issues[0]?.message ?? 'That is not an Instagram post.';
  throw new UserFacingError('input.invalid-media', `${problem} ${UNDERSTOOD}`);
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
