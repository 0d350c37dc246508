// Every error type of reference §3.1 the emulator can produce, reaching igcord as its typed error over real HTTP,
// each carrying the X-Ratelimit headers of the response that carried it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../../sandbox/instagram/index.js';
import type { Auth } from '../../../src/providers/v1/api-call.js';
import { createInstagramClient } from '../../../src/providers/v1/client.js';
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
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

async function failure(call: Promise<unknown>): Promise<InstagramError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(InstagramError);
  return outcome as InstagramError;
}

describe('API errors from the emulator', () => {
  let world: EmulatorWorld;
  let alice: SeededUser;
  let auth: Auth;

  beforeAll(async () => {
    world = await startWorld();
    alice = world.publicUsers[0]!;
    auth = world.auth(alice);
  });
  afterEach(() => world.emulator.admin.clearFaults());
  afterAll(() => world?.close());

  it('a revoked token fails with InstagramTokenError (OAuthAccessTokenException, 400)', async () => {
    const doomed = world.auth(alice);
    await world.client.users.self(doomed);
    world.emulator.admin.revokeToken(doomed.accessToken);
    const error = await failure(world.client.users.self(doomed));
    expect(error).toBeInstanceOf(InstagramTokenError);
    expect(error).toMatchObject({ type: 'OAuthAccessTokenException', status: 400, retryable: false });
    expect(error.rateLimit.limit).toBe(500);
  });

  it('a missing access_token fails with InstagramOAuthError (OAuthParameterException)', async () => {
    const error = await failure(world.client.users.self({ userId: alice.id, accessToken: '' }));
    expect(error).toBeInstanceOf(InstagramOAuthError);
    expect(error.type).toBe('OAuthParameterException');
  });

  it('a token without the likes scope fails with InstagramScopeError naming the scope', async () => {
    const basic = world.auth(alice, ['basic', 'public_content']);
    const media = (await world.client.users.recentMedia(basic, { userId: world.publicUsers[1]!.id, count: 1 }))
      .data[0]!;
    const error = await failure(world.client.likes.like(basic, media.id));
    expect(error).toBeInstanceOf(InstagramScopeError);
    expect((error as InstagramScopeError).scope).toBe('likes');
    expect(error.rateLimit.remaining).toBeLessThan(500);
  });

  it('an unknown media id fails with InstagramNotFoundError, status 400 as the API answered', async () => {
    const error = await failure(world.client.media.get(auth, '1_1'));
    expect(error).toBeInstanceOf(InstagramNotFoundError);
    expect(error).toMatchObject({ type: 'APINotFoundError', status: 400 });
  });

  it('an unknown user id fails with InstagramNotFoundError', async () => {
    expect(await failure(world.client.users.get(auth, '1'))).toBeInstanceOf(InstagramNotFoundError);
  });

  it('a blocked tag fails with InstagramNotAllowedError', async () => {
    const error = await failure(world.client.tags.get(auth, 'blocked'));
    expect(error).toBeInstanceOf(InstagramNotAllowedError);
    expect(error.message).toBe('This tag cannot be viewed');
  });

  it('the media of a private user one does not follow fails with InstagramNotAllowedError', async () => {
    const stranger = world.privateUsers[0]!;
    const status = await world.client.relationships.status(auth, stranger.id);
    if (status.data.outgoing_status === 'follows') await world.client.relationships.act(auth, stranger.id, 'unfollow');
    expect(await failure(world.client.users.recentMedia(auth, { userId: stranger.id }))).toBeInstanceOf(
      InstagramNotAllowedError,
    );
  });

  it('a search without q fails with InstagramInvalidParametersError', async () => {
    const error = await failure(world.client.users.search(auth, ''));
    expect(error).toBeInstanceOf(InstagramInvalidParametersError);
    expect(error.type).toBe('APIInvalidParametersError');
  });

  it('comments that break the rules fail with the API’s comment errors', async () => {
    const media = (await world.client.users.recentMedia(auth, { count: 1 })).data[0]!;
    const long = await failure(world.client.comments.create(auth, media.id, 'a'.repeat(301)));
    expect(long).toBeInstanceOf(InstagramCommentRuleError);
    expect(long.type).toBe('APICommentTooLongError');
    expect((await failure(world.client.comments.create(auth, media.id, '#a #b #c #d #e'))).type).toBe(
      'APICommentTooManyTagsError',
    );
    expect((await failure(world.client.comments.create(auth, media.id, 'GREAT SHOT'))).type).toBe(
      'APICommentAllCapsError',
    );
    const urls = await failure(world.client.comments.create(auth, media.id, 'https://a.example https://b.example'));
    expect(urls).toBeInstanceOf(InstagramInvalidParametersError);
  });

  it('an injected 500 fails with a retryable InstagramServerError, and the next call succeeds', async () => {
    world.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'status', status: 500, times: 1 });
    const error = await failure(world.client.users.self(auth));
    expect(error).toBeInstanceOf(InstagramServerError);
    expect(error).toMatchObject({ status: 500, retryable: true, type: 'APIError' });
    expect(error.rateLimit.limit).toBe(500);
    expect((await world.client.users.self(auth)).data.id).toBe(alice.id);
  });

  it('a truncated body fails with InstagramResponseError', async () => {
    world.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'malformed', times: 1 });
    const error = await failure(world.client.users.self(auth));
    expect(error).toBeInstanceOf(InstagramResponseError);
    expect(error.type).toBe('MalformedResponse');
  });

  it('a reset connection fails with a retryable InstagramNetworkError', async () => {
    world.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'reset', times: 1 });
    const error = await failure(world.client.users.self(auth));
    expect(error).toBeInstanceOf(InstagramNetworkError);
    expect(error.retryable).toBe(true);
  });

  it('an answer slower than the timeout fails with InstagramTimeoutError', async () => {
    const impatient = createInstagramClient({
      apiUrl: world.emulator.url,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
      timeoutMs: 150,
      signedRequests: false,
    });
    world.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'latency', ms: 1_000, times: 1 });
    expect(await failure(impatient.users.self(auth))).toBeInstanceOf(InstagramTimeoutError);
  });

  it('an injected rate limit fails with InstagramRateLimitError (429)', async () => {
    world.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'ratelimit', times: 1 });
    const error = await failure(world.client.users.self(auth));
    expect(error).toBeInstanceOf(InstagramRateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'OAuthRateLimitException', retryable: true });
  });

  it('wrong app credentials fail with InstagramOAuthError (OAuthClientException) on subscriptions', async () => {
    const stranger = createInstagramClient({
      apiUrl: world.emulator.url,
      clientId: 'f'.repeat(32),
      clientSecret: 'e'.repeat(32),
      redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
      timeoutMs: 2_000,
      signedRequests: false,
    });
    const error = await failure(stranger.subscriptions.list());
    expect(error).toBeInstanceOf(InstagramOAuthError);
    expect(error.type).toBe('OAuthClientException');
  });

  it('a callback URL that is not http(s) fails with InstagramSubscriptionError', async () => {
    const error = await failure(world.client.subscriptions.create({ callbackUrl: 'ftp://127.0.0.1/hook' }));
    expect(error).toBeInstanceOf(InstagramSubscriptionError);
    expect(error.type).toBe('APISubscriptionError');
  });
});

describe('budgets from the emulator (short window)', () => {
  let world: EmulatorWorld;
  beforeAll(async () => {
    world = await startWorld({ windowMs: 2_000, globalLimit: 3, writeLimit: 1 });
  });
  afterAll(() => world?.close());

  it('the call over the global budget fails with InstagramRateLimitError and remaining 0; failed calls counted', async () => {
    const auth = world.auth(world.publicUsers[0]!);
    const first = await world.client.users.self(auth);
    expect(first.rateLimit).toEqual({ limit: 3, remaining: 2 });
    await failure(world.client.media.get(auth, '1_1'));
    const third = await world.client.users.self(auth);
    expect(third.rateLimit.remaining).toBe(0);
    const error = await failure(world.client.users.self(auth));
    expect(error).toBeInstanceOf(InstagramRateLimitError);
    expect(error.rateLimit).toEqual({ limit: 3, remaining: 0 });
  });

  it('the second like within the window fails: the likes write bucket holds one', async () => {
    const user = world.publicUsers[1]!;
    const auth = world.auth(user);
    const other = world.publicUsers[2]!;
    const media = (await world.client.users.recentMedia(auth, { userId: other.id, count: 2 })).data;
    await world.client.likes.like(auth, media[0]!.id);
    const error = await failure(world.client.likes.like(auth, media[1]!.id));
    expect(error).toBeInstanceOf(InstagramRateLimitError);
  });
});

describe('signed requests refused (403)', () => {
  let world: EmulatorWorld;
  beforeAll(async () => {
    world = await startWorld({ signedRequests: true });
  });
  afterAll(() => world?.close());

  const unsignedClient = (secret: string, signedRequests: boolean) =>
    createInstagramClient({
      apiUrl: world.emulator.url,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: secret,
      redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
      timeoutMs: 2_000,
      signedRequests,
    });

  it('a call without sig to an enforcing app fails with InstagramSignatureError (top-level 403)', async () => {
    const auth = world.auth(world.publicUsers[0]!);
    const error = await failure(unsignedClient(SANDBOX_CLIENT.clientSecret, false).users.self(auth));
    expect(error).toBeInstanceOf(InstagramSignatureError);
    expect(error).toMatchObject({ status: 403, type: 'OAuthForbiddenException' });
    expect(error.message).toContain("Missing required parameter 'sig'");
  });

  it('a call signed with another secret fails with “Signature does not match”', async () => {
    const auth = world.auth(world.publicUsers[0]!);
    const error = await failure(unsignedClient('0'.repeat(32), true).users.self(auth));
    expect(error).toBeInstanceOf(InstagramSignatureError);
    expect(error.message).toContain('Signature does not match');
  });
});
