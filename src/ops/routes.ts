// The operations routes of igcord's HTTP server: GET /metrics in the Prometheus text format and GET /healthz as
// JSON (200 when every check passes, 503 otherwise, so a load balancer or orchestrator can act on the status).
import { json, type HttpResponse } from '../http/http-response.js';
import { route, type Route } from '../http/router.js';
import { checkHealth, type HealthSources } from './health.js';
import { METRICS_CONTENT_TYPE, type MetricsRegistry } from './metrics.js';

export function opsRoutes(options: { metrics: MetricsRegistry; health: HealthSources }): Route[] {
  return [
    route('GET', '/metrics', async (): Promise<HttpResponse> => ({
      status: 200,
      headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' },
      body: await options.metrics.render(),
    })),
    route('GET', '/healthz', async (): Promise<HttpResponse> => {
      const report = await checkHealth(options.health);
      return json(report.ok ? 200 : 503, report, { 'cache-control': 'no-store' });
    }),
  ];
}
