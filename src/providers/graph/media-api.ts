// The account's own things (reference §1.4, §4.3): its profile, its media newest first with carousel children
// in the same call (field expansion) and cursor paging, one media by id, its stories (24 h), the media it is
// tagged in (`/tags`), and insights of a media or of the account. Instagram Login addresses the account as
// `me`; Facebook Login by its professional id. Answers come back as core types with the usage reported.
import { z } from 'zod';
import type { Person, Post, Profile } from '../../core/index.js';
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
import {
  graphMediaSchema,
  graphUserSchema,
  insightSchema,
  MEDIA_FIELDS,
  PROFILE_FIELDS,
  type GraphInsight,
} from './schemas.js';
import { mapPage, postFromGraph, profileFromGraph } from './to-core.js';

/** The path of the token's own account: `me` on Instagram Login, the professional id on Facebook Login. */
export const selfPath = (ctx: GraphContext, auth: GraphAuth) =>
  ctx.login === 'instagram' ? '/me' : `/${seg(auth.userId)}`;

export interface ListOptions extends CallOptions {
  /** A maximum; Graph may send fewer. */
  limit?: number | undefined;
}

/** One insight figure: a metric's total (or its latest value) over its period. */
export interface InsightValue {
  metric: string;
  period: string | undefined;
  value: number | undefined;
  /** Daily values when the period has them, oldest first. */
  series: { value: number; endTime: string | undefined }[];
}

function insightFromGraph(insight: GraphInsight): InsightValue {
  const series = (insight.values ?? []).flatMap((v) =>
    typeof v.value === 'number' ? [{ value: v.value, endTime: v.end_time }] : [],
  );
  const total = insight.total_value?.value;
  return {
    metric: insight.name,
    period: insight.period,
    value: typeof total === 'number' ? total : series.at(-1)?.value,
    series,
  };
}

export function createMediaApi(ctx: GraphContext) {
  const authorOf = (auth: GraphAuth): Person => ({ id: auth.userId, username: '' });
  const posts = (auth: GraphAuth, page: Page<z.output<typeof graphMediaSchema>>) =>
    mapPage(page, (m) => postFromGraph(m, authorOf(auth)));
  const insightsSchema = z.object({ data: z.array(insightSchema) });

  return {
    async profile(auth: GraphAuth, options?: CallOptions): Promise<Result<Profile>> {
      const r = await getNode(
        ctx,
        auth,
        selfPath(ctx, auth),
        graphUserSchema,
        'Instagram profile',
        [['fields', PROFILE_FIELDS[ctx.login]]],
        options,
      );
      return { ...r, data: profileFromGraph(r.data) };
    },
    /** Own media, newest first (feed and reels; stories are on `stories`). */
    async recent(auth: GraphAuth, options: ListOptions = {}): Promise<Page<Post>> {
      const page = await getList(
        ctx,
        auth,
        `${selfPath(ctx, auth)}/media`,
        graphMediaSchema,
        'Instagram media',
        [
          ['fields', MEDIA_FIELDS],
          ['limit', options.limit],
        ],
        options,
      );
      return posts(auth, page);
    },
    async byId(auth: GraphAuth, mediaId: string, options?: CallOptions): Promise<Result<Post>> {
      const r = await getNode(
        ctx,
        auth,
        `/${seg(mediaId)}`,
        graphMediaSchema,
        'Instagram media',
        [['fields', MEDIA_FIELDS]],
        options,
      );
      return { ...r, data: postFromGraph(r.data, authorOf(auth)) };
    },
    /** Stories up now (24 h). */
    async stories(auth: GraphAuth, options: ListOptions = {}): Promise<Page<Post>> {
      const page = await getList(
        ctx,
        auth,
        `${selfPath(ctx, auth)}/stories`,
        graphMediaSchema,
        'Instagram stories',
        [
          ['fields', MEDIA_FIELDS],
          ['limit', options.limit],
        ],
        options,
      );
      return posts(auth, page);
    },
    /** Media of others in which the account is tagged (their author is theirs, not the account's). */
    async tagged(auth: GraphAuth, options: ListOptions = {}): Promise<Page<Post>> {
      const page = await getList(
        ctx,
        auth,
        `${selfPath(ctx, auth)}/tags`,
        graphMediaSchema,
        'Instagram tags',
        [
          ['fields', MEDIA_FIELDS],
          ['limit', options.limit],
        ],
        options,
      );
      return mapPage(page, (m) => postFromGraph(m));
    },
    async mediaInsights(
      auth: GraphAuth,
      mediaId: string,
      metrics: readonly string[],
      options?: CallOptions,
    ): Promise<Result<InsightValue[]>> {
      const r = await getNode(
        ctx,
        auth,
        `/${seg(mediaId)}/insights`,
        insightsSchema,
        'Instagram media insights',
        [['metric', metrics.join(',')]],
        options,
      );
      return { ...r, data: r.data.data.map(insightFromGraph) };
    },
    async accountInsights(
      auth: GraphAuth,
      metrics: readonly string[],
      input: { period?: string | undefined; totals?: boolean | undefined } = {},
      options?: CallOptions,
    ): Promise<Result<InsightValue[]>> {
      const r = await getNode(
        ctx,
        auth,
        `${selfPath(ctx, auth)}/insights`,
        insightsSchema,
        'Instagram account insights',
        [
          ['metric', metrics.join(',')],
          ['period', input.period ?? 'day'],
          ['metric_type', input.totals ? 'total_value' : undefined],
        ],
        options,
      );
      return { ...r, data: r.data.data.map(insightFromGraph) };
    },
  };
}
