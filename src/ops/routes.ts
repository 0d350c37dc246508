// The operations routes of igcord's HTTP server: GET /metrics in the Prometheus text format and GET /healthz as
// JSON (200 when every check passes, 503 otherwise, so a load balancer or orchestrator can act on the status).
// /metrics tells whoever asks how many feeds, guilds and calls igcord has; with METRICS_TOKEN set it answers only
// a scraper that sends the token. /healthz stays open: load balancers probe it without credentials.
import { createHash, timingSafeEqual } from 'node:crypto';
import { json, type HttpResponse } from '../http/http-response.js';
import { route, type Route } from '../http/router.js';
import { checkHealth, type HealthSources } from './health.js';
import { METRICS_CONTENT_TYPE, type MetricsRegistry } from './metrics.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `authorization` is `Bearer <token>`. Both sides are hashed first so the comparison is constant-time
 * whatever the length of what was sent (timingSafeEqual needs equal lengths; comparing lengths would leak one).
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer ([\x21-\x7e]+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token)) && sent.length > 0;
}

const UNAUTHORIZED: HttpResponse = json(
  401,
  { ok: false, error: 'unauthorized', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' },
  {
    'www-authenticate': 'Bearer realm="igcord metrics"',
    'cache-control': 'no-store',
  },
);

export function opsRoutes(options: {
  metrics: MetricsRegistry;
  health: HealthSources;
  metricsToken?: string | undefined;
}): Route[] {
  const { metricsToken } = options;
  return [
    route('GET', '/metrics', async ({ req }): Promise<HttpResponse> => {
      if (metricsToken !== undefined && !bearerMatches(req.headers.authorization, metricsToken)) return UNAUTHORIZED;
      return {
        status: 200,
        headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' },
        body: await options.metrics.render(),
      };
    }),
    route('GET', '/healthz', async (): Promise<HttpResponse> => {
      const report = await checkHealth(options.health);
      return json(report.ok ? 200 : 503, report, { 'cache-control': 'no-store' });
    }),
  ];
}
