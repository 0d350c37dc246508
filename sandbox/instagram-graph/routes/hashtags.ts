// Hashtag Search, Facebook Login only (reference §1.4): `ig_hashtag_search?user_id&q` → `{data:[{id}]}` under
// the 30-unique-per-7-days rule, `/{hashtag-id}?fields=id,name`, `/{hashtag-id}/recent_media` (only media of the
// last 24 h, not in chronological order, ≤ 50 per page, no `username`) and `/top_media` (most liked first).
// Every call needs `user_id` (an account the token manages) and the app's Public Content Access feature, and
// counts against the platform budget (X-App-Usage).
import { managedAccount } from '../access.js';
import type { GraphContext, Json, JsonObject } from '../context.js';
import { selectionOf } from '../fields.js';
import { GraphError, invalidParameter, nonexistingField } from '../graph-error.js';
import { normalizeHashtag } from '../hashtags.js';
import { hash32 } from '../ids.js';
import { pageOf, pagingOf } from '../paging.js';
import { MEDIA, render } from '../render.js';
import type { Account } from '../world.js';

const RECENT_WINDOW_MS = 24 * 3_600_000;

function caller(ctx: GraphContext): Account {
  if (ctx.state.options.publicContentAccess === false) {
    throw new GraphError(
      10,
      "(#10) To use 'Instagram Public Content Access', your use of this endpoint must be reviewed and approved by Facebook.",
    );
  }
  const userId = ctx.params.get('user_id');
  if (!userId) throw invalidParameter('The parameter user_id is required');
  const account = managedAccount(ctx, ctx.state.world.accounts.get(userId), userId);
  ctx.chargePlatform(account);
  return account;
}

export function hashtagSearch(ctx: GraphContext): Json {
  const account = caller(ctx);
  const q = normalizeHashtag(ctx.params.get('q') ?? '');
  if (!/^[\p{L}\p{N}_]{1,100}$/u.test(q))
    throw invalidParameter('The parameter q is required and must be a hashtag name without emoji');
  return { data: [{ id: ctx.state.hashtags.search(account.id, q, ctx.now) }] };
}

export function hashtagNode(ctx: GraphContext, id: string, name: string, edge: string | undefined): Json {
  if (edge === undefined) {
    ctx.chargePlatform();
    const out: JsonObject = {};
    for (const sel of selectionOf(ctx.params.get('fields'), ['id'])) {
      if (sel.name === 'name') out.name = name;
      else if (sel.name !== 'id') throw nonexistingField(sel.name, 'IGHashtag');
    }
    out.id = id;
    return out;
  }
  caller(ctx);
  const { world } = ctx.state;
  let items = world.withHashtag(name, ctx.now);
  if (edge === 'recent_media') {
    // "Not always in chronological order": a stable order that is not by time, so a client must not rely on one.
    items = items
      .filter((m) => m.timestampMs > ctx.now - RECENT_WINDOW_MS)
      .sort((a, b) => hash32(`${id}:${a.id}`) - hash32(`${id}:${b.id}`));
  } else if (edge === 'top_media') {
    items = [...items].sort((a, b) => b.likeCount - a.likeCount || b.timestampMs - a.timestampMs);
  } else throw nonexistingField(edge, 'IGHashtag');
  const selection = selectionOf(ctx.params.get('fields'), ['id']);
  const page = pageOf(items, (m) => m.id, { limit: ctx.params.get('limit'), after: ctx.params.get('after') }, 50, 25);
  const link = (cursor: { after?: string }) => {
    const query = new URLSearchParams(ctx.params);
    query.delete('before');
    if (cursor.after) query.set('after', cursor.after);
    return ctx.link(`/${id}/${edge}`, query);
  };
  // Only an `after` cursor is offered on hashtag edges (reference §1.4).
  const paging = pagingOf({ ...page, hasPrevious: false }, (c) => link(c));
  return {
    data: page.items.map((m) => render(MEDIA, m, selection, { ctx, indirect: true, hashtag: true })),
    ...paging,
  };
}
