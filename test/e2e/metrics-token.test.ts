// /metrics behind METRICS_TOKEN, over HTTP against a whole igcord: with the token set, a scrape needs
// `Authorization: Bearer <token>` and anything else is 401 without a byte of metrics; /healthz stays open for load
// balancers; without the variable /metrics is open as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const TOKEN = 'metrics-scraper-4f1c9a7e2b';

describe('/metrics with METRICS_TOKEN', () => {
  let igcord: TestIgcord;
  const metrics = (headers: Record<string, string> = {}) => fetch(`${igcord.app.http.url}/metrics`, { headers });

  beforeAll(async () => {
    igcord = await startTestIgcord({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('serves the metrics to a scraper with the bearer token', async () => {
    const response = await metrics({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('igcord_commands_total');
  });

  it('answers 401 with a Bearer challenge and no metrics without the token, or with a wrong one', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      'Bearer ',
      `Basic ${TOKEN}`,
      TOKEN,
      `bearer  ${TOKEN} extra`,
    ]) {
      const response = await metrics(authorization === undefined ? {} : { authorization });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="igcord metrics"');
      const body = await response.text();
      expect(body).not.toContain('igcord_');
      expect(body).not.toContain(TOKEN);
    }
  });

  it('leaves /healthz open', async () => {
    const response = await fetch(`${igcord.app.http.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('never writes the token to the logs', () => {
    expect(igcord.logs()).not.toContain(TOKEN);
  });
});
