// Tag routes (reference §2.6): tag info, recent media ordered by when the media was tagged (paged by tag ids,
// with the exact pagination keys real responses carried, deprecated mirrors included) and tag search (exact
// match first, then by popularity). Blocked tags answer APINotAllowedError.
import { invalidParameters, notAllowed } from '../api-error.js';
import { paginate, parseCount, parseCursor } from '../pagination.js';
import { media } from '../render.js';
import { pathParam, type RouteContext, type RouteDef } from '../route.js';
import { BLOCKED_TAGS, type MediaRecord } from '../world.js';

const DEPRECATION_WARNING =
  'next_max_id and min_id are deprecated for this endpoint; use min_tag_id and max_tag_id instead';

function tagName(ctx: RouteContext): string {
  const name = pathParam(ctx, 'tag').replace(/^#/, '').toLowerCase();
  if (BLOCKED_TAGS.has(name)) throw notAllowed('This tag cannot be viewed');
  return name;
}

function taggedMedia(ctx: RouteContext, name: string): MediaRecord[] {
  return ctx.world
    .allVisibleMedia()
    .filter((m) => m.tags.includes(name))
    .sort((a, b) => (a.tagId === b.tagId ? 0 : a.tagId > b.tagId ? -1 : 1));
}

export const tagRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/tags/{tag}',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const name = tagName(ctx);
      return { data: { media_count: taggedMedia(ctx, name).length, name } };
    },
  },
  {
    method: 'GET',
    pattern: '/tags/{tag}/media/recent',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const name = tagName(ctx);
      const visible = taggedMedia(ctx, name).filter((m) => ctx.world.canSeeMediaOf(ctx.viewer.userId, m.ownerId));
      const requestedMin = parseCursor(ctx.params.get('min_tag_id'));
      const page = paginate(visible, (m) => m.tagId, {
        max: parseCursor(ctx.params.get('max_tag_id')),
        min: requestedMin,
        count: parseCount(ctx.params.get('count'), 20, 33),
      });
      const first = page.items[0];
      const last = page.items[page.items.length - 1];
      const pagination: { [key: string]: string } = { deprecation_warning: DEPRECATION_WARNING };
      // min_tag_id is what a poller passes next time to get only newer media.
      const minTagId = first ? String(first.tagId) : requestedMin !== undefined ? String(requestedMin) : undefined;
      if (minTagId !== undefined) {
        pagination.min_tag_id = minTagId;
        pagination.next_min_id = minTagId;
      }
      if (page.more && last) {
        const next = String(last.tagId);
        pagination.next_max_tag_id = next;
        pagination.next_max_id = next;
        pagination.next_url = ctx.nextUrl({ max_tag_id: next });
      }
      return { data: page.items.map((m) => media(ctx.world, m, ctx.viewer.userId)), pagination };
    },
  },
  {
    method: 'GET',
    pattern: '/tags/search',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const q = ctx.params.get('q')?.trim().replace(/^#/, '').toLowerCase();
      if (!q) throw invalidParameters('Missing required parameter: q');
      const counts = new Map<string, number>();
      for (const m of ctx.world.allVisibleMedia()) {
        for (const t of m.tags) if (t.startsWith(q) && !BLOCKED_TAGS.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      if (!counts.has(q) && /^[\p{L}\p{N}_]+$/u.test(q) && !BLOCKED_TAGS.has(q)) counts.set(q, 0);
      const tags = [...counts.entries()]
        .sort((a, b) => (a[0] === q ? -1 : b[0] === q ? 1 : b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
        .map(([name, count]) => ({ media_count: count, name }));
      return { data: tags };
    },
  },
];
