// Redirects: an "Instagram" that answers 30x to another origin (a compromised proxy, a hijacked DNS name, a
// misconfigured API_URL) must not receive igcord's credentials a second time. fetch's default would re-POST the
// form — client_secret and the OAuth code — to the new origin on 307/308. Two real servers: the API that
// redirects, and the other origin, which records everything that reaches it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InstagramResponseError } from '../../../src/providers/v1/errors.js';
import { createTransport } from '../../../src/providers/v1/transport.js';

let api: Server;
let elsewhere: Server;
let apiUrl: string;
let elsewhereUrl: string;
let redirectStatus = 307;
const reachedElsewhere: { method: string; url: string; body: string }[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  elsewhere = createServer(async (req, res) => {
    reachedElsewhere.push({ method: req.method ?? '', url: req.url ?? '', body: await readBody(req) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ access_token: 'stolen', user: { id: '1', username: 'x' }, meta: { code: 200 }, data: {} }),
    );
  });
  api = createServer(async (req, res) => {
    await readBody(req);
    res.writeHead(redirectStatus, { location: `${elsewhereUrl}${req.url ?? '/'}` });
    res.end();
  });
  elsewhereUrl = await listen(elsewhere);
  apiUrl = await listen(api);
});
afterAll(async () => {
  await Promise.all([api, elsewhere].map((s) => new Promise((resolve) => s.close(resolve))));
});
beforeEach(() => {
  reachedElsewhere.length = 0;
});

describe('Instagram transport and redirects', () => {
  const transport = () => createTransport({ apiUrl, timeoutMs: 5000 });

  for (const status of [307, 308, 301, 302, 303]) {
    it(`does not follow a ${status} of the code exchange to another origin: client_secret and code never leave`, async () => {
      redirectStatus = status;
      const exchange = transport().send({
        method: 'POST',
        path: '/oauth/access_token',
        params: [
          ['client_id', 'app-id'],
          ['client_secret', 'the-app-secret'],
          ['grant_type', 'authorization_code'],
          ['redirect_uri', 'https://igcord.example/oauth/callback'],
          ['code', 'one-time-code'],
        ],
        envelope: false,
      });
      const error = await exchange.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InstagramResponseError);
      expect((error as InstagramResponseError).type).toBe('Redirect');
      expect((error as InstagramResponseError).status).toBe(status);
      expect((error as InstagramResponseError).retryable).toBe(false);
      expect((error as Error).message).not.toContain('the-app-secret');
      expect(reachedElsewhere).toEqual([]);
    });
  }

  it('does not follow a redirect of an API read either, so the access token stays with Instagram', async () => {
    redirectStatus = 302;
    const read = transport().send({
      method: 'GET',
      path: '/v1/users/self',
      params: [['access_token', 'secret-token']],
      envelope: true,
    });
    await expect(read).rejects.toMatchObject({ type: 'Redirect', status: 302 });
    expect(reachedElsewhere).toEqual([]);
  });
});
