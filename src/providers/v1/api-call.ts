// The one path every Instagram call takes: describe it to the call gate (budget key = the token owner's
// Instagram user id, or `app` for app-level calls), run exactly one HTTP attempt per gate attempt, and check the
// answer against its zod schema inside that attempt, so a malformed answer fails as an InstagramResponseError that
// still carries the response's X-Ratelimit headers. Resource modules (users, media, …) are thin tables on top.
import type { z } from 'zod';
import type { Logger } from '../../log.js';
import { validate, ValidationError } from '../../util/validate.js';
import type { CallGate, CallPriority, RateLimitHeaders, WriteBucket } from './call-gate.js';
import { InstagramResponseError } from './errors.js';
import { paginationSchema, type Pagination } from './schemas.js';
import type { EnvelopeResponse, HttpMethod, Transport } from './transport.js';

/** Whose token a call uses. `userId` is the budget key; the token is only ever sent to Instagram. */
export interface Auth {
  userId: string;
  accessToken: string;
}

/** The last optional argument of every client method. */
export interface CallOptions {
  priority?: CallPriority | undefined;
  signal?: AbortSignal | undefined;
  /** Bound on how long the call may wait for budget before failing (see the limiter). */
  deadlineMs?: number | undefined;
  /** Share of the budget key's window this call leaves to the key's other calls (see CallDescription.reserve). */
  reserve?: number | undefined;
}

/** Every successful call returns its value with the budget headers of the response that carried it. */
export interface Result<T> {
  data: T;
  rateLimit: RateLimitHeaders;
}

/** One page of a list endpoint. */
export interface Page<T> extends Result<T[]> {
  pagination: Pagination;
  /** The cursor to pass back for the next page (`maxId`, `maxLikeId`, `cursor`, `maxTagId`), if there is one. */
  nextCursor: string | undefined;
  /** Fetches the next page (same auth and options); undefined on the last page. */
  next: (() => Promise<Page<T>>) | undefined;
}

export interface ApiContext {
  transport: Transport;
  gate: CallGate;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  log: Logger;
}

export type Params = ReadonlyArray<readonly [string, string | number | undefined]>;

export interface ApiCallSpec {
  /** Budget key: the Instagram user id of the token owner, or `app`. */
  key: string;
  method: HttpMethod;
  /** Path below `/v1`, each segment already percent-encoded. */
  path: string;
  /** Credentials and parameters; undefined values are left out. */
  params: Params;
  writeBucket?: WriteBucket | undefined;
  /** False when Instagram counts the call against the token's own budget rather than `key` (see CallDescription). */
  serverCountsKey?: boolean | undefined;
  options?: CallOptions | undefined;
}

/** Runs one API call through the gate and turns its envelope into `T` with `parse` (inside the attempt). */
export function callApi<T extends { rateLimit: RateLimitHeaders }>(
  ctx: ApiContext,
  spec: ApiCallSpec,
  parse: (response: EnvelopeResponse) => T,
): Promise<T> {
  const params = spec.params.map(([k, v]) => [k, v === undefined ? undefined : String(v)] as const);
  return ctx.gate.run(
    {
      key: spec.key,
      priority: spec.options?.priority ?? 'interactive',
      method: spec.method,
      path: spec.path,
      writeBucket: spec.writeBucket,
      idempotent: spec.method === 'GET',
      deadlineMs: spec.options?.deadlineMs,
      reserve: spec.options?.reserve,
      serverCountsKey: spec.serverCountsKey,
      signal: spec.options?.signal,
    },
    async () => {
      const response = await ctx.transport.send({
        method: spec.method,
        path: `/v1${spec.path}`,
        params,
        envelope: true,
        signal: spec.options?.signal,
      });
      return parseChecked(`${spec.method} ${spec.path}`, response.status, response.rateLimit, () => parse(response));
    },
  );
}

/** Runs `parse`, turning a schema failure into an InstagramResponseError carrying the response's headers. */
export function parseChecked<T>(what: string, status: number, rateLimit: RateLimitHeaders, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new InstagramResponseError(
        `${what}: Instagram's answer does not have the documented shape: ${error.message}`,
        {
          type: 'UnexpectedShape',
          status,
          rateLimit,
          cause: error,
        },
      );
    }
    throw error;
  }
}

export function tokenParams(auth: Auth): Params {
  return [['access_token', auth.accessToken]];
}

/** A call with a user token whose `data` is one object. */
export function getOne<S extends z.ZodType>(
  ctx: ApiContext,
  auth: Auth,
  path: string,
  schema: S,
  what: string,
  params: Params = [],
  options?: CallOptions,
): Promise<Result<z.output<S>>> {
  return callApi(
    ctx,
    { key: auth.userId, method: 'GET', path, params: [...tokenParams(auth), ...params], options },
    (r) => ({
      data: validate(schema, r.data, what),
      rateLimit: r.rateLimit,
    }),
  );
}

/** A write (POST/DELETE) with a user token; `data` is checked against `schema` (null for acknowledgements). */
export function write<S extends z.ZodType>(
  ctx: ApiContext,
  auth: Auth,
  method: 'POST' | 'DELETE',
  path: string,
  schema: S,
  what: string,
  params: Params,
  writeBucket: WriteBucket | undefined,
  options?: CallOptions,
): Promise<Result<z.output<S>>> {
  return callApi(
    ctx,
    { key: auth.userId, method, path, params: [...tokenParams(auth), ...params], writeBucket, options },
    (r) => ({ data: validate(schema, r.data, what), rateLimit: r.rateLimit }),
  );
}

/** Which pagination key carries an endpoint's next cursor and which request parameter takes it back (§1.3). */
export type CursorKind = 'max_id' | 'max_like_id' | 'cursor' | 'max_tag_id' | 'none';

const CURSOR_KEY: Record<Exclude<CursorKind, 'none'>, keyof Pagination> = {
  max_id: 'next_max_id',
  max_like_id: 'next_max_like_id',
  cursor: 'next_cursor',
  max_tag_id: 'next_max_tag_id',
};

/** A list call; the page knows how to fetch its successor. */
export function getPage<S extends z.ZodType>(
  ctx: ApiContext,
  auth: Auth,
  path: string,
  itemSchema: S,
  what: string,
  cursor: CursorKind,
  params: Params = [],
  options?: CallOptions,
): Promise<Page<z.output<S>>> {
  const list = itemSchema.array();
  return callApi(
    ctx,
    { key: auth.userId, method: 'GET', path, params: [...tokenParams(auth), ...params], options },
    (r) => {
      const data = validate(list, r.data, what) as z.output<S>[];
      const pagination = validate(paginationSchema, r.pagination, `${what} pagination`);
      const nextCursor = cursor === 'none' ? undefined : pagination[CURSOR_KEY[cursor]];
      const page: Page<z.output<S>> = { data, pagination, rateLimit: r.rateLimit, nextCursor, next: undefined };
      if (nextCursor !== undefined && cursor !== 'none') {
        const previous = params.find(([k]) => k === cursor)?.[1];
        // A cursor that does not move would page forever: treat it as the end.
        if (previous === undefined || String(previous) !== nextCursor) {
          page.next = () =>
            getPage(
              ctx,
              auth,
              path,
              itemSchema,
              what,
              cursor,
              nextParams(path, params, cursor, nextCursor, pagination.next_url),
              options,
            );
        }
      }
      return page;
    },
  );
}

/**
 * The parameters of the next page. `next_url` carries all the original parameters with the cursor replaced
 * (§1.3), so its query is used when it names the same endpoint; its host and path are not trusted (the request
 * goes to the configured API host), its `access_token` is replaced by the caller's own, and its missing `sig` is
 * recomputed by the transport. Without a usable `next_url`, the cursor is set on the original parameters.
 */
function nextParams(path: string, params: Params, cursor: string, value: string, nextUrl: string | undefined): Params {
  if (nextUrl !== undefined && URL.canParse(nextUrl)) {
    const url = new URL(nextUrl);
    const samePath = normalisePath(url.pathname) === normalisePath(`/v1${path}`);
    if (samePath && url.searchParams.get(cursor) === value) {
      return [...url.searchParams].filter(([k]) => k !== 'sig' && k !== 'access_token');
    }
  }
  return [...params.filter(([k]) => k !== cursor), [cursor, value]];
}

function normalisePath(p: string): string {
  return decodeURIComponent(p)
    .replace(/\.json$/, '')
    .replace(/\/+$/, '');
}
