// The one path every Graph call takes: describe it to the call gate (the same seam as the v1 client, key = the
// professional Instagram account id of the token's owner, or `app` for token endpoints), run exactly one HTTP
// attempt per gate attempt, and check the answer against its zod schema inside that attempt, so a malformed
// answer fails as a GraphResponseError that still carries the usage the server reported. Every answer comes back
// with its UsageReport. List edges come back as pages that know how to fetch their successor.
import { z } from 'zod';
import type { Logger } from '../../log.js';
import { validate, ValidationError } from '../../util/validate.js';
import type { CallGate, CallPriority, RateLimitHeaders } from '../v1/call-gate.js';
import { chargedUsage, GraphResponseError } from './errors.js';
import type { GraphHosts } from './hosts.js';
import type { GraphResponse, GraphTransport, HttpMethod } from './transport.js';
import type { UsageReport } from './usage.js';

/** Which login the client speaks: Instagram Login (graph.instagram.com) or Facebook Login for Business (graph.facebook.com). */
export type GraphLogin = 'instagram' | 'facebook';

/** Whose token a call uses. `userId` (the professional account id) is the budget key; the token only goes to Graph. */
export interface GraphAuth {
  userId: string;
  accessToken: string;
}

export interface CallOptions {
  priority?: CallPriority | undefined;
  signal?: AbortSignal | undefined;
  deadlineMs?: number | undefined;
}

/** Every answer, with the usage the server reported on it. `rateLimit` is the gate's contract; Graph sends no counts. */
export interface Result<T> {
  data: T;
  usage: UsageReport;
  rateLimit: RateLimitHeaders;
}

/** One page of a list edge. */
export interface Page<T> extends Result<T[]> {
  /** The `after` cursor, valid only during this walk ("Don't store cursors", reference §1.5). */
  after: string | undefined;
  /** Fetches the next page; undefined on the last one. */
  next: (() => Promise<Page<T>>) | undefined;
}

export interface GraphContext {
  login: GraphLogin;
  hosts: GraphHosts;
  /** Pinned API version, e.g. `v25.0`. */
  version: string;
  appId: string;
  appSecret: string;
  redirectUri: string;
  transport: GraphTransport;
  gate: CallGate;
  log: Logger;
  now: () => number;
}

export type Params = ReadonlyArray<readonly [string, string | number | boolean | undefined]>;

export interface CallSpec {
  key: string;
  method: HttpMethod;
  /** A host base URL from ctx.hosts. */
  base: string;
  /** Path from the host root, segments percent-encoded (versioned by the caller where Graph wants a version). */
  path: string;
  params: Params;
  options?: CallOptions | undefined;
}

/** The Graph host of the configured login. */
export function graphBase(ctx: GraphContext): string {
  return ctx.login === 'instagram' ? ctx.hosts.instagramGraph : ctx.hosts.facebookGraph;
}

/** A versioned Graph path: `/v25.0/me/media`. */
export function versioned(ctx: GraphContext, path: string): string {
  return `/${ctx.version}${path}`;
}

export const seg = (id: string) => encodeURIComponent(id);

/** Runs one call through the gate and turns the answer into `T` with `parse` (inside the attempt). */
export function callGraph<T>(
  ctx: GraphContext,
  spec: CallSpec,
  parse: (response: GraphResponse) => T,
): Promise<Result<T>> {
  const params = spec.params.map(([k, v]) => [k, v === undefined ? undefined : String(v)] as const);
  const what = `${spec.method} ${spec.path}`;
  return ctx.gate.run(
    {
      key: spec.key,
      priority: spec.options?.priority ?? 'interactive',
      method: spec.method,
      path: spec.path,
      idempotent: spec.method === 'GET',
      // Graph tells a budget only as a share used, and a spent one by refusing a call (80002): feed calls of one
      // account go one at a time, so none is on the wire when another's answer reveals a block (reference §1.6).
      reportsUsage: true,
      deadlineMs: spec.options?.deadlineMs,
      signal: spec.options?.signal,
    },
    async () => {
      const response = await ctx.transport.send({
        method: spec.method,
        base: spec.base,
        path: spec.path,
        params,
        signal: spec.options?.signal,
        key: spec.key,
      });
      // Graph sends no counts, only percentages: the limiter paces the key by them (limiter/usage-feedback.ts).
      const rateLimit = chargedUsage(response.usage, spec.key, ctx.now());
      const data = parseChecked(what, response, () => parse(response), rateLimit);
      return { data, usage: response.usage, rateLimit };
    },
  );
}

/** Runs `parse`, turning a schema failure into a GraphResponseError carrying the answer's usage. */
export function parseChecked<T>(
  what: string,
  response: GraphResponse,
  parse: () => T,
  rateLimit?: RateLimitHeaders,
): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new GraphResponseError(`${what}: Instagram's answer does not have the documented shape: ${error.message}`, {
        type: 'UnexpectedShape',
        status: response.status,
        usage: response.usage,
        rateLimit,
        cause: error,
      });
    }
    throw error;
  }
}

/** A GET on the login's Graph host with a user token, whose body is checked against `schema`. */
export function getNode<S extends z.ZodType>(
  ctx: GraphContext,
  auth: GraphAuth,
  path: string,
  schema: S,
  what: string,
  params: Params = [],
  options?: CallOptions,
): Promise<Result<z.output<S>>> {
  return callGraph(
    ctx,
    {
      key: auth.userId,
      method: 'GET',
      base: graphBase(ctx),
      path: versioned(ctx, path),
      params: [...params, ['access_token', auth.accessToken]],
      options,
    },
    (r) => validate(schema, r.body, what),
  );
}

/** A POST or DELETE on the login's Graph host with a user token. */
export function writeNode<S extends z.ZodType>(
  ctx: GraphContext,
  auth: GraphAuth,
  method: 'POST' | 'DELETE',
  path: string,
  schema: S,
  what: string,
  params: Params,
  options?: CallOptions,
): Promise<Result<z.output<S>>> {
  return callGraph(
    ctx,
    {
      key: auth.userId,
      method,
      base: graphBase(ctx),
      path: versioned(ctx, path),
      params: [...params, ['access_token', auth.accessToken]],
      options,
    },
    (r) => validate(schema, r.body, what),
  );
}

export const pagingSchema = z
  .object({
    cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).partial().optional(),
    next: z.string().optional(),
    previous: z.string().optional(),
  })
  .optional();

/**
 * A list edge (`/media`, `/comments`, `/tags`, `recent_media`, …): `{data, paging:{cursors, next}}`. The next page
 * is asked for on the configured host with the same parameters and the `after` cursor — the `next` link's host
 * is not trusted — and only while Graph sends `next` ("stop paging when the next link no longer appears").
 */
export function getList<S extends z.ZodType>(
  ctx: GraphContext,
  auth: GraphAuth,
  path: string,
  itemSchema: S,
  what: string,
  params: Params = [],
  options?: CallOptions,
): Promise<Page<z.output<S>>> {
  const listSchema = z.object({ data: z.array(itemSchema), paging: pagingSchema });
  return getNode(ctx, auth, path, listSchema, what, params, options).then((result) => {
    const { data, paging } = result.data as { data: z.output<S>[]; paging: z.output<typeof pagingSchema> };
    const after = paging?.cursors?.after;
    const page: Page<z.output<S>> = { data, usage: result.usage, rateLimit: result.rateLimit, after, next: undefined };
    if (paging?.next !== undefined && after !== undefined) {
      const nextParams: Params = [...params.filter(([k]) => k !== 'after' && k !== 'before'), ['after', after]];
      page.next = () => getList(ctx, auth, path, itemSchema, what, nextParams, options);
    }
    return page;
  });
}
