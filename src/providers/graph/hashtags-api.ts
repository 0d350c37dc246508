// Hashtag Search (reference §1.4, Facebook Login only, with the Public Content Access feature): a tag's id
// (`ig_hashtag_search`, which costs one of 30 unique-tag slots per account per rolling 7 days), its recent media
// (last 24 h only, not in time order, ≤ 50 a page, no username) and top media, and the tags searched this week.
// The 31st tag's refusal is GraphHashtagLimitError with the date a slot frees when the answer names one; its
// real code is unverified (reference §6 q7), so it is recognised by code 24 / subcode 2207024 or by its wording.
import { z } from 'zod';
import type { Post } from '../../core/index.js';
import {
  getList,
  getNode,
  seg,
  type CallOptions,
  type GraphAuth,
  type GraphContext,
  type Page,
  type Result,
} from './api-call.js';
import { GraphApiError, GraphHashtagLimitError, GraphUnsupportedError } from './errors.js';
import type { ListOptions } from './media-api.js';
import { graphMediaSchema, HASHTAG_MEDIA_FIELDS } from './schemas.js';
import { mapPage, postFromGraph } from './to-core.js';

function limitError(error: unknown): GraphHashtagLimitError | undefined {
  if (!(error instanceof GraphApiError) || error instanceof GraphHashtagLimitError) return undefined;
  const byCode = error.code === 24 || error.subcode === 2207024;
  const byWords = /hashtag/i.test(error.message) && /limit|30 unique/i.test(error.message);
  if (!byCode && !byWords) return undefined;
  const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)/.exec(error.message)?.[0];
  const freesAt = iso === undefined ? undefined : Date.parse(iso);
  return new GraphHashtagLimitError(error.message, {
    type: error.type,
    status: error.status,
    code: error.code,
    subcode: error.subcode,
    fbtraceId: error.fbtraceId,
    usage: error.usage,
    cause: error,
    freesAt: freesAt === undefined || Number.isNaN(freesAt) ? undefined : freesAt,
  });
}

export function createHashtagsApi(ctx: GraphContext) {
  function check(): void {
    if (ctx.login !== 'facebook')
      throw new GraphUnsupportedError(
        'Hashtag Search needs Facebook Login for Business; Instagram Login does not offer it.',
        'hashtag-search',
      );
  }
  const media = async (
    auth: GraphAuth,
    hashtagId: string,
    edge: 'recent_media' | 'top_media',
    options: ListOptions,
  ): Promise<Page<Post>> => {
    check();
    const page = await getList(
      ctx,
      auth,
      `/${seg(hashtagId)}/${edge}`,
      graphMediaSchema,
      `Instagram hashtag ${edge}`,
      [
        ['user_id', auth.userId],
        ['fields', HASHTAG_MEDIA_FIELDS],
        ['limit', options.limit],
      ],
      options,
    );
    return mapPage(page, (m) => postFromGraph(m));
  };

  return {
    /** The tag's global id; uses a slot when the tag was not searched in the last 7 days. */
    async search(auth: GraphAuth, name: string, options?: CallOptions): Promise<Result<{ id: string; name: string }>> {
      check();
      const tag = name.replace(/^#/, '').toLowerCase();
      try {
        const r = await getNode(
          ctx,
          auth,
          '/ig_hashtag_search',
          z.object({ data: z.array(z.object({ id: z.string() })).min(1) }),
          'Instagram hashtag search',
          [
            ['user_id', auth.userId],
            ['q', tag],
          ],
          options,
        );
        return { ...r, data: { id: r.data.data[0]!.id, name: tag } };
      } catch (error) {
        throw limitError(error) ?? error;
      }
    },
    /** Public media of the last 24 h, in no particular order (keep a seen set, never a min id). */
    recent: (auth: GraphAuth, hashtagId: string, options: ListOptions = {}) =>
      media(auth, hashtagId, 'recent_media', options),
    top: (auth: GraphAuth, hashtagId: string, options: ListOptions = {}) =>
      media(auth, hashtagId, 'top_media', options),
    /** The tags that hold a slot this week. */
    async recentlySearched(
      auth: GraphAuth,
      options?: CallOptions,
    ): Promise<Result<{ id: string; name: string | undefined }[]>> {
      check();
      const r = await getNode(
        ctx,
        auth,
        `/${seg(auth.userId)}/recently_searched_hashtags`,
        z.object({ data: z.array(z.object({ id: z.string(), name: z.string().optional() })) }),
        'Instagram recently searched hashtags',
        [
          ['fields', 'id,name'],
          ['limit', 30],
        ],
        options,
      );
      return { ...r, data: r.data.data.map((h) => ({ id: h.id, name: h.name })) };
    },
  };
}
