// Business Discovery (reference §1.4, Facebook Login only [IG-BD]): another professional account's profile and
// media, looked up by exact username through nested field syntax on the caller's own IG user:
// `business_discovery.username(x){…,media.limit(n).after(c){…,children{…}}}`. Its media paging is
// `media.paging.cursors.after`, and one report says there is no `next` link [unverified], so a page that came
// with items and an `after` cursor offers a next page whatever `next` says; the walk ends on an empty page or
// one without a cursor. On Instagram Login no call is made: GraphUnsupportedError.
import { z } from 'zod';
import type { Post, Profile } from '../../core/index.js';
import {
  getNode,
  pagingSchema,
  seg,
  type CallOptions,
  type GraphAuth,
  type GraphContext,
  type Page,
  type Result,
} from './api-call.js';
import { GraphUnsupportedError } from './errors.js';
import { graphMediaSchema, graphUserSchema, MEDIA_FIELDS } from './schemas.js';
import { postFromGraph, profileFromGraph } from './to-core.js';

const PROFILE = 'id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count';

/** Usernames are letters, digits, `.` and `_`; anything else would break out of the field syntax. */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

const discoverySchema = (inner: z.ZodType) => z.object({ business_discovery: inner, id: z.string() });
const mediaEdgeSchema = z.object({ data: z.array(graphMediaSchema), paging: pagingSchema });

export function createDiscoveryApi(ctx: GraphContext) {
  function check(username: string): string {
    if (ctx.login !== 'facebook')
      throw new GraphUnsupportedError(
        'Business Discovery needs Facebook Login for Business; Instagram Login does not offer it.',
        'other-accounts',
      );
    const name = username.replace(/^@/, '');
    if (!USERNAME.test(name)) throw new GraphUnsupportedError(`"${username}" is not an Instagram username.`);
    return name;
  }

  async function mediaPage(
    auth: GraphAuth,
    username: string,
    limit: number,
    after: string | undefined,
    options?: CallOptions,
  ): Promise<Page<Post>> {
    const edge = `media.limit(${limit})${after === undefined ? '' : `.after(${after})`}{${MEDIA_FIELDS}}`;
    const schema = discoverySchema(graphUserSchema.extend({ media: mediaEdgeSchema.optional() }));
    const r = await getNode(
      ctx,
      auth,
      `/${seg(auth.userId)}`,
      schema,
      'Business Discovery media',
      [['fields', `business_discovery.username(${username}){id,username,${edge}}`]],
      options,
    );
    const target = r.data.business_discovery as z.output<typeof graphUserSchema> & {
      media?: z.output<typeof mediaEdgeSchema>;
    };
    const data = (target.media?.data ?? []).map((m) => postFromGraph(m, { id: target.id, username: target.username }));
    const cursor = target.media?.paging?.cursors?.after;
    // A cursor that does not move would page forever.
    const hasNext = data.length > 0 && cursor !== undefined && cursor !== after;
    return {
      data,
      usage: r.usage,
      rateLimit: r.rateLimit,
      after: cursor,
      next: hasNext ? () => mediaPage(auth, username, limit, cursor, options) : undefined,
    };
  }

  return {
    async profile(auth: GraphAuth, username: string, options?: CallOptions): Promise<Result<Profile>> {
      const name = check(username);
      const r = await getNode(
        ctx,
        auth,
        `/${seg(auth.userId)}`,
        discoverySchema(graphUserSchema),
        'Business Discovery profile',
        [['fields', `business_discovery.username(${name}){${PROFILE}}`]],
        options,
      );
      return { ...r, data: profileFromGraph(r.data.business_discovery as z.output<typeof graphUserSchema>) };
    },
    async media(
      auth: GraphAuth,
      username: string,
      input: { limit?: number | undefined } & CallOptions = {},
    ): Promise<Page<Post>> {
      return mediaPage(auth, check(username), input.limit ?? 25, undefined, input);
    },
  };
}
