// The HTTP admin API under /_emulator/ (JSON in, JSON out): the same operations as the in-process admin, for
// people with curl and for tests in other processes. Admin calls are never rate limited nor logged as API calls.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseAdminBody } from '../shared/admin-error.js';
import { AdminError, type EmulatorAdmin } from './admin.js';
import { faultSpecSchema } from './faults.js';
import { sendJson } from './http-util.js';
import type { Json } from './json.js';

const tokenBody = z.object({
  user_id: z.string().optional(),
  username: z.string().optional(),
  scopes: z.union([z.array(z.string()), z.string()]).optional(),
  client_id: z.string().optional(),
});
const userBody = z.object({
  username: z.string(),
  full_name: z.string().max(100).optional(),
  is_private: z.boolean().optional(),
  media: z.number().int().min(0).optional(),
});
const revokeBody = z.object({ access_token: z.string().min(1) });
const mediaBody = z.object({
  type: z.enum(['image', 'video', 'carousel']).optional(),
  caption: z.string().max(2200).optional(),
  location_id: z.union([z.string(), z.number()]).optional(),
  tagged: z.array(z.string()).optional(),
  /** A carousel's items in order. */
  items: z
    .array(z.enum(['image', 'video']))
    .min(2)
    .max(10)
    .optional(),
  /** Top-level media fields served as given (odd but valid media). */
  quirks: z.record(z.string(), z.json()).optional(),
});

const parse = parseAdminBody;

export function handleAdmin(
  admin: EmulatorAdmin,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(2).map(decodeURIComponent);
  const route = `${method} /${parts.map((p, i) => (i === 1 && ['users', 'media', 'faults'].includes(parts[0] ?? '') ? ':id' : p)).join('/')}`;
  try {
    switch (route) {
      case 'GET /users':
        return sendJson(res, 200, { data: admin.users() });
      case 'POST /users': {
        const b = parse(userBody, body, 'user');
        const data = admin.createUser({
          username: b.username,
          ...(b.full_name !== undefined ? { full_name: b.full_name } : {}),
          ...(b.is_private !== undefined ? { is_private: b.is_private } : {}),
          ...(b.media !== undefined ? { media: b.media } : {}),
        });
        return sendJson(res, 200, { data });
      }
      case 'POST /tokens': {
        const b = parse(tokenBody, body, 'token request');
        return sendJson(
          res,
          200,
          admin.mintToken({
            ...(b.user_id !== undefined ? { userId: b.user_id } : {}),
            ...(b.username !== undefined ? { username: b.username } : {}),
            ...(b.scopes !== undefined ? { scopes: b.scopes } : {}),
            ...(b.client_id !== undefined ? { clientId: b.client_id } : {}),
          }),
        );
      }
      case 'POST /tokens/revoke':
        // Idempotent: revoking an unknown or already revoked token leaves it unusable all the same.
        admin.revokeToken(parse(revokeBody, body, 'revoke request').access_token);
        return sendJson(res, 200, { revoked: true });
      case 'POST /users/:id/media': {
        const b = parse(mediaBody, body, 'media');
        const data = admin.postMedia(parts[1] ?? '', {
          ...(b.type !== undefined ? { type: b.type } : {}),
          ...(b.caption !== undefined ? { caption: b.caption } : {}),
          ...(b.location_id !== undefined ? { locationId: String(b.location_id) } : {}),
          ...(b.tagged !== undefined ? { taggedUsernames: b.tagged } : {}),
          ...(b.items !== undefined ? { carouselItems: b.items } : {}),
          ...(b.quirks !== undefined ? { quirks: b.quirks as Record<string, Json> } : {}),
        });
        return sendJson(res, 200, { data });
      }
      case 'DELETE /media/:id': {
        const { deleted } = admin.deleteMedia(parts[1] ?? '');
        return deleted ? sendJson(res, 200, { deleted: true }) : sendJson(res, 404, { error: 'no such media' });
      }
      case 'POST /faults':
        return sendJson(res, 200, admin.injectFault(parse(faultSpecSchema, body, 'fault')));
      case 'DELETE /faults':
        admin.clearFaults();
        return sendJson(res, 200, { cleared: true });
      case 'DELETE /faults/:id': {
        const { removed } = admin.removeFault(parts[1] ?? '');
        return removed ? sendJson(res, 200, { removed: true }) : sendJson(res, 404, { error: 'no such fault' });
      }
      case 'GET /requests':
        return sendJson(res, 200, { data: admin.requests() });
      case 'DELETE /requests':
        admin.clearRequests();
        return sendJson(res, 200, { cleared: true });
      case 'GET /notifications':
        return sendJson(res, 200, { data: admin.notifications() });
      default:
        return sendJson(res, 404, { error: `no admin route ${method} ${url.pathname}` });
    }
  } catch (error) {
    if (error instanceof AdminError) return sendJson(res, error.status, { error: error.message });
    throw error;
  }
}
