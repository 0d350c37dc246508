import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InstagramCommentRuleError,
  InstagramError,
  InstagramInvalidParametersError,
  InstagramNetworkError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  InstagramOAuthError,
  InstagramRateLimitError,
  InstagramResponseError,
  InstagramScopeError,
  InstagramServerError,
  InstagramSignatureError,
  InstagramSubscriptionError,
  InstagramTimeoutError,
  InstagramTokenError,
} from '../../../src/providers/v1/errors.js';
import { signRequest } from '../../../src/providers/v1/signing.js';
import { createTransport } from '../../../src/providers/v1/transport.js';

// A scripted Instagram: each path answers what the test put in `answers`, with budget headers, and records what
// it received so the tests can check where credentials went.
// 'hang' never answers (until the client goes away): a timeout that does not depend on how fast the machine is.
type Answer = { status: number; body: string; headers?: Record<string, string> } | 'reset' | 'hang';
const answers = new Map<string, Answer>();
const received: { method: string; url: string; body: string; contentType: string | undefined }[] = [];
/** Resolves when the scripted Instagram has read a request for `path`. */
const arrivals = new Map<string, () => void>();
const arrived = (path: string) => new Promise<void>((resolve) => arrivals.set(path, resolve));
let server: Server;
let apiUrl: string;

function envelopeError(code: number, type: string, message: string): Answer {
  return { status: code, body: JSON.stringify({ meta: { code, error_type: type, error_message: message } }) };
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body, contentType: req.headers['content-type'] });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      arrivals.get(path)?.();
      const answer = answers.get(path) ?? { status: 404, body: '<!DOCTYPE html><html>Page not found</html>' };
      if (answer === 'reset') return req.socket.destroy();
      if (answer === 'hang') return;
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '500',
        'X-Ratelimit-Remaining': '321',
        ...answer.headers,
      });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// Only there to bound a hang: a loaded machine can take seconds to answer on loopback, and no test here waits
// for it to pass except the one about timeouts, which uses its own short one against an Instagram that never answers.
const TIMEOUT_MS = 10_000;
const transport = (timeoutMs = TIMEOUT_MS) => createTransport({ apiUrl, timeoutMs });

async function failureOf(path: string, answer: Answer, timeoutMs = TIMEOUT_MS): Promise<InstagramError> {
  answers.set(path, answer);
  try {
    await transport(timeoutMs).send({ method: 'GET', path, params: [['access_token', 't']], envelope: true });
  } catch (error) {
    expect(error).toBeInstanceOf(InstagramError);
    return error as InstagramError;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('transport: requests', () => {
  it('sends access_token in the query for GET and DELETE and reads the envelope and budget headers', async () => {
    answers.set('/v1/users/self', { status: 200, body: '{"meta":{"code":200},"data":{"id":"1"}}' });
    const response = await transport().send({
      method: 'GET',
      path: '/v1/users/self',
      params: [
        ['access_token', 'tok'],
        ['count', undefined],
      ],
      envelope: true,
    });
    expect(response).toEqual({
      status: 200,
      data: { id: '1' },
      pagination: undefined,
      rateLimit: { limit: 500, remaining: 321 },
    });
    expect(received.at(-1)).toMatchObject({ method: 'GET', url: '/v1/users/self?access_token=tok', body: '' });
  });

  it('sends POST parameters form-encoded in the body, never in the query', async () => {
    answers.set('/v1/media/1_2/comments', { status: 200, body: '{"meta":{"code":200},"data":null}' });
    await transport().send({
      method: 'POST',
      path: '/v1/media/1_2/comments',
      params: [
        ['access_token', 'tok'],
        ['text', 'nice & sunny'],
      ],
      envelope: true,
    });
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v1/media/1_2/comments',
      body: 'access_token=tok&text=nice+%26+sunny',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('signs /v1 calls over the decoded path and every parameter when a signing secret is set', async () => {
    answers.set('/v1/tags/caf%C3%A9', {
      status: 200,
      body: '{"meta":{"code":200},"data":{"name":"café","media_count":1}}',
    });
    const secret = '6dc1787668c64c939929c17683d7cb74';
    await createTransport({ apiUrl, timeoutMs: TIMEOUT_MS, signingSecret: secret }).send({
      method: 'GET',
      path: '/v1/tags/caf%C3%A9',
      params: [
        ['access_token', 'tok'],
        ['sig', 'stale'],
      ],
      envelope: true,
    });
    const query = new URL(received.at(-1)!.url, 'http://x').searchParams;
    expect(query.getAll('sig')).toEqual([signRequest('/tags/café', [['access_token', 'tok']], secret)]);
  });
});

describe('transport: error mapping (reference §3.1)', () => {
  const cases: [string, number, typeof InstagramError][] = [
    ['OAuthParameterException', 400, InstagramOAuthError],
    ['OAuthAccessTokenException', 400, InstagramTokenError],
    ['OAuthPermissionsException', 400, InstagramScopeError],
    ['OAuthClientException', 400, InstagramOAuthError],
    ['OAuthRateLimitException', 429, InstagramRateLimitError],
    ['APINotAllowedError', 400, InstagramNotAllowedError],
    ['APINotFoundError', 400, InstagramNotFoundError],
    ['APIInvalidParametersError', 400, InstagramInvalidParametersError],
    ['APICommentTooLongError', 400, InstagramCommentRuleError],
    ['APICommentTooManyTagsError', 400, InstagramCommentRuleError],
    ['APICommentAllCapsError', 400, InstagramCommentRuleError],
    ['APISubscriptionError', 400, InstagramSubscriptionError],
    ['APIError', 500, InstagramServerError],
  ];
  for (const [type, code, kind] of cases) {
    it(`maps a ${code} ${type} envelope to ${kind.name} carrying the budget headers`, async () => {
      const error = await failureOf(`/v1/e/${type}`, envelopeError(code, type, `${type} happened`));
      expect(error).toBeInstanceOf(kind);
      expect(error).toMatchObject({ type, status: code, code, message: `${type} happened` });
      expect(error.rateLimit).toEqual({ limit: 500, remaining: 321 });
      expect(error.retryable).toBe(kind === InstagramRateLimitError || kind === InstagramServerError);
    });
  }

  it('reads the missing scope of an OAuthPermissionsException', async () => {
    const error = await failureOf(
      '/v1/e/scope',
      envelopeError(
        400,
        'OAuthPermissionsException',
        'This request requires scope=likes, but this access token is not authorized with this scope.',
      ),
    );
    expect(error).toBeInstanceOf(InstagramScopeError);
    expect((error as InstagramScopeError).scope).toBe('likes');
  });

  it('maps the top-level 403 signed-request body to InstagramSignatureError', async () => {
    const error = await failureOf('/v1/e/sig', {
      status: 403,
      body: '{"code":403,"error_type":"OAuthForbiddenException","error_message":"Invalid signed-request: Signature does not match"}',
    });
    expect(error).toBeInstanceOf(InstagramSignatureError);
    expect(error).toMatchObject({ status: 403, type: 'OAuthForbiddenException' });
  });

  it('maps a top-level OAuthException (OAuth endpoints) to InstagramOAuthError', async () => {
    const error = await failureOf('/oauth/access_token', {
      status: 400,
      body: '{"code":400,"error_type":"OAuthException","error_message":"Matching code was not found or was already used."}',
    });
    expect(error).toBeInstanceOf(InstagramOAuthError);
    expect(error.message).toBe('Matching code was not found or was already used.');
  });

  it('treats edge throttling (top-level 420 and 429) as rate limiting, with Retry-After as the estimate, and a 503 as a retryable server error', async () => {
    const e420 = await failureOf('/v1/e/420', {
      status: 420,
      body: '{"code":420,"error_type":"RateLimit","error_message":"slow down"}',
    });
    expect(e420).toBeInstanceOf(InstagramRateLimitError);
    const before = Date.now();
    const e429 = await failureOf('/v1/e/429', { status: 429, body: '{"code":429}', headers: { 'retry-after': '30' } });
    expect(e429).toBeInstanceOf(InstagramRateLimitError);
    expect((e429 as InstagramRateLimitError).resetsAt).toBeGreaterThanOrEqual(before + 30_000);
    const e503 = await failureOf('/v1/e/503', envelopeError(503, 'APIError', 'busy'));
    expect(e503).toBeInstanceOf(InstagramServerError);
    expect(e503).not.toBeInstanceOf(InstagramRateLimitError);
    expect(e503).toMatchObject({ status: 503, retryable: true, rateLimit: { limit: 500, remaining: 321 } });
  });

  it('maps an HTML 404 page (unknown route) to a non-retryable InstagramResponseError', async () => {
    const error = await failureOf('/v1/nowhere', { status: 404, body: '<!DOCTYPE html><html>Page not found</html>' });
    expect(error).toBeInstanceOf(InstagramResponseError);
    expect(error).toMatchObject({ status: 404, type: 'HtmlResponse', retryable: false });
  });

  it('maps a truncated 200 body to a retryable InstagramResponseError with the headers', async () => {
    const error = await failureOf('/v1/e/truncated', { status: 200, body: '{"meta":{"code":200},"data":{"id":"1' });
    expect(error).toBeInstanceOf(InstagramResponseError);
    expect(error).toMatchObject({
      type: 'MalformedResponse',
      retryable: true,
      rateLimit: { limit: 500, remaining: 321 },
    });
  });

  it('maps a 200 without the meta envelope to InstagramResponseError', async () => {
    const error = await failureOf('/v1/e/bare', { status: 200, body: '{"data":[]}' });
    expect(error).toBeInstanceOf(InstagramResponseError);
  });

  it('maps a reset connection to a retryable InstagramNetworkError', async () => {
    const error = await failureOf('/v1/e/reset', 'reset');
    expect(error).toBeInstanceOf(InstagramNetworkError);
    expect(error.retryable).toBe(true);
  });

  it('maps a refused connection to InstagramNetworkError, distinct from a timeout', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createTransport({ apiUrl: `http://127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS })
      .send({ method: 'GET', path: '/v1/users/self', params: [], envelope: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramNetworkError);
  });

  it('maps an answer slower than timeoutMs to a retryable InstagramTimeoutError', async () => {
    const error = await failureOf('/v1/e/slow', 'hang', 200);
    expect(error).toBeInstanceOf(InstagramTimeoutError);
    expect(error.retryable).toBe(true);
  });

  it("rethrows the caller's abort instead of calling it a timeout", async () => {
    answers.set('/v1/e/aborted', 'hang');
    const controller = new AbortController();
    const reached = arrived('/v1/e/aborted');
    const pending = transport().send({
      method: 'GET',
      path: '/v1/e/aborted',
      params: [],
      envelope: true,
      signal: controller.signal,
    });
    await reached;
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toThrow('user gave up');
  });
});
