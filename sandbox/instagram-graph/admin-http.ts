// The admin API over HTTP under /_emulator/ (JSON in, JSON out): the in-process admin's operations for people
// with curl and tests in other processes. Admin calls are never charged nor logged as API calls.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseAdminBody } from '../shared/admin-error.js';
import { AdminError, type GraphEmulatorAdmin } from './admin.js';
import { faultSpecSchema } from './faults.js';
import { sendJson } from './http-util.js';

const accountBody = z.object({
  username: z.string(),
  name: z.string().optional(),
  account_type: z.enum(['BUSINESS', 'MEDIA_CREATOR', 'PERSONAL']).optional(),
  login: z.enum(['instagram', 'facebook', 'both']).optional(),
  impressions: z.number().int().min(0).optional(),
  followers: z.number().int().min(0).optional(),
  media: z.number().int().min(0).max(100).optional(),
});
const mediaBody = z.object({
  type: z.enum(['image', 'video', 'carousel', 'reel', 'story']).optional(),
  caption: z.string().max(2200).optional(),
  children: z.array(z.enum(['image', 'video'])).optional(),
  tagged: z.array(z.string()).optional(),
  like_count: z.number().int().min(0).optional(),
  likes_hidden: z.boolean().optional(),
  copyrighted_audio: z.boolean().optional(),
  timestamp: z.number().int().optional(),
});
const commentBody = z.object({
  media_id: z.string(),
  from: z.string().min(1),
  text: z.string().min(1),
  parent_id: z.string().optional(),
});
const tokenBody = z.object({
  account: z.string(),
  login: z.enum(['instagram', 'facebook']).optional(),
  kind: z.enum(['short', 'long', 'page']).optional(),
  scopes: z.array(z.string()).optional(),
});
const tokenRef = z.object({ access_token: z.string().min(1), reason: z.enum(['password', 'invalid']).optional() });
const clockBody = z.object({
  now: z.union([z.number().int(), z.iso.datetime({ offset: true })]).optional(),
  advance_ms: z.number().int().optional(),
});
const usageBody = z.object({
  call_count: z.number().int().min(0).max(100).optional(),
  total_cputime: z.number().int().min(0).max(100).optional(),
  total_time: z.number().int().min(0).max(100).optional(),
  regain_minutes: z.number().int().min(0).optional(),
  impressions: z.number().int().min(0).optional(),
});

const parse = parseAdminBody;

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function handleAdmin(
  admin: GraphEmulatorAdmin,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(2).map(decodeURIComponent);
  const [area, id, sub] = parts;
  const route = `${method} /${[area, id === undefined ? undefined : ['accounts', 'media', 'faults', 'usage'].includes(area ?? '') ? ':id' : id, sub].filter((p) => p !== undefined).join('/')}`;
  try {
    switch (route) {
      case 'GET /app':
        return sendJson(res, 200, { app: admin.app(), hosts: admin.hosts() });
      case 'GET /accounts':
        return sendJson(res, 200, { data: admin.accounts() });
      case 'POST /accounts': {
        const b = parse(accountBody, body, 'account');
        return sendJson(res, 200, {
          data: admin.createAccount(
            defined({
              username: b.username,
              name: b.name,
              accountType: b.account_type,
              login: b.login,
              impressions: b.impressions,
              followers: b.followers,
              media: b.media,
            }),
          ),
        });
      }
      case 'POST /accounts/:id/media': {
        const b = parse(mediaBody, body, 'media');
        return sendJson(res, 200, {
          data: admin.postMedia(
            id ?? '',
            defined({
              type: b.type,
              caption: b.caption,
              children: b.children,
              tagged: b.tagged,
              likeCount: b.like_count,
              likesHidden: b.likes_hidden,
              copyrightedAudio: b.copyrighted_audio,
              timestamp: b.timestamp,
            }),
          ),
        });
      }
      case 'POST /media/:id/caption':
        return sendJson(res, 200, {
          data: admin.editCaption(
            id ?? '',
            parse(z.object({ caption: z.string().max(2200) }), body, 'caption').caption,
          ),
        });
      case 'DELETE /media/:id':
        return admin.deleteMedia(id ?? '').deleted
          ? sendJson(res, 200, { deleted: true })
          : sendJson(res, 404, { error: 'no such media' });
      case 'POST /comments': {
        const b = parse(commentBody, body, 'comment');
        return sendJson(res, 200, {
          data: admin.postComment(defined({ mediaId: b.media_id, from: b.from, text: b.text, parentId: b.parent_id })),
        });
      }
      case 'GET /tokens':
        return sendJson(res, 200, { data: admin.issuedTokens() });
      case 'POST /tokens': {
        const b = parse(tokenBody, body, 'token request');
        return sendJson(
          res,
          200,
          admin.mintToken(defined({ account: b.account, login: b.login, kind: b.kind, scopes: b.scopes })),
        );
      }
      case 'POST /tokens/revoke': {
        const b = parse(tokenRef, body, 'revoke request');
        return sendJson(res, 200, admin.revokeToken(b.access_token, b.reason));
      }
      case 'POST /tokens/expire':
        return sendJson(res, 200, admin.expireToken(parse(tokenRef, body, 'expire request').access_token));
      case 'GET /clock':
        return sendJson(res, 200, { now: admin.now(), iso: new Date(admin.now()).toISOString() });
      case 'POST /clock': {
        const b = parse(clockBody, body, 'clock');
        if (b.now !== undefined) admin.setNow(typeof b.now === 'number' ? b.now : Date.parse(b.now));
        if (b.advance_ms !== undefined) admin.advance(b.advance_ms);
        return sendJson(res, 200, { now: admin.now(), iso: new Date(admin.now()).toISOString() });
      }
      case 'POST /usage/:id': {
        const b = parse(usageBody, body, 'usage');
        if (b.impressions !== undefined) admin.setImpressions(id ?? '', b.impressions);
        admin.setUsage(
          id ?? '',
          defined({
            call_count: b.call_count,
            total_cputime: b.total_cputime,
            total_time: b.total_time,
            regainMinutes: b.regain_minutes,
          }),
        );
        return sendJson(res, 200, { ok: true });
      }
      case 'DELETE /usage':
        admin.resetUsage();
        return sendJson(res, 200, { reset: true });
      case 'POST /faults':
        return sendJson(res, 200, admin.injectFault(parse(faultSpecSchema, body, 'fault')));
      case 'DELETE /faults':
        admin.clearFaults();
        return sendJson(res, 200, { cleared: true });
      case 'DELETE /faults/:id':
        return admin.removeFault(id ?? '').removed
          ? sendJson(res, 200, { removed: true })
          : sendJson(res, 404, { error: 'no such fault' });
      case 'GET /requests':
        return sendJson(res, 200, { data: admin.requests() });
      case 'DELETE /requests':
        admin.clearRequests();
        return sendJson(res, 200, { cleared: true });
      case 'GET /deliveries':
        return sendJson(res, 200, { data: admin.deliveries() });
      case 'POST /deliveries/flush':
        admin.flushWebhooks();
        return sendJson(res, 200, { flushed: true });
      default:
        return sendJson(res, 404, { error: `no admin route ${method} ${url.pathname}` });
    }
  } catch (error) {
    if (error instanceof AdminError) return sendJson(res, error.status, { error: error.message });
    throw error;
  }
}
